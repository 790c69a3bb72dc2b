// The Office's dashboard in a real browser: figures with n and intervals, a chart and its table,
// filters, a report period, and downloads that parse back to the figures on the page.
import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser } from "../support/browser";
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

async function officeContext(lang: "vi" | "en", width = 1280): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width, height: 900 },
    locale: lang === "vi" ? "vi-VN" : "en-GB",
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  await page.goto(server.url + "/staff/login");
  await page.getByLabel(/^(Địa chỉ email|Email address)$/).fill("vanphong@demo.hailong.vn");
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill("demo-Office-2026");
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.waitForURL(server.url + "/staff");
  return { ctx, page };
}

/** "93,5 %" or "93.5%" → 93.5 */
const pctOf = (s: string) => Number(s.replace(/[%\s]/g, "").replace(",", "."));

describe("satisfaction dashboard", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`shows the headline with n and interval, a chart and its table, in ${lang}`, async () => {
      const { ctx, page } = await officeContext(lang);
      const errors = collectPageErrors(page);
      await expect(page.locator("h1").first().textContent()).resolves.toBe(
        lang === "vi" ? "Mức độ hài lòng" : "Satisfaction",
      );
      const headline = page.locator("section.headline");
      await expect(headline.textContent()).resolves.toMatch(
        lang === "vi" ? /Khoảng tin cậy 95 %/ : /95% confidence interval/,
      );
      await expect(headline.locator(".verdict").textContent()).resolves.toMatch(
        /Đạt|Không đạt|Chưa đủ cơ sở kết luận|Met|Below target|Not yet demonstrable/,
      );
      // recharts draws after hydration; the table next to it is there from the server.
      await page.locator("#by-unit .recharts-surface").first().waitFor({ timeout: 15_000 });
      expect(await page.locator("#by-unit table tbody tr").count()).toBeGreaterThan(2);

      // The distribution legend runs in the scale's order, not alphabetically.
      await expect(page.locator("#distribution .chart-legend li").allTextContents()).resolves.toEqual(
        lang === "vi"
          ? ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"]
          : ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
      );

      // The trend's rate axis: from the lowest figure in its table (rate or interval, and the 90 %
      // target) less 2 points, down to a multiple of 10, up to 100 %, a tick every 10 points,
      // each written out whole ("100 %", never the clipped "00%").
      await page.locator("#trend .recharts-surface").first().waitFor({ timeout: 15_000 });
      const tableText = (await page.locator("#trend table tbody").textContent())!;
      const figures = [...tableText.matchAll(/(\d+(?:[.,]\d+)?) ?%/g)].map((m) => pctOf(m[1]));
      const lower = Math.max(0, Math.floor((Math.min(90, ...figures) - 2) / 10) * 10);
      const expected: string[] = [];
      for (let p = lower; p <= 100; p += 10) expected.push(lang === "vi" ? `${p}\u00a0%` : `${p}%`);
      // recharts 3 draws tick text in its own layer, not inside the axis group: the rate ticks are
      // the tick values ending in %. It draws them once its box is measured: wait for them.
      const ticks = page.locator("#trend .recharts-cartesian-axis-tick-value");
      const rateTicks = async () => (await ticks.allTextContents()).filter((x) => x.endsWith("%"));
      await expect.poll(rateTicks, { timeout: 10_000 }).toEqual(expected);
      expect(lower).toBeGreaterThan(0);
      // No tick text sticks out of the chart's left edge (what clipped "100%" to "00%").
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll("#trend svg.recharts-surface, #by-unit svg.recharts-surface")].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll(".recharts-cartesian-axis-tick-value, .chart-tick text")]
            .filter((t) => t.getBoundingClientRect().left < box.left - 0.5)
            .map((t) => t.textContent);
        }),
      );
      expect(outside).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }

  it("labels every unit's bar legibly on a 360 px phone, full names in <title> and the table", async () => {
    const { ctx, page } = await officeContext("vi", 360);
    const errors = collectPageErrors(page);
    const svg = page.locator("#by-unit svg.recharts-surface").first();
    await svg.waitFor({ timeout: 15_000 });
    const names = await page.locator("#by-unit table tbody th").allTextContents();
    const ticks = page.locator("#by-unit .chart-tick");
    await expect.poll(() => ticks.count(), { timeout: 10_000 }).toBe(names.length);
    await expect(page.locator("#by-unit .chart-tick title").allTextContents()).resolves.toEqual(names);
    const layout = await page.evaluate(() => {
      const svgEl = document.querySelector("#by-unit svg.recharts-surface")!;
      const box = svgEl.getBoundingClientRect();
      const texts = [...svgEl.querySelectorAll(".chart-tick text")].map((t) => t.getBoundingClientRect());
      const overlaps = texts.filter((a, i) =>
        texts.some((b, j) => j !== i && a.top < b.bottom - 1 && b.top < a.bottom - 1),
      );
      return {
        outside: texts
          .filter((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
          .map((r) => `${r.left}–${r.right} in ${box.left}–${box.right}`),
        overlaps: overlaps.length,
        lines: [...svgEl.querySelectorAll(".chart-tick tspan")].map((t) => t.textContent ?? ""),
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    expect(layout.outside).toEqual([]);
    expect(layout.overlaps).toBe(0);
    for (const l of layout.lines) expect(l.length).toBeLessThanOrEqual(13);
    expect(layout.pageWidth).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("filters by unit, opens a report period and downloads figures that match the page", async () => {
    const { ctx, page } = await officeContext("vi");
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Phòng Quản lý Công nghệ và Chuyên ngành" });
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/unit=\d+/);
    const rows = page.locator("#by-unit table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await expect(rows.first().locator("th").textContent()).resolves.toBe("Phòng Quản lý Công nghệ và Chuyên ngành");

    await page.goto(server.url + "/staff/reports");
    await page.getByRole("link", { name: "Mở báo cáo" }).first().click();
    await page.waitForURL(/\/staff\/reports\/\d{4}-Q1/);
    // TT 01 (docs/rules/tt01.md): nine indicators; the demo has no Office entries for 2, 5, 6, 9,
    // so a partial total and no grade.
    const tt01 = page.locator("section#r-tt01, section[aria-labelledby=r-tt01]");
    // The report opens by client-side navigation: wait for its rows, not just the URL.
    await expect.poll(() => tt01.locator("table").first().locator("tbody tr").count(), { timeout: 10_000 }).toBe(9);
    await expect(tt01.locator(".tt01-total").textContent()).resolves.toMatch(
      /Còn thiếu chỉ số 2, 5, 6, 9: chưa xếp loại/,
    );
    expect(await axeViolations(page)).toEqual([]);
    const rateText = (await page.locator("section.headline .headline__rate").textContent())!;
    const body = (await page.locator("section.headline").textContent())!;
    const n = Number(/\/(\d[\d.]*) ý kiến hợp lệ/.exec(body)![1].replace(/\./g, ""));

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Số liệu (CSV)" }).click(),
    ]);
    const csv = fs.readFileSync((await csvDownload.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const headlineRow = csv.split("\r\n")[1].split(",");
    expect(Number(headlineRow[1])).toBeCloseTo(pctOf(rateText), 5);
    expect(Number(headlineRow[2])).toBe(n);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Số liệu (Excel)" }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsxDownload.path())!);
    // Sheet and column names in the reader's language, not "headline", "by_unit", "low (%)".
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Chỉ số chung",
      "Theo quý",
      "Theo đơn vị",
      "Theo tiêu chí",
      "Phân bố câu trả lời",
      "Theo kênh",
      "Số phiếu",
    ]);
    const sheet = wb.getWorksheet("Chỉ số chung")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Tỷ lệ hài lòng chung",
      "Tỷ lệ hài lòng (%)",
      "n",
      "Khoảng tin cậy 95 %: cận dưới (%)",
      "Khoảng tin cậy 95 %: cận trên (%)",
      "Đánh giá",
    ]);
    expect(Number(sheet.getRow(2).getCell(2).value)).toBeCloseTo(pctOf(rateText), 5);
    expect(Number(sheet.getRow(2).getCell(3).value)).toBe(n);
    const units = wb.getWorksheet("Theo đơn vị")!;
    expect(units.rowCount).toBeGreaterThan(2);

    // The report says what it covers: its NĐ 09 window, and actual figures for the whole window
    // or up to the reading date with the rest marked "ước thực hiện".
    const coverage = (await page.locator("section.report-coverage").textContent())!;
    expect(coverage).toMatch(/^Kỳ báo cáo: từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}/);
    expect(coverage).toMatch(
      /Số liệu thực hiện cả kỳ\.|Số liệu thực hiện tính đến \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}.*ước thực hiện/,
    );
    await expect(page.locator("section.report-sending").textContent()).resolves.toContain("Chưa chốt số liệu");
    expect(await axeViolations(page)).toEqual([]);

    const [raw] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Phiếu trả lời ẩn danh (CSV)" }).click(),
    ]);
    const rawText = fs.readFileSync((await raw.path())!, "utf8");
    expect(rawText.charCodeAt(0)).toBe(0xfeff);
    // trim() also drops the byte-order mark.
    const rawLines = rawText.trim().split("\r\n");
    expect(rawLines[0]).toMatch(/^Mã phiếu,Thời điểm gửi \(giờ Việt Nam\),Phiên bản phiếu,Mã đơn vị,Mã thủ tục,Kênh,/);
    expect(rawLines.length).toBeGreaterThan(n / 2);

    // The Office sends the report: the figures are frozen and stay the same on the page.
    await page.getByRole("button", { name: "Chốt số liệu (đánh dấu đã gửi báo cáo)" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Đã chốt số liệu kỳ báo cáo.");
    // The action's message can show before the page's figures are read again: wait for them.
    await expect
      .poll(() => page.locator("section.report-sending").textContent(), { timeout: 15_000 })
      .toMatch(/Đã chốt số liệu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    await expect(page.locator("section.headline .headline__rate").textContent()).resolves.toBe(rateText);
    await ctx.close();
  });

  it("records a late dossier and shows it in the register, in Vietnamese", async () => {
    const { ctx, page } = await officeContext("vi");
    const errors = collectPageErrors(page);
    await page.goto(server.url + "/staff/late-dossiers");
    await page.getByLabel("Mã hồ sơ").fill("E2E-HS-001");
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Phòng Quản lý Công nghệ và Chuyên ngành" });
    await page.getByLabel("Ngày hẹn trả kết quả").fill("2026-10-01");
    await page.getByLabel("Ngày trả kết quả thực tế (để trống nếu chưa trả)").fill("2026-10-03");
    await page
      .getByRole("group", { name: "Đã gửi phiếu xin lỗi và hẹn lại ngày trả kết quả?" })
      .getByLabel("Có")
      .check();
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/saved=1/);
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/Đã lưu 1 hồ sơ/);
    await expect(page.locator("table tbody tr").first().locator("td").first().textContent()).resolves.toBe(
      "E2E-HS-001",
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("the Office enters indicators 2, 5, 6, 9 and the report then gives the sum of nine and its grade", async () => {
    const { ctx, page } = await officeContext("vi");
    const errors = collectPageErrors(page);
    await page.goto(server.url + "/staff/reports");
    await page.getByRole("link", { name: "Mở báo cáo" }).first().click();
    await page.waitForURL(/\/staff\/reports\/\d{4}-Q1/);
    await page.getByRole("link", { name: "Nhập chỉ số 2, 5, 6, 9 cho kỳ này" }).click();
    await page.waitForURL(/\/staff\/tt01\/\d{4}-Q1/);
    expect(await axeViolations(page)).toEqual([]);
    const entered: Record<number, string> = { 2: "1,8", 5: "2", 6: "1,5", 9: "1,2" };
    for (const [no, v] of Object.entries(entered)) await page.getByLabel(new RegExp(`^Điểm chỉ số ${no}:`)).fill(v);
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/saved=1/);
    await page.getByRole("link", { name: "Quay lại báo cáo" }).click();
    await page.waitForURL(/\/staff\/reports\/\d{4}-Q1$/);
    const rows = page.locator("section[aria-labelledby=r-tt01] table").first().locator("tbody tr");
    await rows.first().waitFor();
    const scores = (await rows.locator("td:nth-child(3)").allTextContents()).map((x) => Number(x.replace(",", ".")));
    expect(scores).toHaveLength(9);
    expect([scores[1], scores[4], scores[5], scores[8]]).toEqual([1.8, 2, 1.5, 1.2]);
    // TT 01 Art. 15: the plain sum of the nine, and its band.
    const total = Math.round(scores.reduce((a, b) => a + b, 0) * 10) / 10;
    const band =
      total >= 15 ? "Xuất sắc" : total >= 12 ? "Tốt" : total >= 9 ? "Khá" : total >= 6 ? "Trung bình" : "Yếu";
    const line = (await page.locator(".tt01-total").textContent())!;
    expect(line).toBe(`Tổng điểm: ${total.toFixed(1).replace(".", ",")}/18 — xếp loại ${band}.`);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
