// A survey's state as the Office sees it.
export type SurveyStatus = "draft" | "inactive" | "scheduled" | "closed" | "open";

export function surveyStatus(
  s: { active: boolean; opens_at: Date | string | null; closes_at: Date | string | null; published: boolean },
  now: Date,
): SurveyStatus {
  if (!s.published) return "draft";
  if (!s.active) return "inactive";
  if (s.opens_at && new Date(s.opens_at) > now) return "scheduled";
  if (s.closes_at && new Date(s.closes_at) <= now) return "closed";
  return "open";
}
