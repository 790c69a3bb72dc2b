// The staff's actions on one feedback case, one schema per button; `intent` says which.
import * as z from "zod";
import { FEEDBACK_CLASSES } from "~/features/feedback/feedback-workflow";

const E = (key: string) => ({ error: `feedback.errors.${key}` });
const text = (min: number, max: number, key: string) => z.string(E(key)).trim().min(min, E(key)).max(max, E("tooLong"));
const optional = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, E("tooLong")).optional(),
  );
const id = (key: string) => z.coerce.number(E(key)).int(E(key)).positive(E(key));

export const staffActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("refuse"), reason: text(5, 2000, "reasonRequired") }),
    z.object({ intent: z.literal("request_info"), note: text(5, 2000, "requestRequired") }),
    z
      .object({
        intent: z.literal("classify"),
        feedbackClass: z.enum(FEEDBACK_CLASSES, E("classRequired")),
        agency: optional(300),
        dispatch: optional(100),
        note: optional(2000),
      })
      .superRefine((v, ctx) => {
        if (v.feedbackClass !== "transferred") return;
        if (!v.agency) ctx.addIssue({ code: "custom", path: ["agency"], message: "feedback.errors.agencyRequired" });
        if (!v.dispatch)
          ctx.addIssue({ code: "custom", path: ["dispatch"], message: "feedback.errors.dispatchRequired" });
      }),
    z.object({
      intent: z.literal("assign"),
      unitId: id("unitRequired"),
      assigneeId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id("assigneeInvalid").optional()),
      note: optional(2000),
    }),
    z.object({ intent: z.literal("note"), note: text(2, 4000, "noteRequired") }),
    z.object({ intent: z.literal("draft"), answer: text(20, 20000, "answerRequired") }),
    z.object({ intent: z.literal("return_draft"), note: text(5, 2000, "noteRequired") }),
    z.object({ intent: z.literal("approve"), approver: text(3, 200, "approverRequired"), note: optional(2000) }),
    z.object({
      intent: z.literal("publish"),
      publicTitle: optional(300),
      publicContent: text(10, 10000, "publicContentRequired"),
    }),
    z.object({ intent: z.literal("mark_notified"), note: optional(2000) }),
    // An empty code clears the mark.
    z.object({ intent: z.literal("mark_repeat"), earlierCode: optional(40), note: optional(2000) }),
  ],
  E("intentInvalid"),
);
export type StaffAction = z.infer<typeof staffActionSchema>;
