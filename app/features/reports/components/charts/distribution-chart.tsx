// How answers spread over the L5 scale, one stacked bar per question (shares of valid answers).
// The legend is our own list in the scale's order (recharts' legend sorts by name); the colours
// step in lightness so a greyscale print still reads (chart-scale.ts).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { labelLayout, percentTick, rateTicks, scaleLegend } from "~/features/reports/chart-scale";
import type { Lang } from "~/kernel/i18n/i18n";
import { CategoryTick } from "./category-tick";
import { useWidth } from "./use-width";

export interface DistributionRow {
  label: string;
  /** Shares of valid answers for codes 1–5. */
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

export function DistributionChart({
  data,
  names,
  label,
  lang,
}: {
  data: DistributionRow[];
  names: string[];
  label: string;
  lang: Lang;
}) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const layout = labelLayout(width || 1000);
  const legend = scaleLegend(names);
  const pct = (v: number) => percentTick(v, lang);
  return (
    <figure className="chart-figure">
      <div className="chart" role="img" aria-label={label} ref={ref}>
        <ResponsiveContainer width="100%" height={Math.max(140, data.length * 30 + 50)}>
          <BarChart
            data={data}
            layout="vertical"
            stackOffset="expand"
            margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" ticks={rateTicks([0, 1], 20)} interval={0} tickFormatter={pct} />
            <YAxis
              type="category"
              dataKey="label"
              width={Math.min(layout.axisWidth, 110)}
              interval={0}
              tick={<CategoryTick maxChars={layout.maxChars} maxLines={1} />}
            />
            <Tooltip formatter={(v: unknown) => pct(Number(v))} />
            {legend.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                stackId="a"
                name={s.name}
                fill={s.colour}
                stroke="#ffffff"
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ol className="chart-legend" aria-label={label}>
        {legend.map((s) => (
          <li key={s.key}>
            <span className="chart-legend__swatch" style={{ background: s.colour }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ol>
    </figure>
  );
}
