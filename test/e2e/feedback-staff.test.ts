// The Office takes a citizen's feedback through to a published answer in a real browser, signing
// in through /staff/login with the demo office account; the public register then shows the answer
// and none of the sender's details.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { ROOT, startServer, type RunningServer } from "../support/server";

// The sign-in page comes from the staff-core work; without it there is no way to sign in from a
// browser against the embedded database.
const LOGIN_ROUTE =
  fs.existsSync(path.join(ROOT, "app/routes/staff_.login.tsx")) ||
  fs.existsSync(path.join(ROOT, "app/routes/staff.login.tsx"));

let server: RunningServer;
let browser: Browser;

const SENDER = { name: "Phan Thị Kiểm Thử", address: "Số 42 đường Kiểm Thử, phường Mẫu", phone: "0900 000 888" };

async function submitAsCitizen(): Promise<string> {
  const ctx = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + "/feedback");
  await page.getByLabel("Kiến nghị", { exact: true }).check();
  await page.getByLabel(/^Họ và tên/).fill(SENDER.name);
  await page.getByLabel(/^Địa chỉ liên hệ/).fill(SENDER.address);
  await page.getByLabel(/^Số điện thoại/).fill(SENDER.phone);
  await page.getByLabel(/^Tiêu đề/).fill("Niêm yết thời gian trả kết quả tại quầy");
  await page
    .getByLabel(/^Nội dung/)
    .fill(`Đề nghị niêm yết thời gian trả kết quả từng thủ tục tại quầy. Liên hệ ${SENDER.phone}.`);
  await page.getByLabel(/Tôi đã đọc thông báo trên/).check();
  await page.getByRole("button", { name: "Gửi phản ánh, kiến nghị" }).click();
  await page.waitForURL(/\/feedback\/sent\?code=/);
  // Staff see the short code (the full one with its key is the sender's: docs/security/citizen-codes.md).
  const code = (await page.getByTestId("feedback-short-code").textContent())!.trim();
  await ctx.close();
  return code;
}

/** Opens one action's panel, lets `fill` complete it, submits, and waits for the saved notice. */
async function act(
  page: Page,
  summary: string,
  intent: string,
  fill: (box: Locator) => Promise<void> = async () => {},
) {
  const box = page.locator("details").filter({ has: page.locator("summary", { hasText: summary }) });
  if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator("summary").click();
  await fill(box);
  // Every step adds a row to the case's history. The page navigates client-side and its address
  // changes a moment before the new page renders (CI once read the previous render here), so
  // the step counts as done once its row is on the page.
  const history = page.getByRole("region", { name: "Nhật ký xử lý" }).locator("tbody tr");
  const before = await history.count();
  await box.locator("button[type=submit]").click();
  await page.waitForURL(new RegExp(`done=${intent}`));
  await expect.poll(() => history.count(), { timeout: 10_000 }).toBeGreaterThan(before);
}

describe.skipIf(!LOGIN_ROUTE)(
  "staff feedback workflow in a browser (needs /staff/login from the staff-core work)",
  () => {
    beforeAll(async () => {
      [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.dispose();
    });

    it("takes a feedback from receipt to a published answer; the public page shows no name, phone or address", async () => {
      const code = await submitAsCitizen();

      const ctx = await phoneContext(browser, {
        lang: "vi",
        viewport: { width: 1024, height: 900 },
        isMobile: false,
        hasTouch: false,
      });
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      const errors = collectPageErrors(page);
      await page.goto(server.url + "/staff/login?to=%2Fstaff%2Ffeedback");
      await page.locator("input[name=email]").fill("vanphong@demo.hailong.vn");
      await page.locator("input[name=password]").fill("demo-Office-2026");
      await page.locator("form button[type=submit]").click();
      await page.waitForURL(/\/staff\/feedback/);

      // The list, most urgent first, links to the new case.
      await page.getByRole("heading", { level: 1, name: "Phản ánh, kiến nghị" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: code }).click();
      await page.waitForURL(/\/staff\/feedback\/\d+$/);
      await page.getByRole("heading", { level: 1, name: new RegExp(code.replaceAll(".", "\\.")) }).waitFor();
      await expect(page.locator("main").textContent()).resolves.toContain(SENDER.name);
      expect(await axeViolations(page)).toEqual([]);

      await act(page, "Phân loại", "classify", (box) => box.getByLabel("Thuộc thẩm quyền của Sở").check());
      await act(page, "Giao xử lý", "assign", async (box) => {
        await box.getByLabel(/^Đơn vị xử lý/).selectOption({ label: "Phòng Quản lý Công nghệ và Chuyên ngành" });
        await box
          .getByLabel(/^Người xử lý/)
          .selectOption({ label: "Lê Văn Đơn Vị — Phòng Quản lý Công nghệ và Chuyên ngành" });
      });
      await act(page, "Lưu dự thảo trả lời", "draft", (box) =>
        box
          .getByLabel(/^Nội dung trả lời/)
          .fill(
            "Sở tiếp thu kiến nghị: từ tháng tới, thời gian trả kết quả của từng thủ tục được niêm yết tại quầy một cửa.",
          ),
      );
      await act(page, "Ghi nhận lãnh đạo duyệt", "approve", (box) =>
        box.getByLabel(/^Lãnh đạo đã duyệt/).fill("Ông Nguyễn Văn Duyệt, Phó Giám đốc Sở"),
      );
      await act(page, "Công khai và báo cho người gửi", "publish");
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).toContain("Đã công khai kết quả");
      // No SMTP in the test server: the sender is put on the call list.
      expect(main).toContain("danh sách cần báo tin");
      expect(main).toContain("Ông Nguyễn Văn Duyệt, Phó Giám đốc Sở");
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(server.url + "/staff/feedback?view=notify");
      await expect(page.locator("main").textContent()).resolves.toContain(code);
      expect(errors).toEqual([]);
      await ctx.close();

      // The public register.
      const pub = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
      const p = await pub.newPage();
      p.setDefaultTimeout(15_000);
      await p.goto(server.url + "/feedback/answers");
      const text = (await p.locator("main").textContent()) ?? "";
      expect(text).toContain(code);
      expect(text).toContain("niêm yết tại quầy một cửa");
      expect(text).not.toContain(SENDER.name);
      expect(text).not.toContain("đường Kiểm Thử");
      expect(text).not.toContain(SENDER.phone);
      expect(text).not.toContain("0900000888");
      await pub.close();
    });
  },
);
