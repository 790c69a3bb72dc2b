// The staff dialogue pages in a real browser, with JavaScript: the list, a session's page with
// its registrants, moderation, check-in on a phone, the minutes editor, and cancelling a session
// (its calendar file then says CANCELLED with a higher SEQUENCE). Signed in through /staff/login
// as the demo office account.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { parseIcsStrict } from "../support/ics-check";
import { startServer, type RunningServer } from "../support/server";

describe("staff dialogue pages", () => {
  let server: RunningServer;
  let browser: Browser;
  let state: Awaited<ReturnType<BrowserContext["storageState"]>>;
  let ids: { current: number; last: number };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const ctx = await browser.newContext({ locale: "vi-VN" });
    const page = await ctx.newPage();
    await page.goto(server.url + "/staff/login?to=%2Fstaff%2Fdialogues");
    await page.getByLabel("Địa chỉ email").fill("vanphong@demo.hailong.vn");
    await page.getByLabel("Mật khẩu").fill("demo-Office-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(server.url + "/staff/dialogues");
    state = await ctx.storageState();
    // Sessions are listed newest first: this year's announced one, then last year's.
    const hrefs = await page.locator("tbody tr a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const [current, last] = hrefs.map((h) => Number(h.split("/").pop()));
    ids = { current, last };
    await ctx.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function signedIn(phone = false): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = phone
      ? await phoneContext(browser, { lang: "vi", storageState: state })
      : await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", storageState: state });
    const page = await ctx.newPage();
    return { ctx, page, errors: collectPageErrors(page) };
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
    const { current } = ids;
    const { ctx, page, errors } = await signedIn();
    await page.goto(`${server.url}/staff/dialogues/${current}/questions`);
    expect(await axeViolations(page)).toEqual([]);
    // The question's own text, not the merge lists of the other cards that quote it.
    const pasted = (p: Page) =>
      p.locator("li.question").filter({ has: p.locator(".question__text", { hasText: "0913 456 789" }) });
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
    const { current } = ids;
    const { ctx, page, errors } = await signedIn(true);
    await page.goto(`${server.url}/staff/dialogues/${current}/checkin`);
    expect(await axeViolations(page)).toEqual([]);
    const shows = (sel: string, text: string | RegExp) => page.locator(sel, { hasText: text }).first().waitFor();
    // The demo session is weeks ahead: the door refuses, with the rule, and nobody is checked in.
    await page.getByLabel("Mã đăng ký").fill("dema26");
    await page.getByRole("button", { name: "Điểm danh", exact: true }).click();
    await shows(".checkin-result", "Chỉ điểm danh vào ngày diễn ra buổi đối thoại");
    await shows(".counts li", /^0\s*có mặt/);
    // The Office moves the session to today, starting within the hour; the door then opens.
    const vnInput = (ms: number) => new Date(Date.now() + ms + 7 * 3600_000).toISOString().slice(0, 16);
    const desk = await signedIn();
    await desk.page.goto(`${server.url}/staff/dialogues/${current}`);
    await desk.page.locator("summary", { hasText: "Sửa thông tin" }).click();
    await desk.page.getByLabel("Bắt đầu", { exact: true }).fill(vnInput(3600_000));
    await desk.page.getByLabel("Kết thúc", { exact: true }).fill(vnInput(4 * 3600_000));
    await desk.page.getByLabel("Khóa đăng ký", { exact: true }).fill(vnInput(1800_000));
    await desk.page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await desk.page.waitForURL(/[?&]moved=/);
    await desk.ctx.close();
    await page.goto(`${server.url}/staff/dialogues/${current}/checkin`);
    await page.getByLabel("Mã đăng ký").fill("dema26");
    await page.getByRole("button", { name: "Điểm danh", exact: true }).click();
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
    // The door's log, newest first, has the failed attempt too, with its reason.
    await page.reload();
    const log = await page.locator("table tbody tr td:nth-child(3)").allTextContents();
    expect(log).toEqual(["Thành công", "Đã điểm danh trước đó", "Thành công", "Không đúng ngày đối thoại"]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows the minutes editor with the public preview", async () => {
    const { last } = ids;
    const { ctx, page, errors } = await signedIn();
    await page.goto(`${server.url}/staff/dialogues/${last}/minutes`);
    await page.getByRole("heading", { name: "Xem trước bản công khai" }).waitFor();
    await expect(page.locator(".minutes").textContent()).resolves.toContain("BIÊN BẢN ĐỐI THOẠI");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("cancels a session with a reason; its calendar file then says CANCELLED with a higher SEQUENCE", async () => {
    const { current } = ids;
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
    // Without a mail server, all twenty registrants land on the call list with what to say (the
    // check-in test before this one moved the session to today, so the list also holds their
    // twenty "Đổi lịch" calls).
    const calls = page.locator("#calls-title + p + ul > li");
    await expect(calls.filter({ has: page.locator(".tag", { hasText: /^Hủy$/ }) }).count()).resolves.toBe(20);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
