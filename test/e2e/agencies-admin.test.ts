// The admin's agency pages (issue 19) in a real browser on a 360 px phone, in Vietnamese and
// English: the list, the new-agency form with its error summary, the edit form;
// nothing scrolls sideways and axe finds nothing.
import type { Browser, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ postgres: await reachablePostgres() }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function signInAdmin(page: Page) {
  await page.goto(server.url + "/staff/login");
  await page.getByLabel(/^(Địa chỉ email|Email address)$/).fill("admin@demo.hailong.vn");
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill("demo-Admin-2026");
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.waitForURL(/\/staff$/);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - 360);

describe.each(["vi", "en"] as const)("agency pages at 360 px in %s", (lang) => {
  it("list, refuse with a summary, and edit, all within the screen", async () => {
    const ctx = await phoneContext(browser, { lang });
    const page = await ctx.newPage();
    // A step that hangs fails on its own line rather than at the test's timeout.
    page.setDefaultTimeout(20_000);
    const errors = collectPageErrors(page);
    await signInAdmin(page);

    // The staff menu leads there.
    expect(await page.locator(`a[href="/staff/agencies"]`).count()).toBeGreaterThanOrEqual(1);
    await page.goto(server.url + "/staff/agencies");
    await expect(page.locator("main h1").textContent()).resolves.toBe(
      lang === "vi" ? "Các cơ quan trong tỉnh" : "Agencies in the province",
    );
    expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    // A reserved code and a target under 50: both named in the summary, in the page's language.
    await page.goto(server.url + "/staff/agencies/new");
    await page.getByLabel(lang === "vi" ? "Mã" : "Code", { exact: true }).fill("staff");
    await page.getByLabel(lang === "vi" ? "Tên tiếng Việt" : "Name in Vietnamese").fill("Sở Y tế");
    await page.getByLabel(lang === "vi" ? "Tên tiếng Anh" : "Name in English").fill("Department of Health");
    await page.locator("select[name=parentId]").selectOption({ index: 1 });
    await page.locator("input[name=target]").fill("49");
    await page.getByRole("button", { name: lang === "vi" ? "Lưu" : "Save", exact: true }).click();
    await page.waitForLoadState("load");
    const summary = (await page.locator(".error-summary").textContent()) ?? "";
    expect(summary).toContain(
      lang === "vi"
        ? "Mã này trùng với một địa chỉ của cổng thông tin"
        : "This code is one of the portal's own addresses",
    );
    expect(summary).toContain(
      lang === "vi" ? "Chỉ tiêu phải từ 50 đến 100 phần trăm." : "The target must be between 50 and 100 percent.",
    );
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    // Fixed, it is saved and listed.
    const code = `so-y-te-${lang}`;
    await page.locator("input[name=code]").fill(code);
    await page.locator("input[name=target]").fill(lang === "vi" ? "92,5" : "92.5");
    await page.getByRole("button", { name: lang === "vi" ? "Lưu" : "Save", exact: true }).click();
    await page.waitForURL(/\/staff\/agencies$/);
    await page.goto(server.url + ((await page.getByRole("link", { name: code }).getAttribute("href")) ?? ""));
    expect(await page.locator("input[name=code]").count()).toBe(0);
    expect(await page.locator("input[name=target]").inputValue()).toBe(lang === "vi" ? "92,5" : "92.5");
    await expect(page.locator("main").textContent()).resolves.toContain(code);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    // The one refused save answered 400 on purpose; the browser notes it, nothing else went wrong.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await ctx.close();
  });
});
