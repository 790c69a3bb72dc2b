// The staff area's form schemas. Messages are translation keys (rendered in the reader's
// language); every field a form sends is checked here on the server.
import * as z from "zod";
import { ALL_ROLES_LIST } from "~/features/accounts/roles";
import { parseDateInput, weekday } from "~/kernel/time/clock";
import { PASSWORD_MAX } from "~/features/accounts/password-policy";
import { UNIT_KINDS } from "~/features/admin/units";

const text = (max: number, required = "staff.errors.required") =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "staff.errors.tooLong" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "staff.errors.tooLong" })
    .optional()
    .transform((s) => (s ? s : null));

const email = z
  .string({ error: "staff.errors.emailRequired" })
  .trim()
  .min(1, { error: "staff.errors.emailRequired" })
  .max(254, { error: "staff.errors.tooLong" })
  .pipe(z.email({ error: "staff.errors.emailInvalid" }));

/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** A <select> of ids where "" means none. */
const optionalId = (error: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return n;
    });

export const loginSchema = z.object({
  email,
  password: z
    .string({ error: "staff.errors.passwordRequired" })
    .min(1, { error: "staff.errors.passwordRequired" })
    .max(PASSWORD_MAX * 4, { error: "staff.errors.tooLong" }),
  to: z.string().optional(),
});

export const passwordSchema = z
  .object({
    current: z
      .string({ error: "staff.password.errors.currentRequired" })
      .min(1, { error: "staff.password.errors.currentRequired" }),
    password: z
      .string({ error: "staff.password.errors.newRequired" })
      .min(1, { error: "staff.password.errors.newRequired" }),
    confirm: z
      .string({ error: "staff.password.errors.confirmRequired" })
      .min(1, { error: "staff.password.errors.confirmRequired" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "staff.password.errors.mismatch" })
  .refine((v) => v.password !== v.current, { path: ["password"], error: "staff.password.errors.sameAsCurrent" });

const account = {
  name: text(200, "staff.users.errors.nameRequired"),
  role: z.enum(ALL_ROLES_LIST, { error: "staff.users.errors.roleRequired" }),
  unitId: optionalId("staff.users.errors.unitMissing"),
};
// A unit user works on one unit's data: without a unit they would see nothing.
const unitNeeded = <T extends { role: string; unitId: number | null }>(v: T) => v.role !== "unit" || v.unitId !== null;

export const newUserSchema = z
  .object({ email, ...account })
  .refine(unitNeeded, { path: ["unitId"], error: "staff.users.errors.unitRequired" });
export const editUserSchema = z
  .object(account)
  .refine(unitNeeded, { path: ["unitId"], error: "staff.users.errors.unitRequired" });

export const unitSchema = z.object({
  code: z
    .string({ error: "staff.units.errors.codeRequired" })
    .trim()
    .min(1, { error: "staff.units.errors.codeRequired" })
    .max(20, { error: "staff.errors.tooLong" })
    .regex(/^[A-Za-z0-9-]+$/, { error: "staff.units.errors.codeFormat" })
    .transform((s) => s.toUpperCase()),
  nameVi: text(300),
  nameEn: text(300),
  kind: z.enum(UNIT_KINDS, { error: "staff.units.errors.kindRequired" }),
  parentId: optionalId("staff.units.errors.parentMissing"),
  active: checkbox,
});

export const procedureSchema = z.object({
  code: z
    .string({ error: "staff.procedures.errors.codeRequired" })
    .trim()
    .min(1, { error: "staff.procedures.errors.codeRequired" })
    .max(40, { error: "staff.errors.tooLong" }),
  nationalCode: optionalText(40),
  nameVi: text(1000),
  nameEn: text(1000),
  fieldVi: text(300),
  fieldEn: text(300),
  unitId: optionalId("staff.procedures.errors.unitMissing"),
  active: checkbox,
});

const day = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .transform((s, ctx) => {
      const d = parseDateInput(s);
      if (!d) {
        ctx.addIssue({ code: "custom", message: "staff.errors.dateInvalid" });
        return z.NEVER;
      }
      return d;
    });

export const holidaySchema = z
  .object({
    date: day("staff.holidays.errors.dateRequired"),
    nameVi: text(200),
    nameEn: text(200),
    kind: z.enum(["off", "work"], { error: "staff.holidays.errors.kindRequired" }),
    // The date the row had before this edit; empty when adding.
    original: z
      .string()
      .optional()
      .transform((s) => parseDateInput(s)),
  })
  // A working day is only worth recording where people would otherwise be off: a weekend.
  .refine((v) => v.kind !== "work" || [0, 6].includes(weekday(v.date)), {
    path: ["kind"],
    error: "staff.holidays.errors.workOnWeekday",
  });

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const d = parseDateInput(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "staff.errors.dateInvalid" });
      return z.NEVER;
    }
    return d;
  });

export const auditFilterSchema = z
  .object({
    actor: z.string().trim().max(254).optional(),
    action: z.string().trim().max(100).optional(),
    entity: z.string().trim().max(100).optional(),
    from: optionalDay,
    to: optionalDay,
    page: z.coerce.number().int().min(1).max(100000).optional().catch(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], error: "staff.audit.errors.toBeforeFrom" });

/** A database id posted by a staff form (an integer column: at most 2^31 − 1). */
const postedId = z.coerce.number().int().positive().max(2_147_483_647);
/** Unlocking one account's sign-in (/staff/users). */
export const unlockSchema = z.object({ intent: z.literal("unlock"), id: postedId });
/** Releasing held feedback (/staff/feedback?view=held): one or more case ids. */
export const releaseSchema = z.object({ intent: z.literal("release"), ids: z.array(postedId).min(1).max(500) });
