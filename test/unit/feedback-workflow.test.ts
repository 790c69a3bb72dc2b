import {
  allowedActions,
  FEEDBACK_ACTIONS,
  FEEDBACK_STATUSES,
  transition,
  type Actor,
  type FeedbackAction,
  type FeedbackStatus,
} from "~/features/feedback/feedback-workflow";

const office: Actor = { kind: "staff", role: "office", ownUnit: false };
const admin: Actor = { kind: "staff", role: "admin", ownUnit: false };
const ownUnit: Actor = { kind: "staff", role: "unit", ownUnit: true };
const otherUnit: Actor = { kind: "staff", role: "unit", ownUnit: false };
const viewer: Actor = { kind: "staff", role: "viewer", ownUnit: true };
const citizen: Actor = { kind: "citizen" };

describe("feedback workflow", () => {
  it("walks the whole happy path: received → classified → in progress → drafted → approved → published → closed", () => {
    const path: [FeedbackStatus, FeedbackAction, Actor, object, FeedbackStatus][] = [
      ["received", "classify", office, { feedbackClass: "competent" }, "classified"],
      ["classified", "assign", office, {}, "in_progress"],
      ["in_progress", "draft", ownUnit, {}, "drafted"],
      ["drafted", "approve", office, {}, "approved"],
      ["approved", "publish", admin, {}, "published"],
      ["published", "rate", citizen, { rating: "satisfied" }, "closed"],
    ];
    for (const [from, action, actor, params, to] of path)
      expect(transition(from, action, actor, params)).toEqual({ ok: true, to });
  });

  it("reopens on an unsatisfied rating, ends on refusal and transfer, and goes back to received after more information", () => {
    expect(transition("published", "rate", citizen, { rating: "unsatisfied" })).toEqual({
      ok: true,
      to: "in_progress",
    });
    expect(transition("received", "refuse", office)).toEqual({ ok: true, to: "refused" });
    expect(transition("info_requested", "refuse", office)).toEqual({ ok: true, to: "refused" });
    expect(transition("received", "classify", office, { feedbackClass: "transferred" })).toEqual({
      ok: true,
      to: "transferred",
    });
    expect(transition("received", "classify", office, { feedbackClass: "conduct" })).toEqual({
      ok: true,
      to: "classified",
    });
    expect(transition("received", "request_info", office)).toEqual({ ok: true, to: "info_requested" });
    expect(transition("info_requested", "add_info", citizen)).toEqual({ ok: true, to: "received" });
    expect(transition("drafted", "return_draft", office)).toEqual({ ok: true, to: "in_progress" });
  });

  it("needs the parameters that decide the target", () => {
    expect(transition("received", "classify", office)).toEqual({ ok: false, reason: "params" });
    expect(transition("published", "rate", citizen)).toEqual({ ok: false, reason: "params" });
  });

  it("lets the sender do only the sender's steps, and staff never do them", () => {
    for (const a of FEEDBACK_ACTIONS) {
      const forCitizen = allowedActions("info_requested", citizen).concat(allowedActions("published", citizen));
      expect(forCitizen.includes(a)).toBe(a === "add_info" || a === "rate");
    }
    expect(transition("published", "rate", office, { rating: "satisfied" })).toEqual({ ok: false, reason: "role" });
    expect(transition("info_requested", "add_info", admin)).toEqual({ ok: false, reason: "role" });
    expect(transition("received", "classify", citizen, { feedbackClass: "competent" })).toEqual({
      ok: false,
      reason: "role",
    });
  });

  it("lets a unit work only on its own cases, and only progress notes and drafts", () => {
    expect(allowedActions("in_progress", ownUnit).sort()).toEqual(["draft", "note"]);
    expect(allowedActions("drafted", ownUnit).sort()).toEqual(["draft", "note"]);
    expect(allowedActions("in_progress", otherUnit)).toEqual([]);
    expect(transition("drafted", "approve", ownUnit)).toEqual({ ok: false, reason: "role" });
    expect(transition("received", "classify", ownUnit, { feedbackClass: "competent" })).toEqual({
      ok: false,
      reason: "role",
    });
  });

  it("gives a viewer nothing to do in any state", () => {
    for (const s of FEEDBACK_STATUSES) expect(allowedActions(s, viewer)).toEqual([]);
  });

  it("lets office and admin approve (the Board has no account) but not skip steps", () => {
    expect(transition("drafted", "approve", admin)).toEqual({ ok: true, to: "approved" });
    expect(transition("in_progress", "approve", office)).toEqual({ ok: false, reason: "state" });
    expect(transition("drafted", "publish", office)).toEqual({ ok: false, reason: "state" });
    expect(transition("received", "assign", office)).toEqual({ ok: false, reason: "state" });
    expect(transition("received", "draft", office)).toEqual({ ok: false, reason: "state" });
  });

  it("allows nothing after the end except marking the sender notified", () => {
    for (const s of ["refused", "transferred"] as const) {
      expect(allowedActions(s, office)).toEqual([]);
      expect(allowedActions(s, citizen)).toEqual([]);
    }
    expect(allowedActions("closed", office)).toEqual(["mark_notified"]);
  });

  it("has a rule for every state × action × actor that is either allowed or refused with a reason", () => {
    for (const s of FEEDBACK_STATUSES)
      for (const a of FEEDBACK_ACTIONS)
        for (const actor of [office, admin, ownUnit, otherUnit, viewer, citizen]) {
          const r = transition(s, a, actor, { feedbackClass: "competent", rating: "satisfied" });
          if (r.ok) expect(FEEDBACK_STATUSES).toContain(r.to);
          else expect(["role", "state", "params"]).toContain(r.reason);
          expect(allowedActions(s, actor).includes(a)).toBe(r.ok || r.reason === "params");
        }
  });
});
