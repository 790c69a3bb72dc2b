// Debian's Chromium driven by playwright-core: no browser download, no network beyond loopback.
import AxeBuilder from "@axe-core/playwright";
import { chromium, devices, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A 360 px-wide phone, the smallest screen the portal promises to serve. */
export function phoneContext(browser: Browser, opts: BrowserContextOptions & { lang?: "vi" | "en" } = {}) {
  const { lang = "vi", ...rest } = opts;
  return browser.newContext({
    ...devices["Galaxy S9+"],
    viewport: { width: 360, height: 740 },
    locale: lang === "vi" ? "vi-VN" : "en-US",
    ...rest,
  });
}

/** WCAG 2.1 A and AA violations on the page, as short strings for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails the test on any console error or uncaught page error, the way a careful user would notice. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
