// The report in the format of Nghị định 30/2020/NĐ-CP printed by a real browser, its DOCX, and
// the public results page (/ket-qua) at 320 px in both languages.
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { pdfPages } from "../support/pdf-text";
import { startServer, type RunningServer } from "../support/server";
import { docxText, unzip } from "../support/unzip";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function officeContext(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "vi-VN",
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  await page.goto(server.url + "/staff/login");
  await page.getByLabel("Địa chỉ email").fill("vanphong@demo.hailong.vn");
  await page.getByLabel("Mật khẩu").fill("demo-Office-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(server.url + "/staff");
  return { ctx, page };
}

// The demo answers cover the last year: Q3/2026 (15/06–14/09/2026) has figures. The Office sends
// it; Q2/2026 stays unsent.
const SENT = "2026-Q3";
const UNSENT = "2026-Q2";
const squash = (s: string) => s.replace(/\s+/g, "");

describe("the report document", () => {
  it("prints on A4 with the Quốc hiệu and the agency on page 1 and no staff menu, and downloads as DOCX with the same figures", async () => {
    const { ctx, page } = await officeContext();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/staff/reports/${SENT}`);
    await page.getByRole("button", { name: "Chốt số liệu (đánh dấu đã gửi báo cáo)" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Đã chốt số liệu kỳ báo cáo.");

    await page.goto(`${server.url}/staff/reports/${SENT}/document`);
    const nav = (await page.locator(".staff-nav a").allTextContents()).map((x) => x.trim());
    const bar = (await page.locator(".staff-bar__name").textContent())!.trim();
    expect(nav.length).toBeGreaterThan(3);
    expect(await axeViolations(page)).toEqual([]);
    const satisfaction = (await page
      .locator(".report-doc__section")
      .first()
      .locator("p")
      .first()
      .textContent())!.replace(/\u00a0/g, " ");
    expect(satisfaction).toMatch(
      /^Tỷ lệ người dân, doanh nghiệp hài lòng với sự phục vụ của Sở: \d+,\d % \([\d.]+\/[\d.]+ ý kiến hợp lệ; khoảng tin cậy 95 %: /,
    );
    await expect(page.locator(".report-doc__coverage").textContent()).resolves.toMatch(
      /Số liệu đã chốt lúc \d\d:\d\d ngày/,
    );

    // Printed: the staff bar, menu and sign-out box are not laid out at all.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".staff-bar").isVisible()).toBe(false);
    expect(await page.locator(".report-doc-tools").isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdfPages(pdf).map(squash);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const first = pages[0];
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "UBND TỈNH TIỀN GIANG",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH TIỀN GIANG",
      "Số: …/BC-SKHCN",
      "BÁO CÁO",
    ]) {
      expect(first, s).toContain(squash(s));
    }
    // Nothing of the staff bar: sign-out, the person's name and role, the menu (a label that is
    // also a word of the document itself, such as the unit "Văn phòng Sở", cannot tell).
    const docText = squash((await page.locator(".report-doc").textContent())!);
    const chrome = ["Đăng xuất", "Đăng xuất trên mọi thiết bị", bar, ...nav].filter(
      (s) => !docText.includes(squash(s)),
    );
    expect(chrome.length).toBeGreaterThan(4);
    for (const s of chrome) expect(first, s).not.toContain(squash(s));
    // The headline sentence is printed whole, its percentage unbroken.
    expect(pages.join("")).toContain(squash(satisfaction));
    // Page numbers from page 2, at the top: page 2 begins with "2", page 1 with the agency.
    expect(pages[1]).toMatch(/^2(?!\d)/);
    expect(first).toMatch(/^UBNDTỈNHTIỀNGIANG/);
    // A4 in points (210 × 297 mm).
    const box = /\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString("latin1"))!;
    expect(Math.abs(Number(box[1]) - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(Number(box[2]) - 841.89)).toBeLessThan(1.5);

    // The DOCX holds the same sentence.
    await page.emulateMedia({ media: "screen" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải văn bản (DOCX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${SENT}.docx`);
    const files = unzip(fs.readFileSync((await download.path())!));
    const text = docxText(files.get("word/document.xml")!.toString("utf8"));
    expect(text.split("\n")).toContain(satisfaction);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe("/ket-qua", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`shows the sent period only, without JavaScript, fits 320 px and passes axe, in ${lang}`, async () => {
      const ctx = await phoneContext(browser, { lang, viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      await page.goto(server.url + "/");
      await page.getByRole("link", { name: lang === "vi" ? "Kết quả đánh giá" : "Results" }).click();
      await page.waitForURL(server.url + "/ket-qua");
      await expect(page.locator("h1").textContent()).resolves.toBe(
        lang === "vi" ? "Kết quả đánh giá sự hài lòng" : "Satisfaction results",
      );
      expect(await page.locator("script[src]").count()).toBe(0);
      // The sent period is there with its rate, n and interval; the unsent one is not.
      const sent = page.locator(`section[aria-labelledby="period-${SENT}"]`);
      await expect(sent.locator("h2").textContent()).resolves.toBe(lang === "vi" ? "Quý III năm 2026" : "Q3 2026");
      await expect(sent.locator("dd").first().textContent()).resolves.toMatch(
        lang === "vi" ? /^\d+,\d\s% — [\d.]+\/[\d.]+ ý kiến hợp lệ$/ : /^\d+\.\d% — [\d,]+\/[\d,]+ valid answers$/,
      );
      expect(await page.locator(`#period-${UNSENT}`).count()).toBe(0);
      expect(await page.locator("table tbody tr").count()).toBe(await page.locator("section.results-period").count());
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }
});
