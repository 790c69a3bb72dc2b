// The staff lists of feedback. Shared by the page (tabs, in the browser) and the model.
// "held": sent past an address's hourly share, waiting for a person to look (docs/security/limits.md).
export const FEEDBACK_VIEWS = ["open", "done", "notify", "held", "all"] as const;
export type FeedbackView = (typeof FEEDBACK_VIEWS)[number];

export function parseView(value: string | null): FeedbackView {
  return value && (FEEDBACK_VIEWS as readonly string[]).includes(value) ? (value as FeedbackView) : "open";
}
