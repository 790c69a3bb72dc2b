// Every public page and state at 320 px, the narrowest phone in use, in Vietnamese and English,
// JavaScript off: nothing may scroll sideways (answers, headings with codes, error messages,
// results). Also the five-point answer list in scale order, and the tracking code kept whole.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { FORM_B } from "~/features/survey/forms";
import { launchBrowser, phoneContext } from "../support/browser";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // PostgreSQL when there is one: it starts and seeds faster than the embedded database.
  [server, browser] = await Promise.all([startServer({ postgres: await reachablePostgres() }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const narrow = (lang: "vi" | "en", width = 320) =>
  phoneContext(browser, { lang, javaScriptEnabled: false, viewport: { width, height: 700 } });

/** How far the page runs past the viewport, with the elements that stick out (for the message). */
// Measured against the width asked for, not window.innerWidth: a mobile browser zooms out to show
// a page that is too wide, and innerWidth grows with it.
async function overflowOf(page: Page, width = 320): Promise<string | null> {
  return page.evaluate((width) => {
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return null;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0)
        out.push(
          `${el.tagName.toLowerCase()}.${(el.className || "").toString().replaceAll(" ", ".")} right=${Math.round(r.right)} "${(el.textContent ?? "").trim().slice(0, 40)}"`,
        );
    }
    return `${location.pathname}${location.search}: ${document.documentElement.scrollWidth}px wide; ${out.slice(0, 6).join(" | ")}`;
  }, width);
}

async function submitMain(page: Page, formSelector = "main form") {
  await Promise.all([page.waitForLoadState("load"), page.locator(`${formSelector} [type=submit]`).last().click()]);
  await page.waitForLoadState("load");
}

async function publicPaths(ctx: BrowserContext): Promise<string[]> {
  const page = await ctx.newPage();
  const paths = new Set([
    "/",
    "/s",
    "/s/khao-sat-hai-long",
    "/s/danh-gia-ho-so",
    "/feedback",
    "/feedback/status",
    "/feedback/answers",
    "/dialogues",
    "/dialogues/registration",
    "/privacy",
    "/privacy/request",
    "/no-such-page",
    "/staff/login",
  ]);
  for (const from of ["/", "/dialogues", "/feedback/answers"]) {
    await page.goto(server.url + from);
    for (const href of await page
      .locator('main a[href^="/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
      if (!href.startsWith("/staff") && !href.endsWith("/ics") && !href.startsWith("/lang/"))
        paths.add(href.split("#")[0]);
  }
  await page.close();
  return [...paths];
}

describe.each(["vi", "en"] as const)("at 320 px in %s", (lang) => {
  it("no public page scrolls sideways", async () => {
    const ctx = await narrow(lang);
    const page = await ctx.newPage();
    const bad: string[] = [];
    const paths = await publicPaths(ctx);
    expect(paths.length).toBeGreaterThan(14);
    const rawIds: string[] = [];
    for (const p of paths) {
      await page.goto(server.url + p);
      const o = await overflowOf(page);
      if (o) bad.push(o);
      // Internal version ids ("dialogue-2026-11-27") are not for citizens' eyes.
      const id = /\b(dialogue|feedback)-\d{4}-\d{2}-\d{2}\b/.exec((await page.locator("body").textContent()) ?? "");
      if (id) rawIds.push(`${p}: ${id[0]}`);
    }
    expect(bad).toEqual([]);
    expect(rawIds).toEqual([]);
    await ctx.close();
  });

  it("no error state scrolls sideways (every form sent empty or wrong)", async () => {
    const ctx = await narrow(lang);
    const page = await ctx.newPage();
    const bad: string[] = [];
    const check = async () => {
      const o = await overflowOf(page);
      if (o) bad.push(o);
    };
    for (const p of [
      "/s/khao-sat-hai-long",
      "/s/danh-gia-ho-so",
      "/feedback",
      "/feedback/status",
      "/dialogues/registration",
      "/privacy/request",
    ]) {
      await page.goto(server.url + p);
      await submitMain(page, "main form[method=post]");
      expect(await page.locator(".error-summary, .field__error, [role=alert]").count(), p).toBeGreaterThan(0);
      await check();
    }
    // A wrong code with a long phone number, and a dialogue sign-up sent empty.
    await page.goto(server.url + "/feedback/status");
    await page.fill("[name=code]", "PAKN-2026-000000-XXXXXXXXXXXXXXXXXXXXXXXX");
    await page.fill("[name=phone]", "+84 900 000 000 000");
    await submitMain(page, "main form[method=post]");
    await check();
    await page.goto(server.url + "/dialogues");
    const open = page.locator('main a[href^="/dialogues/"]').first();
    await open.click();
    await page.waitForLoadState("load");
    if ((await page.locator("form [name=adult]").count()) > 0) {
      await submitMain(page, "form:has([name=adult])");
      await check();
    }
    expect(bad).toEqual([]);
    await ctx.close();
  });

  it("no result scrolls sideways: feedback sent and looked up, personal data shown, survey thanked", async () => {
    const ctx = await narrow(lang);
    const page = await ctx.newPage();
    const bad: string[] = [];
    const check = async () => {
      const o = await overflowOf(page);
      if (o) bad.push(o);
    };
    await page.goto(server.url + "/feedback");
    await page.locator("[name=kind]").first().check();
    await page.fill("[name=name]", "Nguyễn Thị Hoàng Phương Thảo");
    await page.fill("[name=address]", "Số 123 đường Ấp Bắc, phường 10, thành phố Mỹ Tho, tỉnh Tiền Giang");
    await page.fill("[name=phone]", "0900 000 321");
    await page.fill("[name=title]", "Giấy hẹn trả kết quả ghi sai ngày làm việc");
    await page.fill(
      "[name=content]",
      "Giấy tiếp nhận hồ sơ ghi ngày hẹn trả kết quả vào Chủ nhật, tôi đến thì cơ quan nghỉ.",
    );
    await page.locator("[name=consent]").check();
    await submitMain(page, "main form[method=post]");
    await page.waitForURL(/\/feedback\/sent\?code=/);
    await check();
    const code = (await page.getByTestId("feedback-code").textContent())!.trim();
    // The tracking code never breaks inside: it stays on one line.
    const box = await page.getByTestId("feedback-code").evaluate((el) => {
      const rects = Array.from((el as HTMLElement).getClientRects());
      return {
        lines: new Set(rects.map((r) => Math.round(r.top))).size,
        right: Math.max(...rects.map((r) => r.right)),
      };
    });
    expect(box.lines).toBe(1);
    expect(box.right).toBeLessThanOrEqual(320);

    await page.goto(server.url + "/feedback/status");
    await page.fill("[name=code]", code);
    await page.fill("[name=phone]", "0900 000 321");
    await submitMain(page, "main form[method=post]");
    expect(await page.locator("main").textContent()).toContain(code.slice(0, 18));
    await check();

    await page.goto(server.url + "/privacy/request");
    await page.fill("[name=code]", code);
    await page.fill("[name=contact]", "0900 000 321");
    await submitMain(page, "main form[method=post]");
    expect(await page.locator("h1").textContent()).toContain(code.slice(0, 10));
    await check();

    await page.goto(server.url + "/dialogues/registration");
    await page.fill("[name=code]", "DEMA26-SKHCN-TGDEM");
    await page.fill("[name=contact]", "0900200000");
    await submitMain(page, "main form[method=post]");
    await check();

    // Form B answered in full: the thanks page.
    await page.goto(server.url + "/s/khao-sat-hai-long");
    await page.locator("select[name=unit]").selectOption({ index: 1 });
    for (const name of await page
      .locator(".opts--l5 input[value='4']")
      .evaluateAll((is) => is.map((i) => (i as HTMLInputElement).name)))
      await page.locator(`input[name="${name}"][value="4"]`).check();
    await submitMain(page, "main form.survey");
    await page.waitForURL(/thanks/);
    await check();
    expect(bad).toEqual([]);
    await ctx.close();
  });
});

describe("the five-point answers", () => {
  for (const width of [320, 360, 1024]) {
    it(`at ${width} px read in the scale's order, and the arrow keys follow it`, async () => {
      const ctx = await phoneContext(browser, { lang: "vi", viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(server.url + "/s/khao-sat-hai-long");
      const opts = page.locator(".opts--l5").first().locator(".opt");
      const boxes = await opts.evaluateAll((ls) =>
        ls.map((l) => ({
          text: l.textContent!.trim(),
          top: l.getBoundingClientRect().top,
          left: l.getBoundingClientRect().left,
        })),
      );
      expect(boxes.map((b) => b.text)).toEqual([
        "Rất không hài lòng",
        "Không hài lòng",
        "Bình thường",
        "Hài lòng",
        "Rất hài lòng",
        "Không ý kiến",
      ]);
      // Reading order: each option comes after the one before it, down a list or across a row,
      // never back up into an earlier line.
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1], boxes[i]];
        expect(b.top > a.top + 1 || (Math.abs(b.top - a.top) <= 1 && b.left > a.left), `${a.text} → ${b.text}`).toBe(
          true,
        );
      }
      const radios = page.locator(".opts--l5").first().locator("input[type=radio]");
      await radios.nth(0).check();
      await radios.nth(0).focus();
      await page.keyboard.press("ArrowDown");
      expect(await radios.nth(1).isChecked()).toBe(true);
      await page.keyboard.press("ArrowRight");
      expect(await radios.nth(2).isChecked()).toBe(true);
      await ctx.close();
    });
  }
});

describe("switching language mid-form, JavaScript off", () => {
  it("keeps every typed answer, judges and stores nothing, and Enter in a text box still sends", async () => {
    const ctx = await narrow("vi");
    const page = await ctx.newPage();
    await page.goto(server.url + "/s/khao-sat-hai-long");
    expect(await page.locator("script").count()).toBe(0);
    await page.locator("select[name=unit]").selectOption({ index: 2 });
    const unit = await page.locator("select[name=unit]").inputValue();
    const radios = page.locator(".opts--l5");
    await radios.nth(0).locator("input[value='5']").check();
    await radios.nth(1).locator("input[value='2']").check();
    await radios.nth(2).locator("input[value='0']").check();
    const text = page.locator("main form textarea").first();
    await text.fill("Cán bộ tận tình, nhưng phải chờ lâu.");

    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Switch to English, keeping your answers" }).click(),
    ]);
    await page.waitForLoadState("load");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe(FORM_B.title_en);
    expect(await page.locator(".error-summary").count()).toBe(0);
    expect(await page.locator("select[name=unit]").inputValue()).toBe(unit);
    expect(await radios.nth(0).locator("input[value='5']").isChecked()).toBe(true);
    expect(await radios.nth(1).locator("input[value='2']").isChecked()).toBe(true);
    expect(await radios.nth(2).locator("input[value='0']").isChecked()).toBe(true);
    expect(await radios.nth(3).locator("input:checked").count()).toBe(0);
    expect(await text.inputValue()).toBe("Cán bộ tận tình, nhưng phải chờ lâu.");
    expect(await overflowOf(page)).toBeNull();

    // And back to Vietnamese, answers still there; the next plain page stays Vietnamese (cookie).
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Chuyển sang tiếng Việt, giữ các câu trả lời đã điền" }).click(),
    ]);
    await page.waitForLoadState("load");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await radios.nth(1).locator("input[value='2']").isChecked()).toBe(true);
    expect(await text.inputValue()).toBe("Cán bộ tận tình, nhưng phải chờ lâu.");

    // Enter in a one-line box sends the form (its errors show), it does not switch language.
    await page.goto(server.url + "/s/danh-gia-ho-so");
    await page.locator("input[name=dossier]").fill("000.00.00.H00-261206-0001");
    await Promise.all([page.waitForLoadState("load"), page.locator("input[name=dossier]").press("Enter")]);
    await page.waitForLoadState("load");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await page.locator(".error-summary").count()).toBe(1);
    await page.goto(server.url + "/");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await ctx.close();
  });
});
