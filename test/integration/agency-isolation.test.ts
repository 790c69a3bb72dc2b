// Issue 19: a user of agency A never sees agency B's data, and B's public pages never appear
// under A's addresses (docs/rules/agencies.md). Agency B is made here with its own unit,
// procedure, surveys (one with the same slug as A's Form B, one only B has), answers and a staff
// user; then A's users of every role walk the staff routes with B's ids in the params, and the
// public survey paths are asked for B's slugs. The two routes that show every agency by design
// (the agency list, the league) are listed as skipped with the reason.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { ALL_ROLES, type Role, type RouteAccess } from "~/features/accounts/auth.server";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { db } from "~/kernel/db/db.server";
import { loader as surveyLoader } from "~/routes/s.$slug";
import { loader as thanksLoader } from "~/routes/s.$slug_.thanks";
import { loader as listLoader } from "~/routes/s._index";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import {
  copyFormB,
  makeAgencyB,
  makeProcedureOfB,
  makeUnitOfB,
  overallItem,
  storeResponseOfB,
} from "../support/agency-b";
import { makeUnit, signIn, staffRequest } from "../support/staff";
import { ensureForms, SLUG_B } from "../support/survey";
import { makeSession, person } from "../support/dialogue";

const ROUTES = path.resolve(import.meta.dirname, "../../app/routes");
// Words only agency B's rows hold: none may appear in anything agency A's users are shown.
const MARK = "Bzzisolation";
const B_ONLY_SLUG = "bzz-only";
const B_RESPONSES = 7;

/** Staff routes the walk leaves out, each with its reason: they show every agency by design.
 * Every other staff route is walked (the verticals' own files go further:
 * agency-isolation-{feedback,dialogue,reports,admin}.test.ts). */
