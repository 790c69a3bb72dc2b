// What staff see of the limits, in a real browser on a phone (docs/security/limits.md): the
// admin ends a sign-in wait at /staff/users; the Office releases feedback held for review and
// rejects sign-ups waiting to confirm. Keyboard only; every page passes axe (WCAG 2.1 A/AA).
import crypto from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launchBrowser, phoneContext } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function signInAs(page: Page, email: string, password: string) {
  await page.goto(server.url + "/staff/login");
  await page.getByLabel("Địa chỉ email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByLabel("Mật khẩu").press("Enter");
  await page.waitForURL(server.url + "/staff");
}
const form = (data: Record<string, string>) => ({
  "Content-Type": "application/x-www-form-urlencoded",
  Origin: server.url,
  body: new URLSearchParams(data),
});

describe("staff and the limits", () => {
  it("the admin sees who is made to wait and ends it with the keyboard", async () => {
    for (let i = 0; i < 6; i++) {
      const { body, ...headers } = form({ email: "donvi@demo.hailong.vn", password: `wrong-${i}` });
      await fetch(`${server.url}/staff/login`, { method: "POST", redirect: "manual", body, headers });
    }
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    await signInAs(page, "admin@demo.hailong.vn", "demo-Admin-2026");
    await page.goto(server.url + "/staff/users");
    await expect(page.getByText(/Trình duyệt lạ phải chờ đến .* \(5 lần thử\)/).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Mở chặn đăng nhập cho donvi@demo.hailong.vn" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Đã mở chặn đăng nhập cho donvi@demo.hailong.vn").waitFor();
    await ctx.close();
    const { body, ...headers } = form({ email: "donvi@demo.hailong.vn", password: "demo-Unit-2026" });
    expect(
      (await fetch(`${server.url}/staff/login`, { method: "POST", redirect: "manual", body, headers })).status,
    ).toBe(302);
  });

  it("the Office sees feedback held for review and releases one", async () => {
    for (let i = 0; i < 22; i++) {
      const fd = new FormData();
      const data: Record<string, string> = {
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: `Người gửi ${i}`,
        address: "Mỹ Tho",
        phone: `0914${String(500000 + i)}`,
        content: `Phản ánh số ${i} gửi từ cùng một mạng Wi-Fi.`,
        consent: "yes",
        homepage: "",
      };
      for (const [k, v] of Object.entries(data)) fd.append(k, v);
      expect(
        (
          await fetch(`${server.url}/feedback`, {
            method: "POST",
            redirect: "manual",
            body: fd,
            headers: { Origin: server.url },
          })
        ).status,
      ).toBe(302);
    }
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    await signInAs(page, "vanphong@demo.hailong.vn", "demo-Office-2026");
    await page.goto(server.url + "/staff/feedback?view=held");
    // 22 from one address: the 21st and 22nd are held (20 an hour taken as usual).
    const buttons = page.getByRole("button", { name: /^Đã xem xét: PAKN\./ });
    await expect(buttons.count()).resolves.toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await buttons.first().focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Đã đưa 1 phản ánh vào xử lý như thường.").waitFor();
    await ctx.close();
  });

  it("the Office sees sign-ups waiting to confirm and rejects them all", async () => {
    const list = await (await fetch(`${server.url}/dialogues`)).text();
    const ids = [...new Set([...list.matchAll(/href="\/dialogues\/(\d+)"/g)].map((m) => Number(m[1])))];
    // The session open for sign-up: the one whose page carries the sign-up form.
    const pages = await Promise.all(
      ids.map(async (i) => [i, await (await fetch(`${server.url}/dialogues/${i}`)).text()] as const),
    );
    const id = pages.find(([, html]) => html.includes('name="consent"'))![0];
    let waiting = 0;
    for (let i = 0; i < 8; i++) {
      const { body, ...headers } = form({
        name: `Tên thử ${i}`,
        phone: `0955${String(600000 + i)}`,
        kind: "citizen",
        adult: "on",
        consent: "on",
      });
      const res = await fetch(`${server.url}/dialogues/${id}`, { method: "POST", redirect: "manual", body, headers });
      if (res.status === 303) waiting++;
    }
    expect(waiting).toBe(8);
    const ctx = await phoneContext(browser, { lang: "vi" });
    const page = await ctx.newPage();
    await signInAs(page, "vanphong@demo.hailong.vn", "demo-Office-2026");
    await page.goto(`${server.url}/staff/dialogues/${id}`);
    // 8 from one address: 5 straight in, 3 waiting to confirm.
    await expect(page.getByRole("button", { name: "Từ chối tất cả đăng ký chờ xác nhận (3)" }).count()).resolves.toBe(
      1,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Từ chối tất cả đăng ký chờ xác nhận (3)" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Đã xử lý 3 đăng ký chờ xác nhận.").waitFor();
    await ctx.close();
  });
});
