// Paced limits (docs/security/limits.md): a target gets `free` attempts in a run; after that
// each counted attempt must wait longer than the one before (first `baseMs`, doubling, at most
// `capMs`) since the previous counted attempt. A run ends after `quietMs` without a counted
// attempt. Attempts refused while waiting are not counted, so hammering never lengthens the wait:
// nobody can keep a target shut beyond the longest delay, yet the attempts that are checked
// slow to a trickle (at the cap, 3600 000 ÷ capMs an hour).
export interface Pace {
  /** Attempts counted with no wait. */
  free: number;
  /** The wait after the last free attempt. */
  baseMs: number;
  /** The longest wait. */
  capMs: number;
  /** A run ends after this long without a counted attempt: the free attempts come back. */
  quietMs: number;
}

/** How long after counted attempt number `n` (1-based, in its run) the next may be counted. */
export function waitAfter(n: number, p: Pace): number {
  if (n < p.free) return 0;
  // 2^(n - free), bounded before it can overflow.
  return Math.min(p.capMs, p.baseMs * 2 ** Math.min(n - p.free, 30));
}

/** Whole minutes (at least 1) until `at`, for "try again in N minutes". */
export function minutesUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Sign-in, per account from browsers it does not know, and per known browser. */
export const SIGN_IN_ACCOUNT: Pace = { free: 5, baseMs: MINUTE, capMs: 15 * MINUTE, quietMs: HOUR };
/** Sign-in, per network address, from browsers the account does not know (a whole office may
 * share one address; a right password gives its attempt back). */
export const SIGN_IN_ADDRESS: Pace = { free: 30, baseMs: MINUTE, capMs: 15 * MINUTE, quietMs: HOUR };
/** Look-ups of one code (feedback status, registration, privacy request) or one contact. */
export const LOOKUP_TARGET: Pace = { free: 5, baseMs: 30_000, capMs: 10 * MINUTE, quietMs: HOUR };
/** Look-ups from one network address: a carrier's NAT puts thousands of phones behind one. A
 * look-up that finds its record gives its attempt back, so only failures add up. */
export const LOOKUP_ADDRESS: Pace = { free: 300, baseMs: 5_000, capMs: MINUTE, quietMs: HOUR };
