// What a survey link carries, signed so a citizen cannot make a link for another unit: the unit,
// the counter, the channel and optionally the procedure. Also the hidden form token's shape.
import * as z from "zod";

export const LINK_CHANNELS = ["qr", "kiosk", "web"] as const;
export type LinkChannel = (typeof LINK_CHANNELS)[number];

export const contextSchema = z.object({
  u: z.number().int().positive(),
  k: z.string().trim().max(20).optional(),
  ch: z.enum(LINK_CHANNELS),
  p: z.number().int().positive().optional(),
});
export type SurveyContext = z.infer<typeof contextSchema>;

/** The hidden form token: the submission id, when the form was issued, for which agency, survey
 * and link. A token made before agencies existed has no `a`: it was the default agency's (1). */
export const formTokenSchema = z.object({
  sid: z.uuid(),
  a: z.number().int().positive().default(1),
  t: z.number().int().positive(),
  s: z.string().min(1).max(80),
  c: contextSchema.optional(),
});
export type FormToken = z.infer<typeof formTokenSchema>;

export const isKiosk = (c: SurveyContext | undefined) => c?.ch === "kiosk";

/** A counter name staff type for a poster: short, printable. */
export const counterSchema = z
  .string()
  .trim()
  .max(20, { error: "surveyStaff.links.errors.counterTooLong" })
  .regex(/^[\p{L}\p{N} ._-]*$/u, { error: "surveyStaff.links.errors.counterChars" });

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The staff form that makes a counter link (a GET form: making a link changes nothing). */
export const linkFormSchema = z.object({
  unit: z.coerce
    .number({ error: "surveyStaff.links.errors.unit" })
    .int()
    .positive({ error: "surveyStaff.links.errors.unit" }),
  counter: counterSchema.default(""),
  channel: z.enum(LINK_CHANNELS, { error: "surveyStaff.links.errors.channel" }),
  procedure: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
});

export function contextFromLinkForm(v: z.output<typeof linkFormSchema>): SurveyContext {
  return {
    u: v.unit,
    ch: v.channel,
    ...(v.counter ? { k: v.counter } : {}),
    ...(v.procedure ? { p: v.procedure } : {}),
  };
}
