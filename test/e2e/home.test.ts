// The public home page in a real browser at a 360 px phone viewport, in both languages.
import type { Browser } from "playwright-core";
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

describe("home page", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`has no WCAG 2.1 A/AA violations in ${lang} and fits a 360 px screen`, async () => {
      const ctx = await phoneContext(browser, { lang });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      await page.goto(server.url + "/");
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await expect(page.title()).resolves.toMatch(lang === "vi" ? /ý kiến của bạn/ : /your opinion/);
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }

  it("switches language without JavaScript and remembers it", async () => {
    const ctx = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url + "/");
    await expect(page.locator("h1").textContent()).resolves.toBe("Chúng tôi lắng nghe người dân và doanh nghiệp");
    await page.getByRole("link", { name: "Switch to English" }).click();
    await page.waitForURL(server.url + "/");
    await expect(page.locator("h1").textContent()).resolves.toBe("We listen to citizens and businesses");
    await page.reload();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("script").count()).toBe(0);
    await ctx.close();
  });

  it("can be used with the keyboard: the first Tab reaches the skip link", async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(server.url + "/");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Bỏ qua, đến nội dung chính");
    await ctx.close();
  });
});