function leftOut(id: string): string | null {
  if (/^staff\.agencies/.test(id))
    return "the agency list is shared data the installation admin keeps (agencies admin tests)";
  if (/^staff\.province/.test(id)) return "the province's league shows every agency by design (league tests)";
  return null;
}

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
async function call(fn: Handler, request: Request, params: Record<string, string>): Promise<Response> {
  try {
    const r = await fn({ request, params, context: {} });
    return r instanceof Response ? r : new Response(JSON.stringify(r), { status: 200 });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const b = {
  agency: 0,
  code: "bzz",
  unit: 0,
  procedure: 0,
  survey: 0,
  only: 0,
  version: 0,
  feedback: 0,
  attachment: 0,
  request: 0,
  item: 0,
  user: 0,
  dialogue: 0,
};
const cookies = new Map<Role, string>();
let bCookie = "";

beforeAll(async () => {
  await ensureForms();
  b.agency = await makeAgencyB(b.code, { vi: `Sở ${MARK}`, en: `Dept ${MARK}` });
  b.unit = await makeUnitOfB(b.agency, "BZ1", MARK);
  b.procedure = await makeProcedureOfB(b.agency, b.unit, "BZP", MARK);
  // B's copy of A's Form B (same slug, its own title) and a survey only B has, each with A's items.
  const title = { vi: `Khảo sát ${MARK}`, en: `Survey ${MARK}` };
  Object.assign(b, await copyFormB(b.agency, SLUG_B, title));
  b.only = (await copyFormB(b.agency, B_ONLY_SLUG, title)).survey;
  // B's feedback case with a file, and an open privacy request about it (feedback and privacy
  // routes are walked with these ids).
  const fb = await submitFeedback({
    agencyId: b.agency,
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: `Người ${MARK}`,
    address: `Địa chỉ ${MARK}`,
    phone: "0912 000 999",
    title: `Tiêu đề ${MARK}`,
    content: `Nội dung phản ánh ${MARK} gửi cơ quan B`,
    lang: "vi",
    attachments: [
      {
        filename: `${MARK}.pdf`,
        bytes: new Uint8Array(Buffer.from(`%PDF-1.7\n${MARK}\n%%EOF\n`, "latin1")),
        kind: "pdf",
        mime: "application/pdf",
      },
    ],
  });
  b.feedback = fb.id;
  b.attachment = (
    await db().selectFrom("feedback_attachment").select("id").where("feedback_id", "=", fb.id).executeTakeFirstOrThrow()
  ).id;
  b.request = (
    await db()
      .insertInto("privacy_request")
      .values({
        agency_id: b.agency,
        submission_id: crypto.randomUUID(),
        kind: "delete",
        subject_kind: "feedback",
        subject_id: fb.id,
        subject_code: fb.code,
        status: "open",
        lang: "vi",
        received_at: new Date(),
        due_at: new Date(Date.now() + 72 * 3_600_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  // B's dialogue, with a sign-up, a question and minutes, all carrying the marker (dialogue routes
  // are walked with its id).
  b.dialogue = await makeSession({ agencyId: b.agency, title: `Đối thoại ${MARK}` });
  const signed = await signUp(
    person(b.dialogue, { agencyId: b.agency, name: `Người ${MARK}`, question: `Câu hỏi ${MARK}` }),
  );
  expect(signed.ok).toBe(true);
  // Held, so the minutes and check-in pages have something to show.
  await db().updateTable("dialogue_session").set({ status: "held" }).where("id", "=", b.dialogue).execute();
  await db()
    .insertInto("dialogue_minutes")
    .values({ agency_id: b.agency, session_id: b.dialogue, summary: `Biên bản ${MARK}` })
    .execute();
  const overall = await overallItem(b.version);
  for (let i = 0; i < B_RESPONSES; i++)
    await storeResponseOfB(b, [{ itemId: overall, value: 1, text: `lời ${MARK}`, choices: null }]);
  // B's served count, late dossier (its code carries the marker) and own day off, for the report
  // routes' walk: B's unit name or the code would show on A's pages if a read were not scoped.
  await db()
    .insertInto("served_count")
    .values({
      agency_id: b.agency,
      unit_id: b.unit,
      procedure_id: b.procedure,
      period_start: "2030-12-15",
      period_end: "2031-03-14",
      count: 41,
    })
    .execute();
  await db()
    .insertInto("late_dossier")
    .values({
      agency_id: b.agency,
      dossier_code: `${MARK}-HS1`,
      unit_id: b.unit,
      procedure_id: b.procedure,
      promised_date: "2031-02-01",
      returned_date: "2031-02-03",
      apology_sent: false,
    })
    .execute();
  await db()
    .insertInto("agency_holiday")
    .values({ agency_id: b.agency, date: "2031-03-12", name_vi: `Ngày ${MARK}`, name_en: `Day ${MARK}`, kind: "off" })
    .execute();
  const bStaff = await signIn("admin", null, b.agency);
  bCookie = bStaff.cookie;
  b.user = bStaff.id;
  b.item = overall;
  const unitA = await makeUnit();
  for (const role of ALL_ROLES) cookies.set(role, (await signIn(role, unitA)).cookie);
});

const get = (fn: Handler, url: string, params: Record<string, string>) =>
  call(fn, new Request(`http://localhost${url}`), params);

describe("public survey pages per agency", () => {
  it("B's own survey is found under B's prefix, stored with B's agency, and nowhere else", async () => {
    const mine = await get(surveyLoader as Handler, `/${b.code}/s/${B_ONLY_SLUG}`, {
      agency: b.code,
      slug: B_ONLY_SLUG,
    });
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain(MARK);
    // The default path is the default agency's: B's slug is not found there.
    expect((await get(surveyLoader as Handler, `/s/${B_ONLY_SLUG}`, { slug: B_ONLY_SLUG })).status).toBe(404);
    expect((await get(thanksLoader as Handler, `/s/${B_ONLY_SLUG}/thanks`, { slug: B_ONLY_SLUG })).status).toBe(404);
    // A code no agency has is the not-found page.
    expect((await get(surveyLoader as Handler, `/nope/s/${SLUG_B}`, { agency: "nope", slug: SLUG_B })).status).toBe(
      404,
    );
    const stored = await db().selectFrom("response").select(["agency_id"]).where("survey_id", "=", b.survey).execute();
    expect(stored).toHaveLength(B_RESPONSES);
    expect(stored.every((r) => r.agency_id === b.agency)).toBe(true);
    const answers = await db()
      .selectFrom("answer as a")
      .innerJoin("response as r", "r.id", "a.response_id")
      .select("a.agency_id")
      .where("r.survey_id", "=", b.survey)
      .execute();
    expect(answers.every((r) => r.agency_id === b.agency)).toBe(true);
  });

  it("the same slug shows each agency its own survey, and A's list never lists B's", async () => {
    const a = await (await get(surveyLoader as Handler, `/s/${SLUG_B}`, { slug: SLUG_B })).text();
    expect(a).not.toContain(MARK);
    const bPage = await (
      await get(surveyLoader as Handler, `/${b.code}/s/${SLUG_B}`, { agency: b.code, slug: SLUG_B })
    ).text();
    expect(bPage).toContain(MARK);
    const list = await (await get(listLoader as Handler, "/s", {})).text();
    expect(list).not.toContain(MARK);
    expect(list).not.toContain(B_ONLY_SLUG);
  });
});

describe("agency A's staff against agency B's data", () => {
  const routes = fs
    .readdirSync(ROUTES)
    .filter((f) => f.startsWith("staff") && /\.tsx?$/.test(f))
    .map((f) => f.replace(/\.tsx?$/, ""))
    .sort();
  const paramFor = (id: string, name: string): string => {
    if (name === "period") return "2031-Q1";
    if (id.startsWith("staff.feedback")) return String(name === "aid" ? b.attachment : b.feedback);
    if (id.startsWith("staff.privacy")) return String(b.request);
    if (name === "itemId") return String(b.item);
    if (id.startsWith("staff.dialogues")) return String(b.dialogue);
    if (id.startsWith("staff.surveys") || name === "surveyId") return String(b.survey);
    if (id.startsWith("staff.procedures")) return String(b.procedure);
    if (id.startsWith("staff.users")) return String(b.user);
    return String(b.unit);
  };
  for (const id of routes) {
    const reason = leftOut(id);
    if (reason) {
      it.skip(`${id}: left out: ${reason}`, () => {});
      continue;
    }
    it(`${id}: every role of A gets 404/403 or a page without B's names, figures or rows`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROUTES, `${id}.tsx`)).catch(
        () => import(/* @vite-ignore */ path.join(ROUTES, `${id}.ts`)),
      )) as { access?: RouteAccess; loader?: Handler };
      const params: Record<string, string> = {};
      const segs: string[] = [];
      for (const raw of id.split(".")) {
        const seg = raw.replace(/_$/, "");
        if (seg.startsWith("_")) continue;
        if (seg.startsWith("$")) {
          params[seg.slice(1)] = paramFor(id, seg.slice(1));
          segs.push(params[seg.slice(1)]);
        } else segs.push(seg);
      }
      const query = `?survey=${b.survey}&unit=${b.unit}&c=`;
      for (const role of mod.access?.loader ?? []) {
        const res = await call(mod.loader!, staffRequest(`/${segs.join("/")}${query}`, cookies.get(role)!), params);
        if ([403, 404, 302].includes(res.status)) continue;
        expect(res.status, `${id} as ${role}`).toBe(200);
        const body = await res.text();
        expect(body, `${id} as ${role}`).not.toContain(MARK);
        expect(body, `${id} as ${role}`).not.toContain(B_ONLY_SLUG);
      }
    });
  }

  it("B's own admin sees B's survey where A's get nothing (the check can see a leak)", async () => {
    const { loader } = await import("~/routes/staff.surveys.$id.preview");
    const res = await call(loader as Handler, staffRequest(`/staff/surveys/${b.survey}/preview`, bCookie), {
      id: String(b.survey),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(MARK);
  });

  it("B's responses never count in A's dashboard figures or raw export", async () => {
    const { loader } = await import("~/routes/staff.export.responses");
    const res = await call(
      loader as Handler,
      staffRequest(`/staff/export/responses?survey=${b.survey}`, cookies.get("admin")!),
      {},
    );
    const text = res.status === 200 ? await res.text() : "";
    expect(text).not.toContain(MARK);
    const rows = await db()
      .selectFrom("response")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("survey_id", "=", b.survey)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(B_RESPONSES);
    const { loader: dash } = await import("~/routes/staff._index");
    const page = await call(dash as Handler, staffRequest(`/staff?survey=${b.survey}`, cookies.get("admin")!), {});
    const data = JSON.parse(await page.text()) as { selected?: { survey: number | null } };
    expect(data.selected?.survey).not.toBe(b.survey);
  });
});
