// The holiday calendar in a real browser on a 360 px phone, against the production server with
// its demo data: adding a day off moves the limits of open demo cases and the page lists them,
// old → new; the shipped days to be confirmed are marked; axe finds nothing.
import type { Browser } from "playwright-core";
import { vnDay } from "~/kernel/time/clock";
import { addWorkingDays, EMPTY_CALENDAR } from "~/kernel/time/working-days";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("holiday calendar", () => {
  it("adds a day off, lists the open cases whose limits moved, and passes axe at 360 px", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url + "/staff/login");
    await page.getByLabel("Địa chỉ email").fill("admin@demo.hailong.vn");
    await page.getByLabel("Mật khẩu").fill("demo-Admin-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForLoadState("domcontentloaded");

    await page.goto(server.url + "/staff/holidays");
    // The 2027 days came with the portal, to be confirmed by the admin.
    expect(await page.getByRole("heading", { name: "Năm 2027" }).count()).toBe(1);
    expect(await page.getByText("Cần xác nhận").count()).toBeGreaterThan(5);

    // Two working days from today (weekends only; the demo holds no day off in December): the
    // demo's open cases received in the last days have limits after it.
    const day = addWorkingDays(vnDay(new Date()), 2, EMPTY_CALENDAR);
    await page.getByLabel("Ngày", { exact: true }).fill(day);
    await page.getByLabel("Tên tiếng Việt").fill("Ngày nghỉ thử");
    await page.getByLabel("Tên tiếng Anh").fill("Test day off");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/change=\d+/);
    await page.locator("[role=status]").first().waitFor();
    const heading = page.getByRole("heading", { name: /bị thay đổi thời hạn/ });
    expect(await heading.count(), await page.locator("main").innerText()).toBe(1);
    const rows = page.locator("section.notice table tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toMatch(/PAKN\.\d{8}\.\d{4}.*\d{2}\/\d{2}\/\d{4} → \d{2}\/\d{2}\/\d{4}/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
