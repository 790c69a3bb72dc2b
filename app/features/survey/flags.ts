// Which suspicious signs a response shows. A flagged response is kept with its reasons and shown
// apart on the dashboard; it is never dropped, because a false alarm must not lose a real voice.
// The rules, their thresholds and why: docs/rules/flags.md.

/** "rate" is the reason responses stored before issue 14 carry (one limit for the whole form);
 * new responses name the source that went over its limit instead. */
export type FlagReason = "honeypot" | "too_fast" | "repeat_fast" | "repeat_near" | "rate" | RateReason;
export type RateReason = "rate_device" | "rate_address" | "rate_link";
export type SourceKind = "device" | "address" | "link";

export const rateReason = (kind: SourceKind): RateReason => `rate_${kind}`;

/** The fastest plausible fill: 3 s, or 0.4 s per answered question when that is longer. Reading
 * a question and tapping an answer takes a person well over a second, so a hurried real person
 * clears this with room to spare (Form B, ~25 answers: 10 s; Form A, ~8 answers: 3.2 s), while a
 * script that posts the form as soon as it has it does not. */
export function minFillMs(answered: number): number {
  return Math.max(3000, answered * 400);
}

export interface FlagSigns {
  /** What the hidden "leave this empty" field held. */
  honeypot: string;
  /** From when the signed form was issued to when it came back. */
  elapsedMs: number;
  answered: number;
  /** The sources (device, address, link) over their limit with this submission. */
  overLimit: SourceKind[];
  /** For a second, different response sent with a form already used for a stored response (a
   * family member on the same phone): the time since that response was stored. */
  sinceEarlierMs?: number;
  /** For that second response: how many questions it answers differently from the earlier one. */
  changedAnswers?: number;
}

/** A second response on the same form that changes this few answers is the same person (or a
 * script) re-sending with a tweak, not another person: another person's answers differ in more. */
export const NEAR_REPEAT_MAX_CHANGES = 2;

export function decideFlags(s: FlagSigns): FlagReason[] {
  const reasons: FlagReason[] = [];
  if (s.honeypot.trim() !== "") reasons.push("honeypot");
  if (!(s.elapsedMs >= minFillMs(s.answered))) reasons.push("too_fast");
  // A second person needs as long to read and answer the form as the first did: a different set
  // of answers sent back sooner than that is someone re-sending the form with other ticks.
  if (s.sinceEarlierMs !== undefined && !(s.sinceEarlierMs >= minFillMs(s.answered))) reasons.push("repeat_fast");
  if (s.changedAnswers !== undefined && s.changedAnswers <= NEAR_REPEAT_MAX_CHANGES) reasons.push("repeat_near");
  for (const kind of s.overLimit) reasons.push(rateReason(kind));
  return reasons;
}

/**
 * Limits per window and source. A counter tablet is one device for many people, so kiosk
 * submissions are limited by its signed link rather than by its cookie; a crowded hall shares one
 * address, so the address limit is far above what any hall produces and only catches a flood.
 * There is no limit on the form as a whole: it would flag every genuine response after a flood
 * (docs/rules/flags.md).
 */
export const LIMITS = {
  device: { limit: 5, windowMs: 60 * 60 * 1000 },
  kioskDevice: { limit: 90, windowMs: 60 * 60 * 1000 },
  link: { limit: 90, windowMs: 60 * 60 * 1000 },
  address: { limit: 300, windowMs: 60 * 60 * 1000 },
} as const;

/** While a source's count in its window is past its limit by at most this much, each of its
 * submissions flags again every response the source sent in the window: the ones before the
 * limit, and one that was still being stored when the limit was crossed. Past that, only every
 * this-many-th submission does (a straggler is still caught while the flood goes on): everything
 * else is flagged already, and re-reading a flood's thousands of responses on every post would
 * only slow the flood's own requests. */
export const retroSpan = (limit: number) => Math.max(limit, 20);

type Answer = { itemId: number; value: number | null; text: string | null; choices: string[] | null };
const answerKey = (a: Answer | undefined) =>
  a ? JSON.stringify([a.value ?? null, a.text ?? null, a.choices ? [...a.choices].sort() : null]) : "-";

/** How many questions two sets of answers answer differently (an answer left out counts). */
export function changedAnswers(a: Answer[], b: Answer[]): number {
  const ma = new Map(a.map((x) => [x.itemId, x]));
  const mb = new Map(b.map((x) => [x.itemId, x]));
  let n = 0;
  for (const id of new Set([...ma.keys(), ...mb.keys()])) if (answerKey(ma.get(id)) !== answerKey(mb.get(id))) n++;
  return n;
}

/** Canonical text of a submission's content, to tell a resend of the same answers from a second,
 * different response that came with the same form (see docs/rules/flags.md). */
export function contentKey(c: {
  unitId: number;
  procedureId: number | null;
  dossierHash: string | null;
  answers: Answer[];
}): string {
  const answers = [...c.answers]
    .sort((a, b) => a.itemId - b.itemId)
    .map((a) => [a.itemId, a.value ?? null, a.text ?? null, a.choices ? [...a.choices].sort() : null]);
  return JSON.stringify([c.unitId, c.procedureId ?? null, c.dossierHash ?? null, answers]);
}
