// The public home pages of issue 19 (docs/rules/agencies.md "Home pages"): /<code> is the
// agency's home with links under its own prefix, an unknown code is the 404 page, the province's
// list is /co-quan, and / stays the default agency's home, linking the list once there is more
// than one agency. Agencies are made here; B's page must never carry A's name.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { clearAgencyCache, DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { db } from "~/kernel/db/db.server";
import * as agencyHome from "~/routes/$agency._index";
import * as provinceHome from "~/routes/co-quan";
import * as home from "~/routes/_index";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

/** A loader's answer as status and body text, whether returned or thrown. */
async function get(loader: Loader, path: string, params: Record<string, string> = {}, lang = "vi") {
  let res: Response;
  try {
    res = (await loader({
      request: new Request(`http://localhost${path}`, { headers: { "Accept-Language": lang } }),
      params,
      context: {},
    })) as Response;
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    res = e;
  }
  const text = await res.text();
  return { status: res.status, text, data: res.status === 200 ? JSON.parse(text) : null };
}

const A = { code: "so-a-trang-chu", vi: "Sở Ánh Sáng", en: "Department of Light" };
const B = { code: "ubnd-b-trang-chu", vi: "UBND huyện Bình Minh", en: "Binh Minh District" };
const C = { code: "xa-c-trang-chu", vi: "UBND xã Cầu Tre", en: "Cau Tre Commune" };
const ids: Record<string, number> = {};
let root: { id: number; name_vi: string };
let defaultAgency: { code: string; name_vi: string };

async function makeAgency(key: string, a: typeof A, parentId: number) {
  const row = await db()
    .insertInto("agency")
    .values({ code: a.code, name_vi: a.vi, name_en: a.en, parent_id: parentId, target_percent: 90 })
    .returning("id")
    .executeTakeFirstOrThrow();
  ids[key] = row.id;
}

beforeAll(async () => {
  root = await db()
    .selectFrom("agency")
    .select(["id", "name_vi"])
    .where("parent_id", "is", null)
    .executeTakeFirstOrThrow();
  defaultAgency = await db()
    .selectFrom("agency")
    .select(["code", "name_vi"])
    .where("id", "=", DEFAULT_AGENCY_ID)
    .executeTakeFirstOrThrow();
  clearAgencyCache();
});

describe("an installation with one agency", () => {
  it("keeps / as it was: no list of agencies", async () => {
    const r = await get(home.loader, "/");
    expect(r.status).toBe(200);
    expect(r.data.agencies).toBe(1);
  });

  it("lists the one agency under the province at /co-quan, linking to /", async () => {
    const r = await get(provinceHome.loader, "/co-quan");
    expect(r.data.tree).toEqual([
      {
        id: root.id,
        name: root.name_vi,
        href: expect.any(String),
        children: [{ id: DEFAULT_AGENCY_ID, name: defaultAgency.name_vi, href: "/", children: [] }],
      },
    ]);
  });
});

