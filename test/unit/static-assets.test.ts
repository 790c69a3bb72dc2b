// The in-memory static files: the right coding, Vary and validators, and the compressed forms
// stored beside each file for the next start.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { serveStaticAssets } from "~/kernel/http/static-assets.server";

function fakeRes() {
  const headers: Record<string, string | number> = {};
  const res = {
    statusCode: 0,
    body: undefined as Buffer | undefined,
    ended: false,
    setHeader: (k: string, v: string | number) => (headers[k.toLowerCase()] = v),
    end: (b?: Buffer) => ((res.body = b), (res.ended = true)),
  };
  return { res, headers };
}
const ask = (mw: ReturnType<typeof serveStaticAssets>, url: string, h: Record<string, string> = {}, method = "GET") => {
  const { res, headers } = fakeRes();
  let passed = false;
  mw(
    { method, url, headers: h } as unknown as IncomingMessage,
    res as unknown as ServerResponse,
    () => (passed = true),
  );
  return { res, headers, passed };
};

describe("serveStaticAssets", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-static-"));
  const big = "body { color: red; }\n".repeat(200); // 4,200 bytes: worth compressing
  fs.mkdirSync(path.join(dir, "build"));
  fs.writeFileSync(path.join(dir, "build", "app.css"), big);
  fs.writeFileSync(path.join(dir, "tiny.js"), "x=1");
  const mounts = [
    { prefix: "/build", dir: path.join(dir, "build"), cacheControl: "public, max-age=31536000, immutable" },
    { prefix: "/", dir, cacheControl: "public, max-age=3600" },
  ];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("sends Brotli or gzip as asked, with Vary, its own ETag, the security headers and the mount's caching", async () => {
    const mw = serveStaticAssets(mounts, { "X-Content-Type-Options": "nosniff" });
    // The compressed forms are made off the event loop; until then the file goes out as it is.
    const first = ask(mw, "/build/app.css", { "accept-encoding": "br" });
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(first.headers.vary).toBe("Accept-Encoding");
    for (let i = 0; i < 200 && !fs.existsSync(path.join(dir, "build", "app.css.gz")); i++)
      await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 50));
    const br = ask(mw, "/build/app.css", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.res.body!).toString()).toBe(big);
    expect(br.headers["content-length"]).toBe(br.res.body!.length);
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    const gz = ask(mw, "/build/app.css", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.res.body!).toString()).toBe(big);
    const plain = ask(mw, "/build/app.css");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.res.body!.toString()).toBe(big);
    // Three representations, three validators; a matching one answers 304 with no body.
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
    const again = ask(mw, "/build/app.css", { "accept-encoding": "br", "if-none-match": String(br.headers.etag) });
    expect(again.res.statusCode).toBe(304);
    expect(again.res.body).toBeUndefined();
    expect(
      ask(mw, "/build/app.css", { "accept-encoding": "gzip", "if-none-match": String(br.headers.etag) }).res.statusCode,
    ).toBe(200);
    // A HEAD has the headers and no body.
    const head = ask(mw, "/build/app.css", { "accept-encoding": "br" }, "HEAD");
    expect(head.headers["content-length"]).toBe(br.res.body!.length);
    expect(head.res.body).toBeUndefined();
  });

  it("reads the stored forms at the next start, leaves small files alone and passes the rest on", () => {
    const mw = serveStaticAssets(mounts, {});
    expect(ask(mw, "/build/app.css", { "accept-encoding": "br" }).headers["content-encoding"]).toBe("br");
    const tiny = ask(mw, "/tiny.js", { "accept-encoding": "br" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.headers.vary).toBeUndefined();
    expect(tiny.headers["cache-control"]).toBe("public, max-age=3600");
    expect(tiny.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(ask(mw, "/build/app.css.br").passed).toBe(true);
    expect(ask(mw, "/healthz").passed).toBe(true);
    expect(ask(mw, "/tiny.js?v=2").passed).toBe(true);
    expect(ask(mw, "/tiny.js", {}, "POST").passed).toBe(true);
  });
});
