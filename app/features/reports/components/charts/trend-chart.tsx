// Satisfaction by report period: the rate, its 95 % interval as a band, and the target line.
// The rate axis fits the data and the target (chart-scale.ts), so the trend does not sit flat at
// the top of a 0–100 % axis. recharts draws only in the browser; the table beside it carries the
// same figures for printing, screen readers and readers without JavaScript.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { percentTick, rateDomain, rateTicks } from "~/features/reports/chart-scale";
import type { Lang } from "~/kernel/i18n/i18n";

export interface TrendPoint {
  label: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export function TrendChart({
  data,
  target,
  label,
  lang,
}: {
  data: TrendPoint[];
  target: number;
  label: string;
  lang: Lang;
}) {
  const rows = data.map((d) => ({ ...d, band: d.low !== null && d.high !== null ? [d.low, d.high] : null }));
  const domain = rateDomain(
    data.flatMap((d) => [d.rate, d.low, d.high]),
    target,
  );
  const pct = (v: number) => percentTick(v, lang);
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 12, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          {/* 56 px holds "100 %" at 12 px with room to spare: 48 clipped it to "00%". */}
          <YAxis
            domain={domain}
            ticks={rateTicks(domain)}
            interval={0}
            allowDataOverflow
            tickFormatter={pct}
            width={56}
            tick={{ fontSize: 12 }}
          />
          <Tooltip
            formatter={(v: unknown) => (Array.isArray(v) ? v.map((x) => pct(Number(x))).join(" – ") : pct(Number(v)))}
          />
          <Area dataKey="band" stroke="none" fill="#0b5394" fillOpacity={0.18} isAnimationActive={false} />
          <Line
            dataKey="rate"
            stroke="#0b5394"
            strokeWidth={3}
            dot={{ r: 4 }}
            isAnimationActive={false}
            connectNulls={false}
          />
          <ReferenceLine
            y={target}
            stroke="#b10e1e"
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: pct(target), position: "insideTopRight", fill: "#b10e1e", fontSize: 12 }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
