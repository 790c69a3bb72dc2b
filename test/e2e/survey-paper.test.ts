// Paper entry in a real browser with the keyboard only: a member of the Office signs in, types
// paper forms one after another (digits and Tab, Enter to save), and each is stored once, with
// channel "paper" and who typed it. Runs against PostgreSQL so the test can read what was stored.
import type { Browser, Page } from "playwright-core";
import pg from "pg";
import { axeViolations, collectPageErrors, launchBrowser, phoneContext } from "../support/browser";
import { PG_BASE_URL, reachablePostgres, startServer, type RunningServer } from "../support/server";

const pgUp = await reachablePostgres();
let server: RunningServer;
let browser: Browser;
let client: pg.Client;

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Types one answer per box: a string is typed, "" leaves the box blank; Tab after each. */
async function typeAnswers(page: Page, answers: string[]) {
  for (const [i, a] of answers.entries()) {
    if (a) await page.keyboard.type(a);
    if (i < answers.length - 1) await page.keyboard.press("Tab");
  }
}

// Form B's 34 boxes in order: 25 satisfaction questions, 5 "how much to improve", a comment,
// then respondent type, age band and channel.
const formOne = [...Array(25).fill("4"), "3", "", "2", "", "", "Ghi tay trên phiếu", "1", "3", "1"];

describe.skipIf(!pgUp)(`paper entry with the keyboard only (needs PostgreSQL at ${PG_BASE_URL})`, () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ postgres: true }), launchBrowser()]);
    client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await browser?.close();
    await server?.dispose();
  });

  it("signs in, types two forms with digits, Tab and Enter, and stores each once as paper, by that person", async () => {
    const ctx = await browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/staff/login?to=${encodeURIComponent("/staff/paper")}`);
    await tabTo(page, 'input[name="email"]');
    await page.keyboard.type("vanphong@demo.hailong.vn");
    await page.keyboard.press("Tab");
    await page.keyboard.type("demo-Office-2026");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/staff/paper`);

    const {
      rows: [formB],
    } = await client.query("select id from survey where slug = 'khao-sat-hai-long'");
    await tabTo(page, `a[href="/staff/paper/${formB.id}"]`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/staff/paper/${formB.id}`);
    expect(await axeViolations(page)).toEqual([]);

    // The unit by arrow keys (the 5th unit: Phòng Quản lý Công nghệ và Chuyên ngành).
    await tabTo(page, "#unit");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown");
    await tabTo(page, "#q_ACC1");
    // A number the paper does not have is refused, with everything typed kept.
    await typeAnswers(page, ["9", ...formOne.slice(1)]);
    await page.keyboard.press("Enter");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").getByRole("link").allTextContents()).toEqual([
      "Hãy gõ một số có trên phiếu giấy",
    ]);
    expect(await page.locator("#q_ACC2").inputValue()).toBe("4");
    // Nothing typed in by staff yet (the demo year's responses came from phones and kiosks).
    expect(
      Number((await client.query("select count(*) as n from response where entered_by is not null")).rows[0].n),
    ).toBe(0);
    await tabTo(page, "#q_ACC1");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("4");
    await page.keyboard.press("Enter");
    await page.getByRole("status").waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Đã lưu phiếu. Mời nhập phiếu tiếp theo.");

    // The next form starts in the first box, with the unit kept: digits, Tab, Enter again.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q_ACC1");
    expect(await page.locator("#q_ACC1").inputValue()).toBe("");
    await typeAnswers(page, [...Array(24).fill("5"), "1"]);
    const sid = await page.locator('input[name="sid"]').inputValue();
    await page.keyboard.press("Enter");
    // Saved: a new blank form with a new submission id.
    await page.waitForFunction(
      (old) => (document.querySelector('input[name="sid"]') as HTMLInputElement | null)?.value !== old,
      sid,
    );
    await expect(page.getByRole("status").textContent()).resolves.toBe("Đã lưu phiếu. Mời nhập phiếu tiếp theo.");

    const { rows } = await client.query(
      `select r.channel, r.entered_by, u.email, un.code as unit, r.flagged,
              (select count(*) from answer a where a.response_id = r.id) as answers,
              (select a.value from answer a join survey_item i on i.id = a.item_id where a.response_id = r.id and i.code = 'OVERALL') as overall
         from response r join staff_user u on u.id = r.entered_by join unit un on un.id = r.unit_id order by r.created_at`,
    );
    expect(rows).toEqual([
      {
        channel: "paper",
        entered_by: expect.any(Number),
        email: "vanphong@demo.hailong.vn",
        unit: "QLCN",
        flagged: false,
        answers: "31",
        overall: 4,
      },
      {
        channel: "paper",
        entered_by: expect.any(Number),
        email: "vanphong@demo.hailong.vn",
        unit: "QLCN",
        flagged: false,
        answers: "25",
        overall: 1,
      },
    ]);
    const audit = await client.query("select count(*) as n from audit_log where action = 'survey.paper.create'");
    expect(Number(audit.rows[0].n)).toBe(2);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await ctx.close();
  });

  it("the paper entry page has no WCAG 2.1 A/AA violations in English on a phone", async () => {
    const ctx = await phoneContext(browser, { lang: "en" });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/staff/login?to=${encodeURIComponent("/staff/paper")}`);
    await page.getByLabel("Email address").fill("donvi@demo.hailong.vn");
    await page.getByLabel("Password").fill("demo-Unit-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/staff/paper`);
    await page.getByRole("link", { name: /Satisfaction survey/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    // A unit's staff member sees only their own unit.
    expect(await page.locator("#unit option").allTextContents()).toEqual([
      "— Choose a unit —",
      "Technology and Specialised Management Division",
    ]);
    await ctx.close();
  });
});
