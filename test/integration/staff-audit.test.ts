// The admin's audit log page: filters (who, action prefix, entity, days in Viet Nam time),
// newest first, pages of 50.
import { AUDIT_PAGE_SIZE, recordAudit } from "~/kernel/audit.server";
import { loader } from "~/routes/staff.audit";
import { db } from "~/kernel/db/db.server";
import { signIn, staffRequest } from "../support/staff";

let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  admin = await signIn("admin");
  // Rows at chosen times (the log takes inserts; only updates and deletes are refused).
  const at = (iso: string, action: string, actor: string | null, entity: string) => ({
    at: new Date(iso),
    action,
    actor_email: actor,
    entity,
    entity_id: "7",
    details: JSON.stringify({ n: 1 }),
  });
  await db()
    .insertInto("audit_log")
    .values([
      at("2025-11-26T16:59:00Z", "user.update", "an@so.gov.vn", "staff_user"), // 23:59 on 26/11 in Viet Nam
      at("2025-11-26T17:00:00Z", "user.disable", "binh@so.gov.vn", "staff_user"), // 00:00 on 27/11
      at("2025-11-27T16:59:59Z", "settings.update", "an@so.gov.vn", "setting"), // 23:59:59 on 27/11
      at("2025-11-27T17:00:00Z", "auth.login", "an@so.gov.vn", "staff_user"), // 00:00 on 28/11
    ])
    .execute();
  for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++)
    await recordAudit(null, { agencyId: 1, actor: null, action: "bulk.test", entity: "thing", entityId: i });
});

const page = async (query: string) =>
  (await loader({ request: staffRequest(`/staff/audit${query}`, admin.cookie), params: {}, context: {} })).json();

describe("audit log page", () => {
  it("shows days in Viet Nam time: 'from 27/11 to 27/11' is 17:00 UTC on 26/11 up to 17:00 UTC on 27/11", async () => {
    const data = await page("?from=2025-11-27&to=27/11/2025");
    expect(data.errors).toEqual({});
    expect(data.rows.map((r: { action: string }) => r.action)).toEqual(["settings.update", "user.disable"]);
    expect(data.rows.map((r: { at: string }) => r.at)).toEqual(["27/11/2025 23:59", "27/11/2025 00:00"]);
  });

  it("filters by part of the actor's email, action prefix and entity", async () => {
    const byActor = await page("?actor=AN@so&from=2025-11-01&to=2025-11-30");
    expect(byActor.rows.map((r: { action: string }) => r.action)).toEqual([
      "auth.login",
      "settings.update",
      "user.update",
    ]);
    const byAction = await page("?action=user.");
    expect(byAction.rows.map((r: { action: string }) => r.action)).toEqual(["user.disable", "user.update"]);
    const byEntity = await page("?entity=setting");
    expect(byEntity.rows.map((r: { action: string }) => r.action)).toEqual(["settings.update"]);
    // LIKE wildcards typed by the reader are literal characters.
    expect((await page("?action=%25")).rows).toEqual([]);
  });

  it("pages newest first, 50 at a time", async () => {
    const first = await page("?action=bulk.");
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(first.rows[0].entityId).toBe(String(AUDIT_PAGE_SIZE + 4));
    const second = await page("?action=bulk.&page=2");
    expect(second.rows).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    expect(second.rows[second.rows.length - 1].entityId).toBe("0");
  });

  it("reads each row as a sentence with the actor's name, the raw record kept beside it", async () => {
    const { name } = await db()
      .selectFrom("staff_user")
      .select("name")
      .where("email", "=", admin.email)
      .executeTakeFirstOrThrow();
    await recordAudit(null, {
      agencyId: 1,
      actor: { id: admin.id, email: admin.email },
      action: "export.responses",
      entity: "survey",
      entityId: 2,
      details: { surveyId: 2, from: "2026-06-15", to: "2026-09-14", period: "2026-Q3", format: "csv" },
    });
    const data = await page("?action=export.responses");
    expect(data.rows[0].sentence).toBe(`${name} đã xuất phiếu trả lời quý III/2026`);
    expect(JSON.parse(data.rows[0].details)).toMatchObject({ period: "2026-Q3", format: "csv" });
    const enData = (
      await loader({
        request: staffRequest("/staff/audit?action=export.responses&lng=en", admin.cookie),
        params: {},
        context: {},
      })
    ).json();
    expect((await enData).rows[0].sentence).toBe(`${name} exported the responses of Q3/2026`);
    // A row with no sentence of its own still reads, naming its code.
    const other = await page("?action=user.disable");
    expect(other.rows[0].sentence).toBe("binh@so.gov.vn đã thực hiện thao tác user.disable trên staff_user #7");
  });

  it("reports a bad date in the reader's terms and keeps the other filters", async () => {
    const data = await page("?action=user.&from=31/02/2026");
    expect(data.errors).toEqual({ from: "staff.errors.dateInvalid" });
    expect(data.values.from).toBe("31/02/2026");
    expect(data.rows.map((r: { action: string }) => r.action)).toEqual(["user.disable", "user.update"]);
    const reversed = await page("?from=2025-11-28&to=2025-11-27");
    expect(reversed.errors).toEqual({ to: "staff.audit.errors.toBeforeFrom" });
  });
});
