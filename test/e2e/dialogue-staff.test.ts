// The staff dialogue pages in a real browser, with JavaScript, on PostgreSQL: the list, a
// session's page with its registrants, moderation, check-in on a phone, the minutes editor, and
// cancelling a session (its calendar file then says CANCELLED with a higher SEQUENCE).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { connect, setDatabase, type DatabaseHandle } from "../../db/client";
import { createSession } from "~/utils/session.server";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { parseIcsStrict } from "../support/ics-check";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

const postgres = await reachablePostgres();

// The staff sign-in page belongs to another part of the portal; here the test opens a staff
// session by writing it into the server's PostgreSQL database, exactly as sign-in would. The
// embedded database cannot be opened by a second process, hence PostgreSQL only.
describe.skipIf(!postgres)("staff dialogue pages (PostgreSQL only: the test writes the staff session into the server's database)", () => {
  let server: RunningServer;
  let browser: Browser;
  let handle: DatabaseHandle;
  let cookie: { name: string; value: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ postgres: true }), launchBrowser()]);
    handle = await connect({ url: server.databaseUrl! });
    setDatabase(handle);
    const office = await handle.db.selectFrom("staff_user").select("id").where("email", "=", "vanphong@demo.hailong.vn").executeTakeFirstOrThrow();
    const [pair] = (await createSession(office.id)).split(";");
    const i = pair.indexOf("=");
    cookie = { name: pair.slice(0, i), value: pair.slice(i + 1) };
  });
  afterAll(async () => {
    setDatabase(null);
    await handle?.close();
    await browser?.close();
    await server?.dispose();
  });

  async function signedIn(phone = false): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = phone ? await phoneContext(browser, { lang: "vi" }) : await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    await ctx.addCookies([{ ...cookie, url: server.url }]);
    const page = await ctx.newPage();
    return { ctx, page, errors: collectPageErrors(page) };
  }

  async function sessionIds() {
    const rows = await handle.db.selectFrom("dialogue_session").select(["id", "status"]).orderBy("id").execute();
    return { last: rows.find((r) => r.status === "minutes_published")!.id, current: rows.find((r) => r.status === "published")!.id };
  }

  it("lists the sessions and shows a session's registrants to the office, with no accessibility problems", async () => {
    const { ctx, page, errors } = await signedIn();
    await page.goto(server.url + "/staff/dialogues");
    await expect(page.locator("h1").textContent()).resolves.toBe("Đối thoại");
    expect(await page.locator("tbody tr").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("tbody tr").first().getByRole("link").click();
    await page.getByRole("heading", { name: "Người đăng ký" }).waitFor();
    expect(await page.locator("table tbody tr").count()).toBe(20);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("approves a pending question; the public page shows it with the pasted phone masked", async () => {
    const { current } = await sessionIds();
    const { ctx, page, errors } = await signedIn();
    await page.goto(`${server.url}/staff/dialogues/${current}/questions`);
    expect(await axeViolations(page)).toEqual([]);
    // The question's own text, not the merge lists of the other cards that quote it.
    const pasted = (p: Page) => p.locator("li.question").filter({ has: p.locator(".question__text", { hasText: "0913 456 789" }) });
    const card = pasted(page);
    await card.locator("summary", { hasText: /^Duyệt$/ }).click();
    await card.getByRole("button", { name: "Duyệt và công khai" }).click();
    // Approved, it leaves the queue of questions awaiting review.
    await pasted(page).waitFor({ state: "detached" });
    const html = await (await page.request.get(`${server.url}/dialogues/${current}`)).text();
    expect(html).toContain("Tôi gọi số [***] của bộ phận một cửa");
    expect(html).not.toContain("0913 456 789");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("checks people in at the door on a phone, by code and by name, with live counts", async () => {
    const { current } = await sessionIds();
    const { ctx, page, errors } = await signedIn(true);
    await page.goto(`${server.url}/staff/dialogues/${current}/checkin`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Mã đăng ký").fill("dema26");
    await page.getByRole("button", { name: "Điểm danh", exact: true }).click();
    const shows = (sel: string, text: string | RegExp) => page.locator(sel, { hasText: text }).first().waitFor();
    await shows(".checkin-result", "Đã điểm danh: Nguyễn Văn An");
    await shows(".counts li", /^1\s*có mặt/);
    await page.getByLabel("Mã đăng ký").fill("DEMA26");
    await page.getByRole("button", { name: "Điểm danh", exact: true }).click();
    await shows(".checkin-result", "Nguyễn Văn An đã điểm danh lúc");
    await page.getByLabel(/Họ tên, mã/).fill("tran thi binh");
    await page.getByRole("button", { name: "Tìm" }).click();
    await page.getByRole("button", { name: "Điểm danh Trần Thị Bình" }).click();
    await shows(".checkin-result", "Trần Thị Bình (Doanh nghiệp)");
    await shows(".counts li", /^1\s*Doanh nghiệp/);
    await shows(".counts li", /^2\s*có mặt/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    const attempts = await handle.db.selectFrom("dialogue_checkin_attempt").select(["ok", "reason"]).where("session_id", "=", current).orderBy("id").execute();
    expect(attempts).toEqual([{ ok: true, reason: null }, { ok: false, reason: "already_checked_in" }, { ok: true, reason: null }]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows the minutes editor with the public preview", async () => {
    const { last } = await sessionIds();
    const { ctx, page, errors } = await signedIn();
    await page.goto(`${server.url}/staff/dialogues/${last}/minutes`);
    await page.getByRole("heading", { name: "Xem trước bản công khai" }).waitFor();
    await expect(page.locator(".minutes").textContent()).resolves.toContain("BIÊN BẢN ĐỐI THOẠI");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("cancels a session with a reason; its calendar file then says CANCELLED with a higher SEQUENCE", async () => {
    const { current } = await sessionIds();
    const before = parseIcsStrict(await (await fetch(`${server.url}/dialogues/${current}/ics`)).text()).event;
    const { ctx, page, errors } = await signedIn();
    await page.goto(`${server.url}/staff/dialogues/${current}`);
    await page.locator("summary", { hasText: "Hủy buổi đối thoại" }).click();
    await page.getByLabel("Lý do hủy").fill("Trùng lịch họp Ủy ban nhân dân tỉnh; sẽ thông báo lịch mới.");
    await page.getByRole("button", { name: "Hủy buổi đối thoại" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toContain("Đã hủy");
    const after = parseIcsStrict(await (await fetch(`${server.url}/dialogues/${current}/ics`)).text()).event;
    expect(after.STATUS).toBe("CANCELLED");
    expect(Number(after.SEQUENCE)).toBe(Number(before.SEQUENCE) + 1);
    expect(after.UID).toBe(before.UID);
    // Without a mail server, all twenty registrants land on the call list with what to say.
    await expect(page.locator("#calls-title + p + ul > li").count()).resolves.toBe(20);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
