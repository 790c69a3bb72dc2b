// The province's league report (Nghị định 30/2020 format), as print page and DOCX, holds the
// same agencies, places, n and intervals as the league page (docs/rules/league.md). Figures
// are written into the rollups and feedback table as the portal writes them, for Q2/2025
// (15/03–14/06/2025, NĐ 09/2019 Art. 12). Worked by hand (Wilson, z = 1.96):
//   A 95/100 [88,8 %; 97,8 %], B 85/100 [76,7 %; 90,7 %]: they overlap (88,8 < 90,7), so both
//   hold places 1–2 together: a tie, "1 (đồng hạng)".
//   C 60/100: d = 1.038416, centre = 0.619208/d = 0.59630, half = 1.96·√(0.0024 + 0.00009604)/d
//   = 0.09430 → [50,2 %; 69,1 %]: below both (88,8 > 69,1 and 76,7 > 69,1) → 3.
//   D 2 answers (< 5): hidden, not ranked.
import * as leagueRoute from "~/routes/staff.province.$period";
import * as docRoute from "~/routes/staff.province.$period_.document";
import * as docxRoute from "~/routes/staff.province.$period_.docx";
import { db } from "~/kernel/db/db.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";
import { handledFeedback, leagueAgency, OVERALL, publishedSurvey, writeRollups } from "../support/league";
import { docxText, unzip } from "../support/unzip";

const PERIOD = "2025-Q2";
const DAY = "2025-04-10";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
async function call(fn: Handler, url: string, cookie: string) {
  try {
    return (await fn({ request: staffRequest(url, cookie), params: { period: PERIOD }, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

async function agency(key: string, counts: { c5?: number; c4?: number; c2?: number }, onTime: number) {
  const { agencyId, unitId } = await leagueAgency(
    { code: `doc-${key}`, name_vi: `Sở ${key.toUpperCase()}`, name_en: `Dept ${key.toUpperCase()}` },
    { code: "U1", name_vi: "Bộ phận", name_en: "Unit" },
  );
  const form = { slug: `b-${key}`, kind: "B" as const, title_vi: "B", title_en: "B" };
  const { versionId, itemIds } = await publishedSurvey(agencyId, form, [OVERALL]);
  await writeRollups({ agencyId, versionId, unitId, itemId: itemIds[0], counts }, DAY, "2025-04-01", "2025-03-15");
  // Ten handled cases, `onTime` of them on time.
  await handledFeedback({ agencyId, unitId, key }, DAY, 10, 10 - onTime);
}

let province: string;
beforeAll(async () => {
  await agency("a", { c5: 95, c2: 5 }, 10);
  await agency("b", { c4: 85, c2: 15 }, 9);
  await agency("c", { c5: 60, c2: 40 }, 2);
  await agency("d", { c5: 2 }, 0);
  province = (await signIn("province")).cookie;
}, 90_000);

type Row = { name: string; n: number | null; place: { best: number; worst: number; tie: boolean } | null };
type League = { satisfaction: Row[]; feedback: Row[]; tt01: Row[] };
type Doc = {
  agency: string;
  parentAgency: string;
  summary: string;
  signerTitle: string;
  sections: { heading: string; paragraphs: string[]; table?: { rows: string[][] } }[];
};

const placeText = (p: Row["place"], tie: string) =>
  !p ? null : p.best === p.worst ? `${p.best}` : p.tie ? `${p.best} ${tie}` : `${p.best}–${p.worst}`;

describe("the province's league report", () => {
  it("is issued by the province and holds the league page's agencies, places and n", async () => {
    const page = (await (await call(leagueRoute.loader as Handler, `/staff/province/${PERIOD}`, province)).json()) as {
      league: League;
    };
    const res = await call(docRoute.loader as Handler, `/staff/province/${PERIOD}/document`, province);
    expect(res.status).toBe(200);
    const { doc } = (await res.json()) as { doc: Doc };
    const root = await db()
      .selectFrom("agency")
      .select("name_vi")
      .where("parent_id", "is", null)
      .executeTakeFirstOrThrow();
    expect(doc.agency).toBe(root.name_vi.toLocaleUpperCase("vi-VN"));
    expect(doc.summary).toMatch(
      /^Kết quả khảo sát sự hài lòng .* của các cơ quan hành chính nhà nước quý II năm 2025$/,
    );
    expect(doc.sections.map((s) => s.heading)).toHaveLength(3);
    // One sentence says how ties read.
    expect(doc.sections[0].paragraphs.some((p) => p.includes("đồng hạng"))).toBe(true);
    for (const [i, key] of (["satisfaction", "feedback", "tt01"] as const).entries()) {
      const rows = doc.sections[i].table!.rows;
      expect(rows.map((r) => r[0]).sort()).toEqual(page.league[key].map((r) => r.name).sort());
      for (const r of page.league[key]) {
        const row = rows.find((x) => x[0] === r.name)!;
        const want = placeText(r.place, "(đồng hạng)");
        if (want) expect(row[1], `${key} ${r.name}`).toBe(want);
        if (key !== "tt01" && want) expect(row[3], `${key} ${r.name}`).toBe(String(r.n));
      }
    }
    // By hand (header): A and B tie for 1–2, C is 3, D hidden.
    const sat = doc.sections[0].table!.rows;
    const by = (name: string) => sat.find((r) => r[0] === name)!;
    expect(by("Sở A").slice(1, 5)).toEqual(["1 (đồng hạng)", "95,0\u00a0%", "100", "88,8\u00a0% – 97,8\u00a0%"]);
    expect(by("Sở B").slice(1, 5)).toEqual(["1 (đồng hạng)", "85,0\u00a0%", "100", "76,7\u00a0% – 90,7\u00a0%"]);
    expect(by("Sở C").slice(1, 5)).toEqual(["3", "60,0\u00a0%", "100", "50,2\u00a0% – 69,1\u00a0%"]);
    expect(by("Sở D")).toEqual(["Sở D", "Không xếp hạng: Ẩn (dưới 5 ý kiến)"]);
  });

  it("downloads as DOCX with the same figures, audited", async () => {
    const res = await call(docxRoute.loader as Handler, `/staff/province/${PERIOD}/docx`, province);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/wordprocessingml/);
    // (docxText reads the no-break spaces as spaces.)
    const text = docxText(
      unzip(Buffer.from(await res.arrayBuffer()))
        .get("word/document.xml")!
        .toString("utf8"),
    );
    for (const s of ["Sở A", "Sở B", "Sở C", "Sở D", "88,8 % – 97,8 %", "50,2 % – 69,1 %", "1 (đồng hạng)"])
      expect(text, s).toContain(s);
    expect(text).toContain("BÁO CÁO");
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("action", "=", "export.league")
      .execute();
    expect(audit.map((a) => (a.details as { format: string }).format)).toContain("docx");
  });

  it("has an English version, and refuses a unit's staff", async () => {
    const res = await call(docRoute.loader as Handler, `/staff/province/${PERIOD}/document?lng=en`, province);
    const { doc } = (await res.json()) as { doc: Doc };
    expect(doc.summary).toMatch(/state agencies, Q2 2025|state agencies, .*2025/);
    expect(doc.sections[0].table!.rows.find((r) => r[0] === "Dept A")![1]).toBe("1 (tie)");
    const unit = (await signIn("unit", await makeUnit())).cookie;
    expect((await call(docRoute.loader as Handler, `/staff/province/${PERIOD}/document`, unit)).status).toBe(403);
    expect((await call(docxRoute.loader as Handler, `/staff/province/${PERIOD}/docx`, unit)).status).toBe(403);
  });
});
