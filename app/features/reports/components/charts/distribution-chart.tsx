// How answers spread over the L5 scale, one stacked bar per question (shares of valid answers).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DistributionRow {
  label: string;
  /** Shares of valid answers for codes 1–5. */
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

// Red to green, each distinguishable in greyscale print too.
const COLOURS = ["#8c1c13", "#d4351c", "#b1b4b6", "#4c9a2a", "#00703c"];
const pct = (v: number) => `${Math.round(v * 100)}%`;

export function DistributionChart({ data, names, label }: { data: DistributionRow[]; names: string[]; label: string }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={Math.max(140, data.length * 30 + 70)}>
        <BarChart data={data} layout="vertical" stackOffset="expand" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v: unknown) => pct(Number(v))} />
          <Legend />
          {(["s1", "s2", "s3", "s4", "s5"] as const).map((k, i) => (
            <Bar key={k} dataKey={k} stackId="a" name={names[i]} fill={COLOURS[i]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
