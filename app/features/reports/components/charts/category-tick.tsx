// A category axis label in up to a few lines, the full name in <title> (shown on hover and read
// by assistive tools); the table beside the chart carries it too.
import { wrapLabel } from "~/features/reports/chart-scale";

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  maxChars: number;
  maxLines: number;
}

const LINE = 14;

export function CategoryTick({ x = 0, y = 0, payload, maxChars, maxLines }: TickProps) {
  const name = String(payload?.value ?? "");
  const lines = wrapLabel(name, maxChars, maxLines);
  const first = -((lines.length - 1) * LINE) / 2;
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`} className="chart-tick">
      <title>{name}</title>
      <text textAnchor="end" fill="#1b1b1b" fontSize={12}>
        {lines.map((l, i) => (
          <tspan key={i} x={0} dx={-6} dy={i === 0 ? first + 4 : LINE}>
            {l}
          </tspan>
        ))}
      </text>
    </g>
  );
}
