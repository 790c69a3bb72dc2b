// The feedback workflow (NĐ 20/2008 Art. 9–13) as a pure state machine: which action may be taken
// from which state, and by whom. The model applies it inside a transaction with the row locked;
// the staff page uses allowedActions() to show only the buttons that would succeed.
import type { Role } from "../../../db/tables/staff";

export const FEEDBACK_STATUSES = [
  "received", // in the register, waiting to be classified
  "info_requested", // the sender was asked for more information
  "refused", // not accepted, with a reason (final)
  "transferred", // outside competence, sent to another agency with a dispatch number (final)
  "classified", // accepted: within competence or about an official's conduct
  "in_progress", // assigned to a unit (and a person)
  "drafted", // an answer is drafted, waiting for the Board
  "approved", // the Board approved the answer
  "published", // the answer is published and the sender told; waiting for a rating
  "closed", // the sender was satisfied
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_CLASSES = ["competent", "conduct", "transferred"] as const;
export type FeedbackClass = (typeof FEEDBACK_CLASSES)[number];

export const FEEDBACK_KINDS = ["phan_anh", "kien_nghi"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export type Rating = "satisfied" | "unsatisfied";

export const FEEDBACK_ACTIONS = [
  "refuse",
  "request_info",
  "add_info",
  "classify",
  "assign",
  "note",
  "draft",
  "return_draft",
  "approve",
  "publish",
  "mark_notified",
  "rate",
  "mark_repeat",
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export type Actor = { kind: "citizen" } | { kind: "staff"; role: Role; ownUnit: boolean };

export interface ActionParams {
  feedbackClass?: FeedbackClass;
  rating?: Rating;
}

export const FINAL_STATUSES: readonly FeedbackStatus[] = ["refused", "transferred", "closed"];
/** States in which the department owes the next step (the sender's turn and final states excluded). */
export const OPEN_STATUSES: readonly FeedbackStatus[] = [
  "received",
  "classified",
  "in_progress",
  "drafted",
  "approved",
];

type Who = "citizen" | "office" | "unit";
interface Rule {
  from: readonly FeedbackStatus[];
  who: readonly Who[];
  to: (from: FeedbackStatus, p: ActionParams) => FeedbackStatus | null;
}

const same = (s: FeedbackStatus) => s;

// "office" covers the admin too: the Office receives, classifies and assigns; there is no Board
// role in the portal, so an office or admin account records the Board's approval and the name
// of the director who gave it (see the model).
const RULES: Record<FeedbackAction, Rule> = {
  refuse: { from: ["received", "info_requested"], who: ["office"], to: () => "refused" },
  request_info: { from: ["received"], who: ["office"], to: () => "info_requested" },
  add_info: { from: ["info_requested"], who: ["citizen"], to: () => "received" },
  classify: {
    from: ["received"],
    who: ["office"],
    to: (_s, p) => (p.feedbackClass === "transferred" ? "transferred" : p.feedbackClass ? "classified" : null),
  },
  assign: { from: ["classified", "in_progress"], who: ["office"], to: () => "in_progress" },
  note: {
    from: ["received", "info_requested", "classified", "in_progress", "drafted", "approved"],
    who: ["office", "unit"],
    to: same,
  },
  draft: { from: ["in_progress", "drafted"], who: ["office", "unit"], to: () => "drafted" },
  return_draft: { from: ["drafted", "approved"], who: ["office"], to: () => "in_progress" },
  approve: { from: ["drafted"], who: ["office"], to: () => "approved" },
  publish: { from: ["approved"], who: ["office"], to: () => "published" },
  mark_notified: { from: ["published", "closed"], who: ["office"], to: same },
  // The Office marks a new case as the same matter raised again by a sender not satisfied with
  // an earlier answer (QĐ 766's "repeated" term, docs/rules/feedback-figures.md), or clears the
  // mark. Done while the case is open, before it is refused as a duplicate or closed.
  mark_repeat: {
    from: ["received", "info_requested", "classified", "in_progress", "drafted", "approved", "published"],
    who: ["office"],
    to: same,
  },
  // An unsatisfied rating reopens the case with the same unit.
  rate: {
    from: ["published"],
    who: ["citizen"],
    to: (_s, p) => (p.rating === "satisfied" ? "closed" : p.rating === "unsatisfied" ? "in_progress" : null),
  },
};

function actorIs(actor: Actor, who: readonly Who[]): boolean {
  if (actor.kind === "citizen") return who.includes("citizen");
  if (actor.role === "admin" || actor.role === "office") return who.includes("office");
  // A unit works only on what is assigned to it; a viewer never acts.
  if (actor.role === "unit") return actor.ownUnit && who.includes("unit");
  return false;
}

export type TransitionResult = { ok: true; to: FeedbackStatus } | { ok: false; reason: "role" | "state" | "params" };

export function transition(
  from: FeedbackStatus,
  action: FeedbackAction,
  actor: Actor,
  params: ActionParams = {},
): TransitionResult {
  const rule = RULES[action];
  if (!actorIs(actor, rule.who)) return { ok: false, reason: "role" };
  if (!rule.from.includes(from)) return { ok: false, reason: "state" };
  const to = rule.to(from, params);
  return to ? { ok: true, to } : { ok: false, reason: "params" };
}

/** The actions an actor could take from a state (parameters aside). */
export function allowedActions(from: FeedbackStatus, actor: Actor): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => actorIs(actor, RULES[a].who) && RULES[a].from.includes(from));
}

export function isStatus(value: unknown): value is FeedbackStatus {
  return typeof value === "string" && (FEEDBACK_STATUSES as readonly string[]).includes(value);
}
