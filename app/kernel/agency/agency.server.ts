// Which agency a request is about (issue 19, docs/rules/agencies.md). Public pages take it from
// the path's first segment (/<code>/s/<slug>) or, without one, the default agency, so the
// addresses printed before agencies existed keep leading where they did. Staff pages take it from
// the signed-in account (`StaffUser.agencyId`), never from the URL.
import { db } from "~/kernel/db/db.server";

/** The agency the installation served before it had several (migration 021). */
export const DEFAULT_AGENCY_ID = 1;

export interface AgencyRef {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  parentId: number | null;
  /** The path prefix of its public pages: null for the default agency (pre-agency addresses). */
  prefix: string | null;
}

// Agencies change a few times a year and every public request asks for one: keep them in memory.
// The agencies admin's save clears it (clearAgencyCache); a second process sees a change after
// at most CACHE_MS.
const CACHE_MS = 60_000;
let cache: { at: number; byCode: Map<string, AgencyRef>; byId: Map<number, AgencyRef> } | null = null;

async function load(now: number) {
  if (cache && now - cache.at < CACHE_MS) return cache;
  const rows = await db().selectFrom("agency").select(["id", "code", "name_vi", "name_en", "parent_id"]).execute();
  const byCode = new Map<string, AgencyRef>();
  const byId = new Map<number, AgencyRef>();
  for (const r of rows) {
    const ref: AgencyRef = {
      id: r.id,
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      parentId: r.parent_id,
      prefix: r.id === DEFAULT_AGENCY_ID ? null : r.code,
    };
    byCode.set(r.code.toLowerCase(), ref);
    byId.set(r.id, ref);
  }
  cache = { at: now, byCode, byId };
  return cache;
}

/** Forgets the cached agencies (after an agency is created or changed). */
export function clearAgencyCache() {
  cache = null;
}

/** The agency of a public path's prefix: the default agency when there is none, the agency with
 * that code, or null (the route answers 404). */
export async function agencyForCode(code: string | undefined, now = Date.now()): Promise<AgencyRef | null> {
  const { byCode, byId } = await load(now);
  if (code === undefined) return byId.get(DEFAULT_AGENCY_ID) ?? null;
  return byCode.get(code.toLowerCase()) ?? null;
}

/** Every agency of the installation, the province root included (the public agency list). */
export async function listAgencies(now = Date.now()): Promise<AgencyRef[]> {
  return [...(await load(now)).byId.values()];
}

/** The agency with this id (a staff account's, a survey's), or null. */
export async function agencyById(id: number, now = Date.now()): Promise<AgencyRef | null> {
  return (await load(now)).byId.get(id) ?? null;
}

/** The public path prefix of an agency by id: null for the default agency. */
export async function agencyPrefix(id: number): Promise<string | null> {
  if (id === DEFAULT_AGENCY_ID) return null;
  return (await agencyById(id))?.prefix ?? null;
}

/** The public agency of a route's params, or a 404 with the portal's not-found page. */
export async function requireAgency(code: string | undefined): Promise<AgencyRef> {
  const agency = await agencyForCode(code);
  if (!agency) throw new Response("Not found", { status: 404 });
  return agency;
}
