// The staff area in a real browser on a 360 px phone, against the production server with its
// demo accounts: sign in, see what the role may use, sign out; the sign-in page's messages in
// both languages; the lock after five failures; the security headers; axe.
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

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel(/^(Địa chỉ email|Email address)$/).fill(email);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.waitForLoadState("domcontentloaded");
}

describe("staff security headers", () => {
  it("carry a per-response script nonce, forbid framing and sniffing, and HSTS in production", async () => {
    const [a, b] = await Promise.all([fetch(server.url + "/staff/login"), fetch(server.url + "/staff/login")]);
    const csp = a.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(b.headers.get("Content-Security-Policy")).not.toBe(csp);
    expect(a.headers.get("X-Frame-Options")).toBe("DENY");
    expect(a.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(a.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
    // The staff overview without a session sends people to sign in, with the way back.
    const staff = await fetch(server.url + "/staff/users", { redirect: "manual" });
    expect(staff.status).toBe(302);
    expect(staff.headers.get("Location")).toBe("/staff/login?to=%2Fstaff%2Fusers");
    expect(staff.headers.get("Content-Security-Policy")).toBeTruthy();
  });
});

describe("staff sign-in page", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`has no WCAG 2.1 A/AA violations in ${lang}, sends no JavaScript and fits 360 px`, async () => {
      const ctx = await phoneContext(browser, { lang });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      await page.goto(server.url + "/staff/login");
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.title()).toMatch(lang === "vi" ? /Đăng nhập cán bộ/ : /Staff sign-in/);
      expect(await page.locator("script").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }

  it("says a wrong password is wrong in Vietnamese, and in English after switching language", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    await page.goto(server.url + "/staff/login");
    await signInWith(page, "donvi@demo.hailong.vn", "not-the-password");
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Email hoặc mật khẩu không đúng.");
    // What was typed stays, except the password.
    expect(await page.getByLabel("Địa chỉ email").inputValue()).toBe("donvi@demo.hailong.vn");
    expect(await page.getByLabel("Mật khẩu").inputValue()).toBe("");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Switch to English" }).click();
    await page.waitForURL(/\/staff\/login/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await signInWith(page, "someone-else@demo.hailong.vn", "not-the-password");
    await expect(page.locator(".error-summary").textContent()).resolves.toContain(
      "The email or password is incorrect.",
    );
    await ctx.close();
  });
});

describe("the staff area for a role", () => {
  it("the office signs in, sees the pages of its role and not the admin's, and signs out", async () => {
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url + "/staff");
    await page.waitForURL(/\/staff\/login\?to=%2Fstaff$/);
    await signInWith(page, "vanphong@demo.hailong.vn", "demo-Office-2026");
    await page.waitForURL(server.url + "/staff");
    const nav = page.getByRole("navigation", { name: "Điều hướng khu vực cán bộ" });
    // allTextContents() does not wait: the address changes a moment before the new page renders.
    await nav.waitFor();
    const items = (await nav.getByRole("link").allTextContents()).map((s) => s.trim());
    expect(items).toEqual([
      "Tổng quan",
      "Báo cáo",
      // The province's league table: every agency's aggregate figures, no personal data.
      "Xếp hạng cấp tỉnh",
      "Ý kiến bằng lời",
      "Khảo sát",
      "Nhập phiếu giấy",
      "Số hồ sơ đã phục vụ",
      "Hồ sơ trễ hẹn",
      "Phản ánh, kiến nghị",
      "Đối thoại",
      "Yêu cầu về dữ liệu cá nhân",
      "Thủ tục hành chính",
      "Đổi mật khẩu",
    ]);
    for (const adminOnly of ["Tài khoản", "Nhật ký thao tác", "Cài đặt", "Đơn vị", "Lịch nghỉ lễ"])
      expect(items).not.toContain(adminOnly);
    await expect(page.locator("h1").textContent()).resolves.toBe("Mức độ hài lòng");
    await expect(page.locator(".staff-bar").textContent()).resolves.toContain("Văn phòng Sở");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);

    // An admin page by its address: refused, in Vietnamese (the browser logs the 403 itself).
    const refused = await page.goto(server.url + "/staff/users");
    expect(refused?.status()).toBe(403);
    await expect(page.locator("h1").textContent()).resolves.toBe("Bạn không có quyền xem trang này");
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 403 (Forbidden)"]);
    errors.length = 0;

    await page.goto(server.url + "/staff/procedures");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(server.url + "/staff/login");
    await page.goto(server.url + "/staff");
    await page.waitForURL(/\/staff\/login/);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("has no WCAG 2.1 A/AA violations on the overview in English", async () => {
    const ctx = await phoneContext(browser, { lang: "en" });
    const page = await ctx.newPage();
    await page.goto(server.url + "/staff/login");
    await signInWith(page, "admin@demo.hailong.vn", "demo-Admin-2026");
    await page.waitForURL(server.url + "/staff");
    await page.getByRole("navigation", { name: "Staff area navigation" }).waitFor();
    const items = (
      await page.getByRole("navigation", { name: "Staff area navigation" }).getByRole("link").allTextContents()
    ).map((s) => s.trim());
    expect(items).toEqual(expect.arrayContaining(["Accounts", "Audit log", "Settings", "Units", "Holiday calendar"]));
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });
});

describe("sign-in lock", () => {
  it("refuses the sixth try at once even with the right password, with the wait message", async () => {
    const ctx = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url + "/staff/login");
    for (let i = 1; i <= 5; i++) {
      await signInWith(page, "lanhdao@demo.hailong.vn", `wrong-password-${i}`);
      await expect(page.locator(".error-summary").textContent()).resolves.toContain("Email hoặc mật khẩu không đúng.");
    }
    await signInWith(page, "lanhdao@demo.hailong.vn", "demo-Viewer-2026");
    const summary = await page.locator(".error-summary").textContent();
    expect(summary).toContain("Đăng nhập sai quá nhiều lần");
    // The first wait after five failures is one minute (docs/security/limits.md).
    expect(summary).toMatch(/thử lại sau 1 phút/);
    expect(new URL(page.url()).pathname).toBe("/staff/login");
    expect((await ctx.cookies()).some((c) => c.name === "hl_session")).toBe(false);
    await ctx.close();
  });
});
