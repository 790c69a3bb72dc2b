// The production server as an operator meets it: start, stop, restart, a second instance on the
// same data, and a database that goes away and comes back.
import { PGlite } from "@electric-sql/pglite";
import {
  createPgDatabase,
  dropPgDatabase,
  PG_BASE_URL,
  reachablePostgres,
  spawnServer,
  startServer,
} from "../support/server";
import { startTcpProxy } from "../support/tcp-proxy";
import { until } from "../support/wait";

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, redirect: "manual" });

describe("embedded database lifecycle", () => {
  it("serves the home page in Vietnamese, exits within 2 s on SIGTERM, and keeps its data", async () => {
    const first = await startServer();
    try {
      const res = await get(first.url + "/");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="vi"');
      expect(html).toContain("Chúng tôi lắng nghe người dân và doanh nghiệp");
      expect(html).toMatch(/9 đơn vị, 20 thủ tục hành chính/);
      expect(first.logs.join("")).toContain("demo data written");

      const { code, ms } = await first.stop();
      expect(code).toBe(0);
      expect(ms).toBeLessThan(2000);

      // Write into the stopped portal's data directory, then restart it on the same directory.
      const pglite = new PGlite(first.dataDir!);
      await pglite.query(
        `insert into unit (code, name_vi, name_en, kind) values ('TEST', 'Đơn vị thử', 'Test unit', 'division')`,
      );
      await pglite.close();

      const second = await startServer({ dataDir: first.dataDir });
      try {
        expect(second.logs.join("")).not.toContain("demo data written");
        expect(await (await get(second.url + "/")).text()).toMatch(/10 đơn vị, 20 thủ tục hành chính/);
      } finally {
        await second.dispose();
      }
    } finally {
      await first.dispose();
    }
  });

  it("refuses a second process on the same data directory, and the first keeps serving", async () => {
    const first = await startServer();
    try {
      const err = await spawnServer({ PGLITE_DIR: first.dataDir! }).then(
        () => null,
        (e: Error & { code: number }) => e,
      );
      expect(err).not.toBeNull();
      expect(err!.code).toBe(1);
      expect(err!.message).toMatch(/already in use by process \d+/);
      expect((await get(first.url + "/healthz")).status).toBe(200);
      expect(await (await get(first.url + "/")).text()).toMatch(/9 đơn vị/);
    } finally {
      await first.dispose();
    }
  });

  it("answers unknown paths with a 404 page in the reader's language, and caches built assets", async () => {
    const s = await startServer();
    try {
      const vi = await get(s.url + "/khong-co-trang-nay");
      expect(vi.status).toBe(404);
      expect(await vi.text()).toContain("Không tìm thấy trang");
      const en = await get(s.url + "/no-such-page", { Cookie: "lng=en" });
      expect(en.status).toBe(404);
      expect(await en.text()).toContain("Page not found");
      const html = await (await get(s.url + "/")).text();
      const css = html.match(/href="(\/build\/[^"]+\.css)"/)![1];
      const asset = await get(s.url + css, { "Accept-Encoding": "gzip" });
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
      expect(asset.headers.get("content-encoding")).toBe("gzip");
    } finally {
      await s.dispose();
    }
  });

  it("refuses to start on a bad environment variable and names it", async () => {
    const err = await spawnServer({ PORT: "not-a-port" }).then(
      () => null,
      (e: Error & { code: number }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.message).toMatch(/PORT: must be a port number/);
  });
});

const pgUp = await reachablePostgres();

describe.skipIf(!pgUp)(`PostgreSQL going away (needs PostgreSQL at ${PG_BASE_URL})`, () => {
  it("runs migrations on an empty database, reports 503 while it is gone and recovers without a restart", async () => {
    const dbUrl = await createPgDatabase();
    const target = new URL(dbUrl);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(dbUrl);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    const s = await startServer({ databaseUrl: viaProxy.toString() });
    try {
      expect((await get(s.url + "/healthz")).status).toBe(200);
      expect(await (await get(s.url + "/")).text()).toMatch(/9 đơn vị, 20 thủ tục hành chính/);

      await proxy.down();
      expect((await get(s.url + "/healthz")).status).toBe(503);
      const page = await get(s.url + "/");
      // "Unavailable for a moment", not "broken": 503 with the time to wait.
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("10");
      const body = await page.text();
      expect(body).toContain("Đã có lỗi xảy ra");
      expect(body).not.toMatch(/at \S+ \(|ECONNREFUSED|node_modules/);
      // The same for a client-side navigation's data request (the home page's loader reads the catalogue).
      const data = await get(s.url + "/?index&_data=routes%2F_index");
      expect(data.status).toBe(503);
      expect(data.headers.get("retry-after")).toBe("10");
      expect(s.proc.exitCode).toBeNull();

      await proxy.up();
      // Back once the health check says so (the pool replaces its broken connections).
      expect(
        await until(
          async () => (await get(s.url + "/healthz")).status,
          (st) => st === 200,
          { timeoutMs: 5_000 },
        ),
      ).toBe(200);
      expect((await get(s.url + "/")).status).toBe(200);
    } finally {
      await s.dispose();
      await proxy.close();
      await dropPgDatabase(dbUrl);
    }
  });
});
