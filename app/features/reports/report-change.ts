// What changed in a sent report's window since it was sent (docs/rules/report-periods.md). The
// sent figures stay as sent; the current ones go beside them with the entries behind the change.
// A change resting on 1–4 answers would give those answers back by subtraction (sent 38/45, now
// 39/46: the one new person was satisfied), so then only the count of entries is shown.
import type { Rate } from "./stats";
import { tooSmall } from "./suppression";

export interface ReportChange {
  /** Responses dated in the window and stored after sending. */
  entries: number;
  /** Of which typed in from paper. */
  paper: number;
  /** The headline now, or null when the change is too small to show (or there is none). */
  now: Rate | null;
  /** Percentage points now − sent, and answers now − sent; null with `now`. */
  points: number | null;
  answers: number | null;
  /** The change rests on 1 to threshold − 1 answers: figures held back. */
  heldBack: boolean;
}

export function reportChange(
  sent: Rate,
  now: Rate,
  entries: { entries: number; paper: number },
  threshold: number,
  nowHidden: boolean,
): ReportChange {
  const answers = now.n - sent.n;
  const changed = entries.entries > 0 || answers !== 0 || now.satisfied !== sent.satisfied;
  const heldBack =
    changed && (tooSmall(Math.abs(answers), threshold) || tooSmall(entries.entries, threshold) || nowHidden);
  if (!changed || heldBack) return { ...entries, now: null, points: null, answers: null, heldBack };
  const points = now.rate !== null && sent.rate !== null ? (now.rate - sent.rate) * 100 : null;
  return { ...entries, now, points, answers, heldBack: false };
}
