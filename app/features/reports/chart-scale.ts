// The pure parts of the dashboard's charts: the axis range and its ticks, tick text, the
// distribution's colours and legend order, and how long unit names are cut to fit. No I/O, no
// React: unit-tested on their own (test/unit/chart-scale.test.ts).
import type { Lang } from "~/kernel/i18n/i18n";

/**
 * Tick text as the reader writes a whole percent: "100 %" (vi) / "100%" (en). The Vietnamese space
 * is a no-break space: recharts wraps tick text at ordinary spaces, which split "100 %" into two
 * lines read as "100%".
 */
export function percentTick(v: number, lang: Lang): string {
  const n = Math.round(v * 100);
  return lang === "vi" ? `${n}\u00a0%` : `${n}%`;
}

/**
 * The rate axis for the trend: from the data and the target rounded out to whole steps (10
 * percentage points), with a little room so neither the lowest point nor the target line sits on
 * the axis edge. A flat 0–100 % axis squeezed 85–97 % into the top sixth of the chart.
 * Computed in whole percentage points so 0.1-steps do not drift (0.30000000000000004).
 */
export function rateDomain(values: (number | null | undefined)[], target: number, stepPts = 10): [number, number] {
  const pts = [...values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)), target].map(
    (v) => v * 100,
  );
  const low = Math.min(...pts);
  const high = Math.max(...pts);
  const margin = 2;
  const lower = Math.max(0, Math.floor((low - margin) / stepPts) * stepPts);
  const upper = Math.min(100, Math.ceil((high + margin) / stepPts) * stepPts);
  return [lower / 100, upper / 100];
}

/** Every step from the domain's lower to its upper end, both included. */
export function rateTicks([lower, upper]: [number, number], stepPts = 10): number[] {
  const ticks: number[] = [];
  for (let p = Math.round(lower * 100); p <= Math.round(upper * 100); p += stepPts) ticks.push(p / 100);
  return ticks;
}

/**
 * The five answers from "very dissatisfied" to "very satisfied", each ≥ 3:1 against white
 * (WCAG 1.4.11, graphics) and each a clear step lighter than the one before (CIE L* 18 → 60), so a
 * greyscale print still reads in scale order. Red to grey to green for screens.
 */
export const SCALE_COLOURS = ["#5c0f0b", "#8a2315", "#636363", "#4d8a2e", "#61a03f"] as const;

/** The legend in the scale's order (s1 … s5), never sorted by name. */
export function scaleLegend(names: string[]): { key: string; name: string; colour: string }[] {
  return SCALE_COLOURS.map((colour, i) => ({ key: `s${i + 1}`, name: names[i] ?? `s${i + 1}`, colour }));
}

/**
 * A category label cut into at most `maxLines` lines of about `maxChars` characters, on word
 * boundaries; what does not fit ends in "…" (the full name stays in the SVG <title> and the
 * table beside the chart). A single word longer than a line is cut too.
 */
export function wrapLabel(name: string, maxChars: number, maxLines: number): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let rest = false;
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (next.length <= maxChars) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = w;
    if (lines.length === maxLines) {
      rest = true;
      line = "";
      break;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    rest = true;
  }
  const ellipsis = (l: string) => (l.length >= maxChars ? l.slice(0, maxChars - 1).trimEnd() : l) + "…";
  const out = lines.map((l) => (l.length > maxChars ? ellipsis(l) : l));
  if (rest && out.length && !out[out.length - 1].endsWith("…")) out[out.length - 1] = ellipsis(out[out.length - 1]);
  return out;
}

/** Label room by the chart's width: a 360 px phone gets a narrower label column and more lines. */
export function labelLayout(width: number): { axisWidth: number; maxChars: number; maxLines: number } {
  if (width < 520) return { axisWidth: 116, maxChars: 13, maxLines: 3 };
  return { axisWidth: 200, maxChars: 26, maxLines: 2 };
}
