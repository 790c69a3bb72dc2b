// Which submission id a phone's form page carries. Browsers differ on what "back" does: some
// restore the page from memory (same hidden id), others fetch it again but put the ticked
// answers back. So the server remembers the id it gave this browser for this survey and link
// (a cookie) and gives the same one again until the form is sent — and for a short while after,
// so that going back and sending again is recognised as the same response. A kiosk never
// reuses an id: each form there is a different person.

export interface Pending {
  sid: string;
  /** When the form was first issued (ms), for the minimum fill time. */
  t: number;
  /** Which link it was for ("-" for none), so another counter's QR starts a new form. */
  ctx: string;
}

/** How long after sending "back" and sending again still counts as the same response. */
export const REPLAY_WINDOW_MS = 10 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parsePending(value: string | null | undefined): Pending | null {
  if (!value) return null;
  const [sid, t, ctx, ...rest] = value.split(".");
  if (rest.length || !UUID.test(sid ?? "") || !/^\d{12,14}$/.test(t ?? "") || !/^[\w-]{1,16}$/.test(ctx ?? ""))
    return null;
  return { sid, t: Number(t), ctx };
}

export const formatPending = (p: Pending) => `${p.sid}.${p.t}.${p.ctx}`;

export type Choice = { reuse: false } | { reuse: true; alreadySent: boolean };

/** `sentAt`: when a response with the pending id was stored, or null when none was. */
export function chooseSubmission(a: {
  pending: Pending | null;
  ctx: string;
  fresh: boolean;
  sentAt: Date | null;
  now: Date;
}): Choice {
  if (a.fresh || !a.pending || a.pending.ctx !== a.ctx) return { reuse: false };
  if (!a.sentAt) return { reuse: true, alreadySent: false };
  if (a.now.getTime() - a.sentAt.getTime() <= REPLAY_WINDOW_MS) return { reuse: true, alreadySent: true };
  return { reuse: false };
}
