// Pacing for the citizen's look-ups by code and contact (feedback status, dialogue registration,
// privacy request): docs/security/limits.md. Each look-up is counted BEFORE the records are read
// against three targets in one statement — the code, the contact, and the network address — and
// one that finds its record gives its attempts back. So the owner's own look-ups never add up,
// a wrong guess at a code or a phone slows only further guesses at that code or phone (5 free,
// then waits of 30 s doubling to at most 10 minutes, never an hour-long lock), and an address is
// slowed only after 300 failures in a run (a carrier's NAT puts thousands of phones behind one).
// The code's pool is shared by the three pages: a code is the same target wherever it is tried.
import { normalisePhone } from "~/features/feedback/feedback-code";
import { LOOKUP_ADDRESS, LOOKUP_TARGET, minutesUntil } from "~/kernel/limits/pace";
import { refund, take, type Target } from "~/kernel/limits/attempt-limit.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";

export type LookupGate = { ok: true; found: () => Promise<void> } | { ok: false; minutes: number };

/** One spelling per contact ("+84 900…" and "0900…" are one phone), so variants give no more tries. */
function contactValue(contact: string | { phone: string } | { email: string }): string {
  if (typeof contact === "string")
    return contact.includes("@") ? contact.trim().toLowerCase() : normalisePhone(contact);
  return "phone" in contact ? normalisePhone(contact.phone) : contact.email.trim().toLowerCase();
}

/** Counts one look-up; when it may go ahead, call `found()` if it found its record. Codes are
 * numbered per agency, so the same short code of two agencies is two targets: `agencyId` (the
 * page's path) keeps guesses at B's code from slowing A's owner. The default agency keeps the
 * key it had before agencies existed. */
export async function beginLookup(
  code: string,
  contact: string | { phone: string } | { email: string },
  ip: string,
  now = new Date(),
  agencyId = DEFAULT_AGENCY_ID,
): Promise<LookupGate> {
  const scope = agencyId === DEFAULT_AGENCY_ID ? "" : `${agencyId}:`;
  const targets: Target[] = [
    { key: `lookup-code:${scope}${code.trim().toUpperCase()}`, pace: LOOKUP_TARGET },
    { key: `lookup-contact:${contactValue(contact)}`, pace: LOOKUP_TARGET },
    { key: `lookup-address:${ip}`, pace: LOOKUP_ADDRESS },
  ];
  const taken = await take(targets, now);
  const refused = taken.filter((t) => !t.allowed);
  if (refused.length) {
    // Not looked up, so it costs the other targets nothing.
    await refund(taken.filter((t) => t.allowed).map((t) => t.key));
    return { ok: false, minutes: minutesUntil(new Date(Math.max(...refused.map((r) => r.nextAt.getTime()))), now) };
  }
  return { ok: true, found: () => refund(targets.map((t) => t.key)) };
}
