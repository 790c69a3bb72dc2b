// Agency B for the cross-agency isolation tests (issue 19; docs/rules/agencies.md): a second
// agency whose rows carry a marker word no row of agency A holds, so a page of A that shows the
// marker has leaked. Each test file builds what its vertical needs from these pieces and compares
// B's rows before and after A's users have tried every action.
import crypto from "node:crypto";
import { sql } from "kysely";
import type { Role } from "~/features/accounts/auth.server";
import { storeResponse, type StoreResponseInput } from "~/features/survey/response.server";
import { clearAgencyCache } from "~/kernel/agency/agency.server";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../db/types";
import { makeUnit, signIn } from "./staff";
import { SLUG_B } from "./survey";

/** Agency B under the province (agency 2). The cache is cleared so B's path is found at once. */
export async function makeAgencyB(code: string, name: { vi: string; en: string }): Promise<number> {
  const row = await db()
    .insertInto("agency")
    .values({ code, name_vi: name.vi, name_en: name.en, parent_id: 2 })
    .returning("id")
    .executeTakeFirstOrThrow();
  clearAgencyCache();
  return row.id;
}

/** A division of B's, named with the marker. */
export async function makeUnitOfB(agencyId: number, code: string, mark: string): Promise<number> {
  const row = await db()
    .insertInto("unit")
    .values({ agency_id: agencyId, code, name_vi: `Phòng ${mark}`, name_en: `Unit ${mark}`, kind: "division" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A procedure of B's unit, named with the marker. */
export async function makeProcedureOfB(agencyId: number, unitId: number, code: string, mark: string): Promise<number> {
  const row = await db()
    .insertInto("procedure")
    .values({
      agency_id: agencyId,
      code,
      name_vi: `Thủ tục ${mark}`,
      name_en: `Procedure ${mark}`,
      field_vi: "x",
      field_en: "x",
      unit_id: unitId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** B's own survey under `slug`, a copy of A's latest Form B (A's items, B's titles), published a
 * minute ago: the same slug on both agencies is the case a path mix-up would show. */
export async function copyFormB(
  agencyId: number,
  slug: string,
  title: { vi: string; en: string },
): Promise<{ survey: number; version: number }> {
  const source = await db()
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .select(["v.id", "s.kind"])
    .where("s.agency_id", "=", 1)
    .where("s.slug", "=", SLUG_B)
    .orderBy("v.version", "desc")
    .executeTakeFirstOrThrow();
  const survey = await db()
    .insertInto("survey")
    .values({ agency_id: agencyId, slug, kind: source.kind, title_vi: title.vi, title_en: title.en })
    .returning("id")
    .executeTakeFirstOrThrow();
  const version = await db()
    .insertInto("survey_version")
    .values({ agency_id: agencyId, survey_id: survey.id, version: 1, published_at: new Date(Date.now() - 60_000) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into survey_item (agency_id, version_id, position, code, block, type, text_vi, text_en, help_vi,
              help_en, required, options, max_length)
            select ${agencyId}, ${version.id}, position, code, block, type, text_vi, text_en, help_vi, help_en, required,
              options, max_length from survey_item where version_id = ${source.id}`.execute(db());
  return { survey: survey.id, version: version.id };
}

/** The id of a version's overall-satisfaction question. */
export async function overallItem(versionId: number): Promise<number> {
  const row = await db()
    .selectFrom("survey_item")
    .select("id")
    .where("version_id", "=", versionId)
    .where("code", "=", "OVERALL")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One of B's responses, written as the portal writes every response. */
export async function storeResponseOfB(
  b: { agency: number; survey: number; version: number; unit: number; procedure: number },
  answers: StoreResponseInput["answers"],
  over: Partial<StoreResponseInput> = {},
) {
  await storeResponse({
    id: crypto.randomUUID(),
    agencyId: b.agency,
    surveyId: b.survey,
    versionId: b.version,
    unitId: b.unit,
    procedureId: b.procedure,
    counter: null,
    channel: "web",
    lang: "vi",
    startedAt: null,
    flagReasons: [],
    dossierHash: null,
    enteredBy: null,
    answers,
    ...over,
  });
}

/** Each given role of agency A signed in; the unit role with a unit of A's own. */
export async function signInRolesOfA(roles: readonly Role[]) {
  const unitA = await makeUnit();
  const signed = new Map<Role, { id: number; cookie: string }>();
  for (const role of roles) {
    const s = await signIn(role, role === "unit" ? unitA : null);
    signed.set(role, { id: s.id, cookie: s.cookie });
  }
  return { unitA, signed };
}

type AgencyTable = {
  [K in keyof Database]: "agency_id" extends keyof Database[K] ? K : never;
}[keyof Database];

/** Every row of B's in the given tables, as one comparable value: what "nothing of B's changed"
 * compares. Rows are compared as sorted text, so the order the database returns them in (which a
 * rewritten row may change) is no difference; bytes stand as their digest, which keeps a failure's
 * diff short without comparing less. */
export async function rowsOfB(agencyId: number, tables: readonly AgencyTable[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = await db().selectFrom(t).selectAll().where("agency_id", "=", agencyId).execute();
    out[t] = rows.map((r) => JSON.stringify(r, bytesAsDigest)).sort();
  }
  return out;
}

function bytesAsDigest(this: Record<string, unknown>, key: string, value: unknown) {
  // `this[key]` is the value before toJSON: a Buffer (pg) or Uint8Array (PGlite) alike.
  const raw = this[key];
  return raw instanceof Uint8Array ? `bytes:${crypto.createHash("sha256").update(raw).digest("hex")}` : value;
}
