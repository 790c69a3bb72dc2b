// Static files (public/, and public/build/ with the built assets) served from memory with their
// Brotli and gzip forms made once: a request costs a map look-up and one write, not a stat, an
// open, a read and a compression each time (README, Performance). The compressed forms are written
// beside each file (name.br, name.gz) the first time a server starts on a build, and read back by
// the next one; a read-only directory only means they are made in memory at each start.
import crypto from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { pickEncoding, type Encoding } from "~/kernel/http/accept-encoding";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
};
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".svg", ".json", ".map", ".txt", ".webmanifest", ".ico"]);
/** Smaller than this, compression saves less than its headers cost. */
const MIN_COMPRESS = 1024;

interface Variant {
  body: Buffer;
  etag: string;
}
interface Asset {
  type: string;
  cacheControl: string;
  lastModified: string;
  /** The file can come in another coding: every answer says Vary: Accept-Encoding. */
  vary: boolean;
  /** False while its compressed forms are being made. */
  ready: boolean;
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
}

export interface StaticMount {
  /** The URL path the directory answers under ("/" or "/build"). */
  prefix: string;
  dir: string;
  cacheControl: string;
}

function* walk(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield full;
  }
}

/** The compressed form stored beside `file` when it is newer than the file, else null. */
function stored(file: string, mtimeMs: number, ext: ".br" | ".gz"): Buffer | null {
  try {
    if (fs.statSync(file + ext).mtimeMs >= mtimeMs) return fs.readFileSync(file + ext);
  } catch {
    // not made yet
  }
  return null;
}

// One compression at a time: the thread pool stays free for the database's and the file system's
// work, and a first start on a new build uses at most one core for it (about 2.5 s of CPU).
let queue: Promise<unknown> = Promise.resolve();
function compress(file: string, raw: Buffer, ext: ".br" | ".gz"): Promise<Buffer> {
  const next = queue.then(() => compressNow(file, raw, ext));
  queue = next.catch(() => {});
  return next;
}

/** Makes the compressed form on libuv's thread pool (a start never blocks the event loop: Brotli's
 * best setting takes 0.4 s for the client bundle) and stores it beside the file, atomically, so
 * servers starting together never read half a file. */
async function compressNow(file: string, raw: Buffer, ext: ".br" | ".gz"): Promise<Buffer> {
  const body = await new Promise<Buffer>((resolve, reject) => {
    const done = (e: Error | null, b: Buffer) => (e ? reject(e) : resolve(b));
    if (ext === ".br")
      zlib.brotliCompress(
        raw,
        { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } },
        done,
      );
    else zlib.gzip(raw, { level: 9 }, done);
  });
  try {
    const tmp = `${file}${ext}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    await fs.promises.writeFile(tmp, body);
    await fs.promises.rename(tmp, file + ext);
  } catch {
    // a read-only directory: keep it in memory only
  }
  return body;
}

const etagOf = (body: Buffer, suffix: string) =>
  `"${crypto.createHash("sha1").update(body).digest("base64url").slice(0, 22)}${suffix}"`;

/** Reads every file under the mounts (the first mount that has a path wins). A compressible file
 * whose compressed forms are not stored yet is `ready` once they are made. */
export function loadStaticAssets(mounts: StaticMount[]): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const m of mounts) {
    for (const file of walk(m.dir)) {
      const ext = path.extname(file).toLowerCase();
      if (ext === ".br" || ext === ".gz" || ext === ".tmp" || !(ext in TYPES)) continue;
      const rel = path.relative(m.dir, file).split(path.sep).join("/");
      const url = (m.prefix === "/" ? "" : m.prefix) + "/" + rel;
      if (assets.has(url)) continue;
      const stat = fs.statSync(file);
      const raw = fs.readFileSync(file);
      const etag = etagOf(raw, "");
      const asset: Asset = {
        type: TYPES[ext],
        cacheControl: m.cacheControl,
        lastModified: stat.mtime.toUTCString(),
        vary: false,
        ready: true,
        identity: { body: raw, etag },
      };
      assets.set(url, asset);
      if (!COMPRESSIBLE.has(ext) || raw.length < MIN_COMPRESS) continue;
      const set = (br: Buffer, gz: Buffer) => {
        // Each coding is its own representation, with its own validator.
        if (br.length < raw.length) asset.br = { body: br, etag: etag.replace(/"$/, '-br"') };
        if (gz.length < raw.length) asset.gzip = { body: gz, etag: etag.replace(/"$/, '-gz"') };
        asset.vary = Boolean(asset.br || asset.gzip);
      };
      const br = stored(file, stat.mtimeMs, ".br");
      const gz = stored(file, stat.mtimeMs, ".gz");
      if (br && gz) {
        set(br, gz);
        continue;
      }
      asset.ready = false;
      Promise.all([br ?? compress(file, raw, ".br"), gz ?? compress(file, raw, ".gz")]).then(
        ([b, g]) => {
          set(b, g);
          asset.ready = true;
        },
        () => (asset.ready = true), // sent as it is
      );
    }
  }
  return assets;
}

/** Express middleware: answers GET and HEAD for a known file, passes everything else on (unknown
 * paths, other methods, and a path with a query or an encoded character). `headers` are the security headers every answer carries. */
export function serveStaticAssets(mounts: StaticMount[], headers: Record<string, string>) {
  const assets = loadStaticAssets(mounts);
  const common = Object.entries(headers);
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const asset = assets.get(req.url ?? "");
    if (!asset) return next();
    // While its compressed forms are being made (the first start on a build), the file goes out as it is.
    const coding: Encoding = asset.ready
      ? pickEncoding(req.headers["accept-encoding"], { br: Boolean(asset.br), gzip: Boolean(asset.gzip) })
      : "identity";
    const v = coding === "identity" ? asset.identity : asset[coding]!;
    for (const [k, value] of common) res.setHeader(k, value);
    res.setHeader("Cache-Control", asset.cacheControl);
    res.setHeader("Last-Modified", asset.lastModified);
    res.setHeader("ETag", v.etag);
    if (asset.vary || !asset.ready) res.setHeader("Vary", "Accept-Encoding");
    const inm = req.headers["if-none-match"];
    if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === v.etag || t.trim() === "*")) {
      res.statusCode = 304;
      return res.end();
    }
    res.statusCode = 200;
    res.setHeader("Content-Type", asset.type);
    if (coding !== "identity") res.setHeader("Content-Encoding", coding);
    res.setHeader("Content-Length", v.body.length);
    if (req.method === "HEAD") return res.end();
    res.end(v.body);
  };
}
