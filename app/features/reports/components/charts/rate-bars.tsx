// Rates by a dimension (unit, channel, block) as horizontal bars with their 95 % interval.
// Long names wrap over two or three lines (cut with "…" past that, the full name in the tick's
// <title> and in the table beside the chart).
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { labelLayout, percentTick, rateTicks, wrapLabel } from "~/features/reports/chart-scale";
import type { Lang } from "~/kernel/i18n/i18n";
import { CategoryTick } from "./category-tick";
import { useWidth } from "./use-width";

export interface RateBar {
  label: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export function RateBars({
  data,
  target,
  label,
  lang,
}: {
  data: RateBar[];
  target?: number;
  label: string;
  lang: Lang;
}) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const layout = labelLayout(width || 1000);
  const rows = data
    .filter((d) => d.rate !== null)
    .map((d) => ({ ...d, err: [d.rate! - (d.low ?? d.rate!), (d.high ?? d.rate!) - d.rate!] }));
  const lines = Math.max(1, ...rows.map((r) => wrapLabel(r.label, layout.maxChars, layout.maxLines).length));
  const rowHeight = Math.max(36, lines * 14 + 16);
  const pct = (v: number) => percentTick(v, lang);
  return (
    <div className="chart" role="img" aria-label={label} ref={ref}>
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * rowHeight + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} ticks={rateTicks([0, 1], 20)} tickFormatter={pct} interval={0} />
          <YAxis
            type="category"
            dataKey="label"
            width={layout.axisWidth}
            interval={0}
            tick={<CategoryTick maxChars={layout.maxChars} maxLines={layout.maxLines} />}
          />
          <Tooltip formatter={(v: unknown) => pct(Number(v))} />
          <Bar dataKey="rate" fill="#0b5394" isAnimationActive={false}>
            <ErrorBar dataKey="err" width={6} stroke="#1b1b1b" direction="x" />
          </Bar>
          {target !== undefined ? <ReferenceLine x={target} stroke="#b10e1e" strokeDasharray="6 4" /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
