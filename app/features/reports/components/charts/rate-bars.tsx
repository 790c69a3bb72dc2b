// Rates by a dimension (unit, channel, block) as horizontal bars with their 95 % interval.
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

export interface RateBar {
  label: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function RateBars({ data, target, label }: { data: RateBar[]; target?: number; label: string }) {
  const rows = data
    .filter((d) => d.rate !== null)
    .map((d) => ({ ...d, err: [d.rate! - (d.low ?? d.rate!), (d.high ?? d.rate!) - d.rate!] }));
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 36 + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
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
