// The README's screenshots, taken from a fresh demo (seeded, one period sent): the staff
// dashboard, the report document and the public results page at 1366 px, and the results page
// on a 360 px phone. PNG under docs/screenshots/, each kept small (one screen, not the whole page).
// Run: npx tsx test/bench/screenshots.ts (builds the app first when there is no build).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { vnDay } from "../../app/kernel/time/clock";
import { lastClosedPeriod } from "../../db/seed/sent-period";
import { launchBrowser } from "../support/browser";
import { ROOT, startServer } from "../support/server";
import { ensureBuild } from "./support";

const OUT = path.join(ROOT, "docs/screenshots");
const MAX_BYTES = 250 * 1024;

async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false, animations: "disabled" });
  const size = fs.statSync(file).size;
  console.log(`${name}.png ${Math.round(size / 1024)} KB`);
  if (size > MAX_BYTES) throw new Error(`${name}.png is ${size} bytes, over ${MAX_BYTES}`);
}

async function signIn(browser: Browser, base: string) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  await page.goto(base + "/staff/login");
  await page.getByLabel("Địa chỉ email").fill("vanphong@demo.hailong.vn");
  await page.getByLabel("Mật khẩu").fill("demo-Office-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(base + "/staff");
  return { ctx, page };
}

await ensureBuild();
fs.mkdirSync(OUT, { recursive: true });
const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
try {
  const base = server.url;
  const { ctx, page } = await signIn(browser, base);
  await page.locator("section.headline").first().waitFor();
  await shot(page, "dashboard-1366");
  const { year, kind } = lastClosedPeriod(vnDay());
  await page.goto(`${base}/staff/reports/${year}-${kind}/document`);
  await page.locator(".report-doc").first().waitFor();
  await shot(page, "report-document-1366");
  await ctx.close();

  const wide = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
  const p1 = await wide.newPage();
  await p1.goto(`${base}/ket-qua`);
  await p1.locator("section.results-period").first().waitFor();
  await shot(p1, "ket-qua-1366");
  await wide.close();

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    locale: "vi-VN",
  });
  const p2 = await phone.newPage();
  await p2.goto(`${base}/ket-qua`);
  await p2.locator("section.results-period").first().waitFor();
  await shot(p2, "ket-qua-360", { fullPage: true });
  await phone.close();
} finally {
  await browser.close();
  await server.dispose();
}
