// The survey's staff pages in a real browser, signed in as the Office: each renders without a
// console error and with no WCAG 2.1 A/AA violations; a QR poster is made from the links page.
import type { Browser, Page } from "playwright-core";
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

async function signIn(page: Page, lang: "vi" | "en") {
  await page.goto(`${server.url}/staff/login?to=${encodeURIComponent("/staff/surveys")}`);
  await page.getByLabel(lang === "vi" ? "Địa chỉ email" : "Email address").fill("vanphong@demo.hailong.vn");
  await page.getByLabel(lang === "vi" ? "Mật khẩu" : "Password").fill("demo-Office-2026");
  await page.getByRole("button", { name: lang === "vi" ? "Đăng nhập" : "Sign in" }).click();
  await page.waitForURL(`${server.url}/staff/surveys`);
}

/** A year back from today (the demo data's flagged responses are spread over the past year). */
const yearAgo = () => new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);

describe("survey staff pages", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`have no WCAG 2.1 A/AA violations in ${lang}, and the links page makes a printable QR poster`, async () => {
      const ctx = await phoneContext(browser, { lang });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      await signIn(page, lang);
      const checked: string[] = [];
      const check = async () => {
        checked.push(new URL(page.url()).pathname);
        expect(await axeViolations(page), page.url()).toEqual([]);
      };
      await check();
      await page
        .getByRole("link", {
          name:
            lang === "vi"
              ? "Khảo sát sự hài lòng về dịch vụ hành chính công"
              : "Satisfaction survey on public administrative services",
        })
        .click();
      await page.waitForURL(/\/staff\/surveys\/\d+$/);
      await check();
      const id = page.url().split("/").pop();
      for (const path of [
        `/staff/surveys/${id}/preview`,
        "/staff/surveys/new",
        `/staff/surveys/${id}/items/new`,
        "/staff/paper",
        "/staff/coverage",
        "/staff/coverage/import",
        `/staff/surveys/${id}/flags?from=${yearAgo()}`,
      ]) {
        await page.goto(server.url + path);
        await check();
      }
      await page.goto(`${server.url}/staff/surveys/${id}/links`);
      await page.getByLabel(lang === "vi" ? "Đơn vị" : "Unit", { exact: true }).selectOption({ index: 5 });
      await page.getByLabel(lang === "vi" ? "Quầy" : "Counter", { exact: true }).fill("Q1");
      await page.getByRole("button", { name: lang === "vi" ? "Tạo đường dẫn" : "Make the link" }).click();
      await page.getByRole("link", { name: lang === "vi" ? "In áp phích mã QR" : "Print the QR poster" }).waitFor();
      await check();
      const url = await page.locator(".link-box").textContent();
      expect(url).toMatch(new RegExp(`^${server.url}/s/khao-sat-hai-long\\?c=`));
      await page.getByRole("link", { name: lang === "vi" ? "In áp phích mã QR" : "Print the QR poster" }).click();
      await page.waitForURL(/\/poster\?c=/);
      await check();
      expect(await page.locator(".poster__url").textContent()).toBe(url);
      const qr = page.getByRole("img", { name: /QR/ });
      expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      // The printed address opens the counter's form.
      await page.goto(url!);
      await expect(page.locator(".notice").first().textContent()).resolves.toMatch(
        lang === "vi"
          ? /Phòng Quản lý Công nghệ và Chuyên ngành, quầy Q1/
          : /Technology and Specialised Management Division, counter Q1/,
      );
      expect(checked).toHaveLength(11);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }
});