describe("a province of several agencies", () => {
  beforeAll(async () => {
    await makeAgency("A", A, root.id);
    await makeAgency("B", B, root.id);
    await makeAgency("C", C, ids.B);
    clearAgencyCache();
  });

  it("/<code> is the agency's home, every link under its own prefix", async () => {
    const r = await get(agencyHome.loader, `/${A.code}`, { agency: A.code });
    expect(r.status).toBe(200);
    expect(r.data.name).toBe(A.vi);
    expect(r.data.parent).toBe(root.name_vi);
    expect(r.data.title).toBe(`${A.vi} — Hài Lòng`);
    expect(r.data.services).toEqual([
      { key: "survey", href: `/${A.code}/s` },
      { key: "feedback", href: `/${A.code}/feedback` },
      { key: "status", href: `/${A.code}/feedback/status` },
      { key: "dialogue", href: `/${A.code}/dialogues` },
      { key: "results", href: `/${A.code}/ket-qua` },
    ]);
    expect(r.data.children).toEqual([]);
    expect(r.data.others).toBe(true);
  });

  it("B's page never shows A's name or A's links, in either language", async () => {
    for (const lang of ["vi", "en"]) {
      const r = await get(agencyHome.loader, `/${B.code}`, { agency: B.code }, lang);
      expect(r.status).toBe(200);
      expect(r.data.name).toBe(lang === "vi" ? B.vi : B.en);
      for (const leak of [A.vi, A.en, A.code]) expect(r.text).not.toContain(leak);
      // The agency under B is listed on B's home, with its own home.
      expect(r.data.children).toEqual([
        { id: ids.C, name: lang === "vi" ? C.vi : C.en, href: `/${C.code}`, children: [] },
      ]);
    }
  });

  it("/ counts the default agency's units and procedures only, not B's", async () => {
    const before = (await get(home.loader, "/")).data.counts;
    // B gets two active units and one procedure; the default agency's counts stay as they were.
    for (const code of ["BHOME1", "BHOME2"])
      await db()
        .insertInto("unit")
        .values({ agency_id: ids.B, code, name_vi: `Đơn vị ${code}`, name_en: `Unit ${code}`, kind: "division" })
        .execute();
    await db()
      .insertInto("procedure")
      .values({
        agency_id: ids.B,
        code: "B-HOME-1",
        name_vi: "Thủ tục B",
        name_en: "Procedure B",
        field_vi: "Lĩnh vực",
        field_en: "Field",
      })
      .execute();
    expect((await get(home.loader, "/")).data.counts).toEqual(before);
    // The check can see a leak: the same kind of rows in the default agency do move the counts.
    await db()
      .insertInto("unit")
      .values({ code: "AHOME1", name_vi: "Đơn vị A", name_en: "Unit A", kind: "division" })
      .execute();
    expect((await get(home.loader, "/")).data.counts).toEqual({ ...before, units: before.units + 1 });
  });

  it("an unknown code, or one spelt as a path, is the 404 page", async () => {
    for (const code of [
      "khong-co-co-quan-nay",
      "so-a-trang-chu-x",
      "..",
      "%2e%2e",
      "so-a-trang-chu/s",
      " so-a-trang-chu",
    ]) {
      const r = await get(agencyHome.loader, `/${encodeURIComponent(code)}`, { agency: code });
      expect(r.status, code).toBe(404);
      expect(r.text, code).not.toContain(A.vi);
    }
  });

  it("the default agency's home by its code links to its old, unprefixed addresses", async () => {
    const r = await get(agencyHome.loader, `/${defaultAgency.code}`, { agency: defaultAgency.code });
    expect(r.status).toBe(200);
    expect(r.data.services.map((s: { href: string }) => s.href)).toEqual([
      "/s",
      "/feedback",
      "/feedback/status",
      "/dialogues",
      "/ket-qua",
    ]);
  });

  it("the province's own home lists its agencies and offers no citizen service of its own", async () => {
    const code = (await db().selectFrom("agency").select("code").where("id", "=", root.id).executeTakeFirstOrThrow())
      .code;
    const r = await get(agencyHome.loader, `/${code}`, { agency: code });
    expect(r.status).toBe(200);
    expect(r.data.services).toEqual([]);
    expect(r.data.parent).toBeNull();
    expect(r.data.children.map((c: { id: number }) => c.id).sort()).toEqual(
      [DEFAULT_AGENCY_ID, ids.A, ids.B].sort((x, y) => x - y),
    );
  });

  it("/co-quan lists the tree: the province, its agencies by name, B's commune under B", async () => {
    const r = await get(provinceHome.loader, "/co-quan");
    expect(r.data.tree).toHaveLength(1);
    const top = r.data.tree[0];
    expect(top.id).toBe(root.id);
    // Vietnamese order: "Sở Ánh Sáng" and the default "Sở Khoa học…" before "UBND huyện …".
    const names = top.children.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "vi")));
    expect(top.children.find((c: { id: number }) => c.id === ids.A)).toEqual({
      id: ids.A,
      name: A.vi,
      href: `/${A.code}`,
      children: [],
    });
    expect(top.children.find((c: { id: number }) => c.id === ids.B).children).toEqual([
      { id: ids.C, name: C.vi, href: `/${C.code}`, children: [] },
    ]);
    expect(top.children.find((c: { id: number }) => c.id === DEFAULT_AGENCY_ID).href).toBe("/");
  });

  it("/ stays the default agency's home and now links the list", async () => {
    const r = await get(home.loader, "/");
    expect(r.status).toBe(200);
    // The default agency, A, B and C: every agency but the province root.
    expect(r.data.agencies).toBe(4);
  });
});
