// The privacy notice and the request page in a real browser on a 360 px phone with JavaScript
// OFF, in both languages: axe finds nothing, the pages fit, the look-up shows the person's data
// and a correction request is received; and the server's log never shows the phone or email.
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

/** axe is a script: the no-JavaScript page's own HTML is checked in a twin page with scripts on. */
async function axeOf(page: Page, lang: "vi" | "en"): Promise<string[]> {
  const html = await page.content();
  const ctx = await phoneContext(browser, { lang });
  const twin = await ctx.newPage();
  await twin.goto(server.url + "/healthz");
  await twin.setContent(html, { waitUntil: "load" });
  const violations = await axeViolations(twin);
  await ctx.close();
  return violations;
}

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

const TEXT = {
  vi: {
    notice: "Chính sách dữ liệu cá nhân",
    request: "Xem, sửa hoặc xóa dữ liệu của bạn",
    submit: "Xem dữ liệu của tôi",
    code: /^Mã đăng ký hoặc mã phản ánh/,
    contact: /^Số điện thoại hoặc email/,
    error: "Nhập mã đăng ký hoặc mã phản ánh",
    contactLabels: ["Đơn vị", "Địa chỉ", "Điện thoại", "Email"],
  },
  en: {
    notice: "Personal data policy",
    request: "See, correct or delete your data",
    submit: "Show my data",
    code: /^Registration or feedback code/,
    contact: /^Phone or email/,
    error: "Enter your registration or feedback code",
    contactLabels: ["Unit", "Address", "Phone", "Email"],
  },
} as const;

describe.each(["vi", "en"] as const)("privacy pages in %s", (lang) => {
  it("the notice and the request form pass axe, fit the phone and explain a bad look-up", async () => {
    const ctx = await phoneContext(browser, { lang, javaScriptEnabled: false });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url + "/");
    await page.getByRole("link", { name: TEXT[lang].notice }).click();
    await page.waitForURL(server.url + "/privacy");
    await expect(page.locator("h1").textContent()).resolves.toBe(TEXT[lang].notice);
    await expect(page.locator("main").textContent()).resolves.toContain("72");
    // The notice names who to contact (the demo's settings), in the page's language.
    const contact = page.getByTestId("privacy-contact");
    expect(await contact.locator("dt").allTextContents()).toEqual(TEXT[lang].contactLabels);
    expect(await contact.locator("dd").allTextContents()).toEqual([
      "Văn phòng Sở Khoa học và Công nghệ tỉnh Tiền Giang",
      "Số 8 đường 30/4, phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang",
      "0273 3 800 000",
      "vanphong@demo.hailong.vn",
    ]);
    expect(await page.locator("script").count()).toBe(0);
    expect(await axeOf(page, lang)).toEqual([]);
    await fitsPhone(page);

    await page.locator('main a[href="/privacy/request"]').click();
    await page.waitForURL(server.url + "/privacy/request");
    await expect(page.locator("h1").textContent()).resolves.toBe(TEXT[lang].request);
    expect(await axeOf(page, lang)).toEqual([]);
    await fitsPhone(page);

    await page.getByLabel(TEXT[lang].contact).fill("0912 345 678");
    await page.getByRole("button", { name: TEXT[lang].submit }).click();
    await page.waitForLoadState("load");
    await expect(page.locator(".error-summary").textContent()).resolves.toContain(TEXT[lang].error);
    expect(await page.getByLabel(TEXT[lang].contact).inputValue()).toBe("0912 345 678");
    expect(await axeOf(page, lang)).toEqual([]);
    await fitsPhone(page);
    // The only console line is the browser noting the 400 answer to the bad look-up.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await ctx.close();
  });
});

describe("a person's own data", () => {
  it("is found by code and phone, shown, and a correction is received; the log shows neither phone nor email", async () => {
    const ctx = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
    const page = await ctx.newPage();
    const phone = "0900 000 888";
    const email = "thu.trinh.duyet@example.vn";
    await page.goto(server.url + "/feedback");
    await page.getByLabel("Phản ánh", { exact: true }).check();
    await page.getByLabel(/^Họ và tên/).fill("Lê Thị Quyền Riêng");
    await page.getByLabel(/^Địa chỉ liên hệ/).fill("Số 9 đường Thử Nghiệm, Mỹ Tho");
    await page.getByLabel(/^Số điện thoại/).fill(phone);
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Tiêu đề/).fill("Thử quyền dữ liệu");
    await page.getByLabel(/^Nội dung/).fill("Tôi muốn xem dữ liệu cá nhân mà Sở đang lưu về phản ánh của tôi.");
    await page.getByLabel(/Tôi đã đọc thông báo trên/).check();
    await page.getByRole("button", { name: "Gửi phản ánh, kiến nghị" }).click();
    await page.waitForURL(/\/feedback\/sent\?code=/);
    const code = (await page.getByTestId("feedback-code").textContent())!.trim();

    await page.goto(server.url + "/privacy/request");
    await page.getByLabel(TEXT.vi.code).fill(code);
    await page.getByLabel(TEXT.vi.contact).fill(email);
    await page.getByRole("button", { name: TEXT.vi.submit }).click();
    await page.waitForLoadState("load");
    await expect(page.locator("h1").textContent()).resolves.toBe(`Phản ánh, kiến nghị ${code.slice(0, 18)}`);
    await expect(page.locator(".privacy-data").textContent()).resolves.toContain("Lê Thị Quyền Riêng");
    expect(await axeOf(page, "vi")).toEqual([]);
    await fitsPhone(page);

    await page.getByLabel(/^Họ và tên/).fill("Lê Thị Quyền");
    await page.getByRole("button", { name: "Gửi yêu cầu sửa" }).click();
    await page.waitForLoadState("load");
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain("Đã nhận yêu cầu sửa");
    expect(await axeOf(page, "vi")).toEqual([]);
    await ctx.close();

    const log = server.logs.join("");
    expect(log).toContain("[req] POST /privacy/request");
    for (const secret of ["0900 000 888", "0900000888", "thu.trinh.duyet", "Quyền Riêng"])
      expect(log).not.toContain(secret);
  });
});

describe("the staff privacy pages", () => {
  it("list the open request with its deadline, show it (logged), and pass axe; the retention dry run too", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    await page.goto(server.url + "/staff/login?to=%2Fstaff%2Fprivacy");
    await page.getByLabel(/^Địa chỉ email$/).fill("admin@demo.hailong.vn");
    await page.getByLabel(/^Mật khẩu$/).fill("demo-Admin-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(server.url + "/staff/privacy");
    const row = page.locator("tbody tr").first();
    await expect(row.textContent()).resolves.toContain("Còn hạn");
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole("link").click();
    await page.waitForURL(/\/staff\/privacy\/\d+$/);
    // The staff pages navigate client-side: the address changes a moment before the new page
    // renders (CI once read the list page's text here), so wait for the request's own content.
    await page.locator("main", { hasText: "Lê Thị Quyền" }).waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(server.url + "/staff/privacy/retention");
    await expect(page.locator("h1").textContent()).resolves.toBe("Thời hạn lưu dữ liệu cá nhân");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(server.url + "/staff/audit?action=pii.");
    await expect(page.locator("tbody").textContent()).resolves.toContain("pii.view");
    await ctx.close();
  });
});
