// A paste too big for either CSV import, sent as a browser without JavaScript sends it: the page
// that comes back says in the reader's language that only the paste's start is kept, and its box
// holds exactly that start (whole lines within 2,000 characters), not the megabytes sent.
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let cookie = "";

beforeAll(async () => {
  // The embedded database, or PostgreSQL when DATABASE_URL names one (its own database in it).
  server = await startServer({ postgres: !!process.env.DATABASE_URL });
  const res = await fetch(`${server.url}/staff/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email: "vanphong@demo.hailong.vn", password: "demo-Office-2026" }),
  });
  expect(res.status).toBe(302);
  cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
});
afterAll(async () => {
  await server?.dispose();
});

// 5,001 lines (the limit is 5,000). A form sends a text's line breaks as CRLF, as a browser sends
// a text box's, so each line arrives as 49 characters with its break: 40 fit in 2,000 (1,960).
const paste = ("U01,,01/02/2027,28/02/2027,7".padEnd(47) + "\n").repeat(5001);
const kept = ("U01,,01/02/2027,28/02/2027,7".padEnd(47) + "\r\n").repeat(40);

describe("a too-big paste", () => {
  for (const path of ["/staff/coverage/import", "/staff/late-dossiers/import"])
    for (const [lng, says] of [
      ["vi", "Ô bên dưới chỉ còn giữ phần đầu nội dung đã dán"],
      ["en", "The box below keeps only the start of the pasted text"],
    ] as const)
      it(`${path} in ${lng}: says only the start is kept, and the box holds that start`, async () => {
        const body = new FormData();
        body.append("text", paste);
        const res = await fetch(server.url + path, {
          method: "POST",
          headers: { Origin: server.url, Cookie: `${cookie}; lng=${lng}` },
          body,
        });
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toContain(says);
        const box = html.match(/<textarea[^>]*name="text"[^>]*>([^<]*)<\/textarea>/);
        expect(box?.[1]).toBe(kept);
      });
});
