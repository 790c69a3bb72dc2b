// The staff lists of feedback. Shared by the page (tabs, in the browser) and the model.
export const FEEDBACK_VIEWS = ["open", "done", "notify", "all"] as const;
export type FeedbackView = (typeof FEEDBACK_VIEWS)[number];

export function parseView(value: string | null): FeedbackView {
  return value && (FEEDBACK_VIEWS as readonly string[]).includes(value) ? (value as FeedbackView) : "open";
}
