// The province's list of agencies (/co-quan) and an agency's home (/<code>) in a real browser at
// a 360 px phone viewport, in both languages: axe finds nothing, nothing scrolls sideways, no
// JavaScript is sent, the keyboard reaches an agency from the list, an unknown code is the 404 page.
// The agencies are added through the admin's form, so the test runs on either database.
import type { Browser, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
const CODE = "so-y-te-e2e";

/** Adds an agency through the admin's form, as an installation admin would (the save also clears
 * the server's agency cache); `parent` is part of the parent's name in the list of choices. */
async function addAgency(page: Page, code: string, nameVi: string, nameEn: string, parent: string) {
  await page.goto(server.url + "/staff/agencies/new");
  await page.locator("input[name=code]").fill(code);
  await page.locator("input[name=nameVi]").fill(nameVi);
  await page.locator("input[name=nameEn]").fill(nameEn);
  const value = await page.locator("select[name=parentId] option", { hasText: parent }).first().getAttribute("value");
  await page.locator("select[name=parentId]").selectOption(value!);
  await page.locator("input[name=target]").fill("90");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await page.waitForURL(/\/staff\/agencies(\?.*)?$/);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ postgres: await reachablePostgres() }), launchBrowser()]);
  const ctx = await phoneContext(browser, { lang: "vi" });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(server.url + "/staff/login");
  await page.getByLabel("Địa chỉ email").fill("admin@demo.hailong.vn");
  await page.getByLabel("Mật khẩu").fill("demo-Admin-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/staff$/);
  await addAgency(page, CODE, "Sở Y tế", "Department of Health", "UBND tỉnh");
  await addAgency(page, "xa-e2e", "Trạm Y tế xã Tân Mỹ Chánh", "Tan My Chanh Health Station", "Sở Y tế");
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(["vi", "en"] as const)("province and agency home pages in %s", (lang) => {
  it("have no WCAG 2.1 A/AA violations, fit 360 px and send no JavaScript", async () => {
    const ctx = await phoneContext(browser, { lang });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    const errors = collectPageErrors(page);

    // / links the list once the installation has more than one agency.
    await page.goto(server.url + "/");
    expect(await page.locator('a[href="/co-quan"]').count()).toBe(1);

    await page.goto(server.url + "/co-quan");
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    await expect(page.locator("h1").textContent()).resolves.toBe(
      lang === "vi" ? "Các cơ quan trong tỉnh" : "Agencies of the province",
    );
    expect(await page.locator(`a[href="/${CODE}"]`).textContent()).toBe(
      lang === "vi" ? "Sở Y tế" : "Department of Health",
    );
    expect(await page.locator('a[href="/"]').count()).toBeGreaterThanOrEqual(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);

    await page.goto(server.url + `/${CODE}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(lang === "vi" ? "Sở Y tế" : "Department of Health");
    await expect(page.title()).resolves.toContain(lang === "vi" ? "Sở Y tế" : "Department of Health");
    for (const path of ["/s", "/feedback", "/feedback/status", "/dialogues", "/ket-qua"])
      expect(await page.locator(`main a[href="/${CODE}${path}"]`).count(), path).toBe(1);
    expect(await page.locator('a[href="/xa-e2e"]').count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe("province and agency home pages", () => {
  it("reach an agency from the list with the keyboard alone", async () => {
    const ctx = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url + "/co-quan");
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate((code) => document.activeElement?.getAttribute("href") === `/${code}`, CODE);
    }
    expect(found).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(server.url + `/${CODE}`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Sở Y tế");
    await ctx.close();
  });

  it("answer an unknown code with the portal's 404 page", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    const res = await page.goto(server.url + "/khong-co-co-quan-nay");
    expect(res?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Không tìm thấy trang");
    await ctx.close();
  });
});
