// What the retention job treats as expired (docs/rules/personal-data.md: keep personal data only while its
// purpose needs it; default 12 months after the dialogue or after the feedback is closed).
// Pure: the model turns these rules into queries, the unit tests pin the edges.

/** Feedback whose handling has ended: refused, transferred, closed after the rating, or
 * published (the answer is out; a later unsatisfied rating reopens it and moves its clock). */
export const FEEDBACK_ENDED_STATUSES = ["published", "refused", "transferred", "closed"] as const;

export function feedbackPurposeEnded(status: string): boolean {
  return (FEEDBACK_ENDED_STATUSES as readonly string[]).includes(status);
}

/** `now` minus `months` calendar months, in UTC. The 31st minus one month is the last day of the
 * shorter month (31/03 − 1 → 28 or 29/02), never a date in the month after. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** True when a purpose that ended at `endedAt` has been over for longer than `months`. */
export function isExpired(endedAt: Date | null, now: Date, months: number): boolean {
  if (!endedAt) return false;
  return endedAt.getTime() < retentionCutoff(now, months).getTime();
}

export type RetentionKind = "dialogue_registration" | "feedback_contact" | "privacy_request";
export const RETENTION_KINDS: readonly RetentionKind[] = [
  "dialogue_registration",
  "feedback_contact",
  "privacy_request",
];
