// Which suspicious signs a response shows. A flagged response is kept with its reasons and shown
// apart on the dashboard; it is never dropped, because a false alarm must not lose a real voice.

export type FlagReason = "honeypot" | "too_fast" | "rate";

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
  /** Whether any abuse limit (device, link, address) was exceeded by this submission. */
  overLimit: boolean;
}

export function decideFlags(s: FlagSigns): FlagReason[] {
  const reasons: FlagReason[] = [];
  if (s.honeypot.trim() !== "") reasons.push("honeypot");
  if (!(s.elapsedMs >= minFillMs(s.answered))) reasons.push("too_fast");
  if (s.overLimit) reasons.push("rate");
  return reasons;
}

/**
 * Limits per window. A counter tablet is one device for many people, so kiosk submissions are
 * limited by its signed link rather than by its cookie; a crowded hall shares one address, so the
 * address limit is far above what any hall produces and only catches a flood.
 */
export const LIMITS = {
  device: { limit: 5, windowMs: 60 * 60 * 1000 },
  kioskDevice: { limit: 90, windowMs: 60 * 60 * 1000 },
  link: { limit: 90, windowMs: 60 * 60 * 1000 },
  openForm: { limit: 600, windowMs: 60 * 60 * 1000 },
  address: { limit: 300, windowMs: 60 * 60 * 1000 },
} as const;
