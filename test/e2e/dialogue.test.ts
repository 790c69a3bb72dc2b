// The dialogue's public pages in a real browser at a 360 px phone viewport with JavaScript off:
// sign up, get the code, fetch the calendar file, cancel, look up again; the published minutes
// carry no registrant's phone or email; every page passes axe (WCAG 2.1 A/AA).
import type { Browser, Page } from "playwright-core";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { icsDate, parseIcsStrict } from "../support/ics-check";
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

/** axe and layout checks need JavaScript in the page, which these no-JS pages have switched
 * off: the exact HTML the phone received is replayed at the same address in a page that runs
 * scripts (styles still load from the server), and checked there. */
async function checkPage(page: Page) {
  const html = await page.content();
  expect(html).not.toContain("<script");
  const ctx = await phoneContext(browser, { lang: "vi" });
  const copy = await ctx.newPage();
  await copy.route(page.url(), (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await copy.goto(page.url());
  expect(await axeViolations(copy)).toEqual([]);
  expect(await copy.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await ctx.close();
}

describe("dialogue on a phone without JavaScript", () => {
  it("signs up, shows the code and a valid calendar file, cancels, and finds the registration again by code and phone", async () => {
    const ctx = await phoneContext(browser, { lang: "vi", javaScriptEnabled: false });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url + "/");
    await page.getByRole("link", { name: "Đối thoại với lãnh đạo Sở" }).click();
    await page.waitForURL(server.url + "/dialogues");
    await checkPage(page);
    await page.locator(".cards").first().getByRole("link").first().click();
    await page.waitForURL(/\/dialogues\/\d+$/);
    const sessionUrl = page.url();
    const title = (await page.locator("h1").textContent())!;
    await checkPage(page);

    // Sending the form empty shows every problem, in Vietnamese, and changes nothing.
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Vui lòng nhập họ và tên");
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("số điện thoại hoặc email");
    await checkPage(page);
    // A summary link lands on its field with the question's label still on screen, with no
    // JavaScript: the browser jumps to the control and the CSS keeps room above it.
    const first = page.locator(".error-summary a").first();
    const target = (await first.getAttribute("href"))!;
    await first.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(target);
    const onScreen = (sel: string) =>
      page.locator(sel).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await expect(onScreen(`label[for="${target.slice(1)}"]`)).resolves.toBe(true);
    await expect(onScreen(target)).resolves.toBe(true);

    await page.getByLabel("Họ và tên").fill("Phạm Văn Thử");
    await page.getByLabel("Số điện thoại").fill("0911 222 333");
    await page.getByLabel("Người dân").check();
    await page
      .getByLabel("Câu hỏi gửi trước (không bắt buộc)")
      .fill("Thủ tục gia hạn giấy phép X-quang có làm trực tuyến được không?");
    await page.getByLabel("Tôi từ đủ 18 tuổi trở lên.").check();
    await page.getByLabel(/Tôi đã đọc thông báo trên và đồng ý/).check();
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await page.waitForURL(/\/dialogues\/registration\?new=1$/);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Đã nhận đăng ký");
    const code = (await page.getByTestId("registration-code").textContent())!.trim();
    // The full code: the six-letter door code and the secret key (docs/security/citizen-codes.md).
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await expect(page.getByTestId("registration-status").textContent()).resolves.toBe("Bạn đã có chỗ.");
    await checkPage(page);

    // The calendar file: strict format, the session's title and times, a link back.
    const href = await page.getByRole("link", { name: "Thêm vào lịch (.ics)" }).getAttribute("href");
    const res = await page.request.get(server.url + href!);
    expect(res.headers()["content-type"]).toContain("text/calendar");
    const { event } = parseIcsStrict(await res.body());
    expect(event.SUMMARY).toBe(title);
    expect(event.URL).toBe(sessionUrl);
    expect(event.SEQUENCE).toBe("0");
    expect(event.STATUS).toBe("CONFIRMED");
    expect(icsDate(event.DTSTART).getTime()).toBeGreaterThan(Date.now());

    // Signing up again with the same phone, from the browser already signed in as it, gives back
    // the same registration (any other browser learns nothing: citizen-codes.test.ts).
    await page.goto(sessionUrl);
    await page.getByLabel("Họ và tên").fill("Phạm Văn Thử");
    await page.getByLabel("Số điện thoại").fill("+84 911 222 333");
    await page.getByLabel("Người dân").check();
    await page.getByLabel("Tôi từ đủ 18 tuổi trở lên.").check();
    await page.getByLabel(/Tôi đã đọc thông báo trên và đồng ý/).check();
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await page.waitForURL(/again=1/);
    await expect(page.getByTestId("registration-code").textContent()).resolves.toBe(code);

    // Cancel: the box must be ticked first.
    await page.getByRole("button", { name: "Hủy đăng ký" }).click();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Đánh dấu ô xác nhận");
    await page.getByLabel("Tôi muốn hủy đăng ký tham dự.").check();
    await page.getByRole("button", { name: "Hủy đăng ký" }).click();
    // No mail server here: the cancellation waits for staff to call the registered phone.
    await page.waitForURL(/cancelRequested=1/);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("cán bộ sẽ gọi");
    await expect(page.getByTestId("registration-status").textContent()).resolves.toBe("Bạn đã có chỗ.");

    // On another device (no cookie): look up with the code and the phone typed another way.
    await page.getByRole("button", { name: /Thoát/ }).click();
    await page.getByLabel("Mã đăng ký").fill(code.toLowerCase());
    await page.getByLabel("Số điện thoại hoặc email").fill("0911.222.333");
    await checkPage(page);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await expect(page.getByTestId("registration-code").textContent()).resolves.toBe(code);
    await expect(page.getByTestId("registration-status").textContent()).resolves.toBe("Bạn đã có chỗ.");
    await expect(page.locator("#my-questions + ul").textContent()).resolves.toContain("Chờ duyệt");
    // The two 400s are the refused forms above (empty sign-up, unticked cancel): the browser
    // logs a refused POST's status; anything else is a real error.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(errors).toHaveLength(2);
    await ctx.close();
  });

  it("publishes last year's minutes without any registrant's phone, email or name, printable on A4", async () => {
    const ctx = await phoneContext(browser, { lang: "en", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url + "/dialogues");
    await page.getByRole("heading", { name: "Past" }).waitFor();
    await page.locator(".cards").nth(1).getByRole("link").first().click();
    await page.getByRole("link", { name: "Read the minutes" }).click();
    await page.waitForURL(/\/minutes$/);
    await checkPage(page);
    const html = await page.content();
    expect(html).toContain("MINUTES OF THE DIALOGUE");
    // The demo's registrants use 0900 1xx xxx / 0900 2xx xxx numbers and example.vn emails.
    expect(html).not.toMatch(/0900\d{6}|@example\.vn|Nguyễn Văn An|Trần Thị Bình/);
    // Print styles for A4 are part of the page's style sheets, and printing drops the site's chrome.
    const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => server.url + m[1]);
    expect(hrefs.length).toBeGreaterThan(1);
    const css = await Promise.all(hrefs.map(async (h) => (await page.request.get(h)).text()));
    expect(css.some((t) => /@page\s*\{[^}]*size:\s*A4/.test(t))).toBe(true);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".minutes").isVisible()).resolves.toBe(true);
    await ctx.close();
  });

  it("the registration look-up works in English and says so when nothing matches", async () => {
    const ctx = await phoneContext(browser, { lang: "en", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url + "/dialogues/registration");
    await page.getByLabel("Registration code").fill("K7M2QX-A3B4C-D5E6F");
    await page.getByLabel("Phone number or email").fill("0900 999 999");
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("No registration matches");
    await checkPage(page);
    await ctx.close();
  });

  it("the English dialogue page shows the English title, topics and invited groups", async () => {
    const ctx = await phoneContext(browser, { lang: "en", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url + "/dialogues");
    await page
      .getByRole("link", { name: /^Dialogue with citizens and businesses/ })
      .first()
      .click();
    await page.locator("h1").waitFor();
    expect(await page.locator("h1").textContent()).toMatch(/^Dialogue with citizens and businesses on administrative/);
    expect(await page.locator("h1").getAttribute("lang")).toBeNull();
    const topics = await page.locator(".facts dd li").allTextContents();
    expect(topics).toEqual(
      expect.arrayContaining([
        "Standards, metrology and quality",
        "Radiation safety",
        "Technology transfer",
        "Online public services",
      ]),
    );
    expect(topics).not.toContain("An toàn bức xạ");
    await expect(page.locator(".facts").textContent()).resolves.toContain("Citizens, businesses and cooperatives");
    // The question form's topic list reads in English too; the value stays the Vietnamese topic.
    await expect(page.locator('select[name="topic"] option[value="An toàn bức xạ"]').textContent()).resolves.toBe(
      "Radiation safety",
    );
    await checkPage(page);
    await ctx.close();
  });
});
