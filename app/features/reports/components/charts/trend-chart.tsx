// Satisfaction by report period: the rate, its 95 % interval as a band, and the target line.
// recharts draws only in the browser; the table beside it carries the same figures for
// printing, screen readers and readers without JavaScript.
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

export interface TrendPoint {
  label: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function TrendChart({ data, target, label }: { data: TrendPoint[]; target: number; label: string }) {
  const rows = data.map((d) => ({ ...d, band: d.low !== null && d.high !== null ? [d.low, d.high] : null }));
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 1]} tickFormatter={pct} width={48} />
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
            label={{ value: pct(target), position: "insideTopRight", fill: "#b10e1e" }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
