// The counter tablet: a staff-issued kiosk link, a fresh empty form after each person and after
// 60 s without input, and a back button that never shows the previous person's answers.
import type { Browser, Page } from "playwright-core";
import { FORM_B } from "~/features/survey/forms";
import { signWith } from "~/kernel/sign.server";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

const SECRET = "kiosk-test-secret-that-is-long-enough-0123456789";
let server: RunningServer;
let browser: Browser;
let kioskUrl: string;

const checkedCount = (page: Page) => page.locator("input[type=radio]:checked").count();
const token = (page: Page) => page.locator('input[name="_f"]').inputValue();

async function answer(page: Page, from: number, to: number, label = "Hài lòng") {
  for (let n = from; n <= to; n++)
    await page
      .getByRole("group", { name: new RegExp(`^Câu ${n}/34 `) })
      .getByRole("radio", { name: label, exact: true })
      .check();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { SESSION_SECRET: SECRET } }), launchBrowser()]);
  // The unit's id as the public form lists it; the link is signed the way staff's links page signs it.
  const html = await (await fetch(`${server.url}/s/${FORM_B.slug}`)).text();
  const unit = Number(html.match(/<option value="(\d+)">Phòng Quản lý Công nghệ và Chuyên ngành<\/option>/)![1]);
  kioskUrl = `${server.url}/s/${FORM_B.slug}?c=${signWith(SECRET, "survey-link", { u: unit, k: "Q1", ch: "kiosk" })}`;
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("kiosk mode", () => {
  it("loads only its small idle script, and after 60 s without input shows a fresh empty form", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.clock.install();
    const res = await page.goto(kioskUrl);
    expect(res?.headers()["cache-control"]).toBe("no-store");
    expect(
      await page
        .locator("script")
        .evaluateAll((s) => s.map((x) => (x as HTMLScriptElement).src.replace(location.origin, ""))),
    ).toEqual(["/kiosk.js"]);
    expect(await page.locator("form.survey").getAttribute("autocomplete")).toBe("off");
    await answer(page, 1, 3);
    const first = await token(page);
    expect(await checkedCount(page)).toBe(3);
    // Someone still reading is left alone…
    await page.clock.fastForward(30_000);
    expect(await checkedCount(page)).toBe(3);
    await answer(page, 4, 4);
    // …but a minute after the last touch the next person gets an empty form.
    await page.clock.fastForward(61_000);
    await page.waitForFunction(
      (t) => (document.querySelector('input[name="_f"]') as HTMLInputElement | null)?.value !== t,
      first,
    );
    expect(await checkedCount(page)).toBe(0);
    expect(page.url()).toBe(kioskUrl);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("after each person: thanks, then a fresh form by itself; back never shows the previous answers; nothing personal kept", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.clock.install();
    await page.goto(kioskUrl);
    const previous = await token(page);
    await answer(page, 1, 25, "Rất không hài lòng");
    await page.getByLabel(/Ý kiến khác/).fill("Thông tin riêng của người trước");
    await page.getByRole("button", { name: "Gửi phiếu" }).click();
    await page.waitForURL(/\/thanks\?/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Cảm ơn ông/bà");
    expect(await page.getByRole("link", { name: "Gửi phản ánh, kiến nghị" }).getAttribute("href")).toMatch(
      /^\/feedback\?unit=\d+$/,
    );
    // It goes back to an empty form by itself.
    await page.clock.fastForward(9_000);
    await page.waitForURL(kioskUrl);
    expect(await checkedCount(page)).toBe(0);

    // The next person presses back: the page where the previous person typed comes back empty,
    // with a new submission id (the thanks page was replaced, so it is not in the history).
    await page.goBack();
    expect(page.url()).toBe(kioskUrl);
    expect(await token(page)).not.toBe(previous);
    expect(await checkedCount(page)).toBe(0);
    expect(await page.getByLabel(/Ý kiến khác/).inputValue()).toBe("");
    expect(await page.content()).not.toContain("Thông tin riêng của người trước");
    // Only the abuse-limit device id and the language choice are kept; no storage is used.
    expect((await ctx.cookies()).map((c) => c.name).filter((n) => n !== "hl_dev" && n !== "lng")).toEqual([]);
    await page.goto(kioskUrl);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  for (const lang of ["vi", "en"] as const) {
    it(`has no WCAG 2.1 A/AA violations on the kiosk form and its thanks page in ${lang}`, async () => {
      const ctx = await phoneContext(browser, { lang });
      const page = await ctx.newPage();
      await page.goto(kioskUrl);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await axeViolations(page)).toEqual([]);
      for (let n = 1; n <= 25; n++) {
        const q = lang === "vi" ? new RegExp(`^Câu ${n}/34 `) : new RegExp(`^Question ${n} of 34 `);
        await page
          .getByRole("group", { name: q })
          .getByRole("radio", { name: lang === "vi" ? "Hài lòng" : "Satisfied", exact: true })
          .check();
      }
      await page.getByRole("button", { name: lang === "vi" ? "Gửi phiếu" : "Send my answers" }).click();
      await page.waitForURL(/\/thanks\?/);
      expect(await axeViolations(page)).toEqual([]);
      await ctx.close();
    });
  }
});
