// The public minutes (biên bản) of a dialogue, built from the session's own records: attendance
// from check-ins, each issue with its answer and conclusion, follow-up actions, the chair's
// conclusion (docs/rules/dialogue.md). What goes in is chosen field by field: no name, phone or email of
// any participant is ever copied, and every free text is masked again on the way through.
import { maskPii } from "~/kernel/mask-pii";

export interface MinutesSource {
  session: {
    id: number;
    planNumber: string | null;
    titleVi: string;
    titleEn: string | null;
    startsAt: string;
    endsAt: string;
    venue: string | null;
    onlineUrl: string | null;
    chair: string;
    secretary: string;
    invitedGroups: string | null;
  };
  minutes: {
    openedAt: string | null;
    closedAt: string | null;
    officials: string | null;
    summary: string | null;
    chairConclusion: string | null;
    scanUploadedAt: string | null;
  };
  attendance: { citizen: number; business: number; total: number; registered: number; walkIns: number };
  issues: Array<{
    id: number;
    text: string;
    topic: string | null;
    askerKind: "citizen" | "business" | null;
    answeredIn: "dialogue" | "after" | null;
    answeredBy: string | null;
    answer: string | null;
    conclusion: string | null;
    unitVi: string | null;
    unitEn: string | null;
    dueDate: string | null;
    votes: number;
  }>;
  followups: Array<{
    id: number;
    questionId: number | null;
    action: string;
    unitVi: string;
    unitEn: string;
    dueDate: string;
    status: string;
    result: string | null;
  }>;
}

export interface PublicMinutes {
  version: number;
  publishedAt: string;
  session: MinutesSource["session"];
  openedAt: string | null;
  closedAt: string | null;
  officials: string | null;
  summary: string | null;
  chairConclusion: string | null;
  signedScanAttached: boolean;
  attendance: MinutesSource["attendance"];
  issues: Array<Omit<MinutesSource["issues"][number], "id"> & { number: number }>;
  followups: Array<Omit<MinutesSource["followups"][number], "id" | "questionId"> & { issueNumber: number | null }>;
}

const m = (s: string | null) => (s == null ? null : maskPii(s));

export function buildPublicMinutes(src: MinutesSource, version: number, publishedAt: Date): PublicMinutes {
  const numberOf = new Map(src.issues.map((q, i) => [q.id, i + 1]));
  const s = src.session;
  return {
    version,
    publishedAt: publishedAt.toISOString(),
    session: {
      id: s.id,
      planNumber: s.planNumber,
      titleVi: maskPii(s.titleVi),
      titleEn: m(s.titleEn),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      venue: m(s.venue),
      onlineUrl: s.onlineUrl,
      chair: maskPii(s.chair),
      secretary: maskPii(s.secretary),
      invitedGroups: m(s.invitedGroups),
    },
    openedAt: src.minutes.openedAt,
    closedAt: src.minutes.closedAt,
    officials: m(src.minutes.officials),
    summary: m(src.minutes.summary),
    chairConclusion: m(src.minutes.chairConclusion),
    signedScanAttached: src.minutes.scanUploadedAt !== null,
    attendance: { ...src.attendance },
    issues: src.issues.map((q, i) => ({
      number: i + 1,
      text: maskPii(q.text),
      topic: q.topic,
      askerKind: q.askerKind,
      answeredIn: q.answeredIn,
      answeredBy: m(q.answeredBy),
      answer: m(q.answer),
      conclusion: m(q.conclusion),
      unitVi: q.unitVi,
      unitEn: q.unitEn,
      dueDate: q.dueDate,
      votes: q.votes,
    })),
    followups: src.followups.map((f) => ({
      issueNumber: f.questionId === null ? null : (numberOf.get(f.questionId) ?? null),
      action: maskPii(f.action),
      unitVi: f.unitVi,
      unitEn: f.unitEn,
      dueDate: f.dueDate,
      status: f.status,
      result: m(f.result),
    })),
  };
}

/** What must be there before the minutes can be published: field → translation key. */
export function minutesPublishProblems(src: MinutesSource): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!src.minutes.chairConclusion?.trim()) problems.chair_conclusion = "dialogue.errors.conclusionRequired";
  if (!src.minutes.scanUploadedAt) problems.scan = "dialogue.errors.scanRequired";
  return problems;
}
