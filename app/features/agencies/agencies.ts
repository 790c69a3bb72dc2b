// The agency tree's rules (issue 19): what a code may be, what a target may be, which parents an
// agency may take. Pure, so they are unit-tested; the form schemas are here too.
import * as z from "zod";
import { wouldCycle } from "~/features/admin/units";

export const CODE_MIN = 2;
export const CODE_MAX = 40;
/** Lower-case letters and digits in groups joined by single hyphens: "so-y-te", "ubnd-cai-be". */
export const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Codes an agency may not take: the portal's own first path segments. An agency's code is meant
 * to become the first segment of its public addresses (/<code>/...), so a code equal to one of
 * these would shadow a page every agency shares. Taken from app/routes (and public/, and the
 * build's asset folder); test/unit/agency-rules.test.ts reads that folder and fails when a route
 * is added without its segment here.
 */
export const RESERVED_CODES: ReadonlySet<string> = new Set([
  "build",
  "dialogues",
  "feedback",
  "healthz",
  "ket-qua",
  "lang",
  "privacy",
  "s",
  "staff",
  // Kept back for pages the next parts of issue 19 are likely to add.
  "api",
  "agencies",
  "co-quan",
]);

/** The translation key of what is wrong with a (normalised) code, or null when it is fine. */
export function codeProblem(code: string): string | null {
  if (!code) return "agencies.errors.codeRequired";
  if (code.length < CODE_MIN || code.length > CODE_MAX) return "agencies.errors.codeLength";
  if (!CODE_PATTERN.test(code)) return "agencies.errors.codeFormat";
  if (RESERVED_CODES.has(code)) return "agencies.errors.codeReserved";
  return null;
}

export const TARGET_MIN = 50;
export const TARGET_MAX = 100;

/** A target as typed ("92.5", or "92,5" as Vietnamese writes it) → percent, or an error key.
 * A target under half makes no sense as a satisfaction goal; one decimal is as fine as a
 * percentage of a few hundred answers can be read. */
export function parseTarget(raw: string): { ok: true; value: number } | { ok: false; error: string } {
  const s = raw.trim();
  if (!s) return { ok: false, error: "agencies.errors.targetRequired" };
  if (!/^\d{1,3}([.,]\d)?$/.test(s)) return { ok: false, error: "agencies.errors.targetFormat" };
  const value = Number(s.replace(",", "."));
  if (value < TARGET_MIN || value > TARGET_MAX) return { ok: false, error: "agencies.errors.targetRange" };
  return { ok: true, value };
}

export interface AgencyNode {
  id: number;
  parentId: number | null;
}

/** Why `parentId` cannot be the parent of agency `id` (null for a new one) in `all`, or null.
 * The root (the province, the one agency without a parent) stays the root: it cannot be given
 * a parent, and no other agency may lose its parent and become a second root. */
export function parentProblem(all: readonly AgencyNode[], id: number | null, parentId: number | null): string | null {
  const self = id === null ? undefined : all.find((a) => a.id === id);
  const isRoot = self !== undefined && self.parentId === null;
  if (isRoot) return parentId === null ? null : "agencies.errors.rootHasNoParent";
  if (parentId === null) return "agencies.errors.parentRequired";
  if (!all.some((a) => a.id === parentId)) return "agencies.errors.parentMissing";
  if (wouldCycle(all, id, parentId)) return "agencies.errors.parentCycle";
  return null;
}

/** Agencies that may be chosen as the parent of agency `id`: not itself, none of its descendants. */
export function parentChoices<T extends AgencyNode>(all: readonly T[], id: number | null): T[] {
  return all.filter((a) => a.id !== id && !wouldCycle(all, id, a.id));
}

const text = (max: number) =>
  z
    .string({ error: "staff.errors.required" })
    .trim()
    .min(1, { error: "staff.errors.required" })
    .max(max, { error: "staff.errors.tooLong" });

/** A <select> of ids where "" means none; anything else that is not an id is refused. */
const optionalId = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = Number(v);
    if (!/^\d{1,10}$/.test(v) || !Number.isSafeInteger(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: "agencies.errors.parentMissing" });
      return z.NEVER;
    }
    return n;
  });

const target = z.string({ error: "agencies.errors.targetRequired" }).transform((v, ctx) => {
  const r = parseTarget(v);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: r.error });
  return z.NEVER;
});

/** Codes are compared and stored in lower case: "SO-Y-TE" typed is "so-y-te". */
const code = z.string({ error: "agencies.errors.codeRequired" }).transform((v, ctx) => {
  const c = v.trim().toLowerCase();
  const problem = codeProblem(c);
  if (problem === null) return c;
  ctx.addIssue({ code: "custom", message: problem });
  return z.NEVER;
});

const fields = { nameVi: text(300), nameEn: text(300), parentId: optionalId, target };

/** A new agency: its code is chosen once, here. */
export const newAgencySchema = z.object({ code, ...fields });
/** An agency that exists: the form does not send the code; one that is sent is compared with
 * the stored one by the service (it may not change). */
export const editAgencySchema = z.object({
  code: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim().toLowerCase() : null)),
  ...fields,
});

export type AgencyInput = z.output<typeof editAgencySchema>;
