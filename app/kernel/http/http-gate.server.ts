// The server's gate between Express and Remix (server.js mounts it in place of
// @remix-run/express's handler). Before any page code runs it refuses, with a short page in the
// reader's language and never a 500:
//   - a body larger than its route allows: at once from the declared Content-Length (the upload is
//     never read), or while streaming, the moment the count passes the cap (413, connection closed);
//   - a form another site made the browser send (403), a body that is not a form (415), a
//     method no page takes (405), a NUL in the address (400).
// It builds the Request Remix sees from PUBLIC_URL, never from the Host header, so no link a page
// makes can point elsewhere; X-Forwarded-* headers never reach the pages. It answers 400 instead
// of 500 when a page failed on input it should have refused (app/kernel/http/bad-input.ts), and marks
// every answer without its own Cache-Control `no-store`. Rules and numbers: docs/security/http.md.
// A route may answer a small form post itself, past Remix, once every check here has passed
// (direct-post.server.ts; the survey's post: docs/decisions/0010-direct-submission-lane.md).
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Transform } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { BodyTooLargeError, isBadInput } from "~/kernel/http/bad-input";
import { LANGS, pickLanguage, type Lang } from "~/kernel/i18n/i18n";
import { redactTarget, safeErrorText } from "~/kernel/http/redact";
import { createI18n } from "~/kernel/http/i18n.server";
import { bodyLimitFor, formatBytes } from "./body-limits.server";
import { directLanes, PLAIN_FORM_TYPE, REMIX_KEYS, type DirectAnswer } from "./direct-post.server";
import { configuredOrigin } from "./public-url.server";
import { writeBody } from "./write-body.server";

type Req = IncomingMessage & { originalUrl?: string };
type Res = ServerResponse;

const REQUEST_ID = "x-hl-request-id";
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

// Requests a page failed on because of their input (set from entry.server's handleError, keyed by
// the id the gate gives each request: Remix copies the Request for data requests).
const badInput = new Set<string>();

/** Called by entry.server's handleError: true when the error was the client's input, which is
 * then answered 400 and logged in one line, without a stack trace. */
export function noteBadInput(error: unknown, request: Request): boolean {
  if (!isBadInput(error)) return false;
  const id = request.headers.get(REQUEST_ID);
  if (id) badInput.add(id);
  return true;
}

type Refusal = "tooLarge" | "unsupported" | "crossSite" | "badRequest" | "method" | "error";
const STATUS: Record<Refusal, number> = {
  tooLarge: 413,
  unsupported: 415,
  crossSite: 403,
  badRequest: 400,
  method: 405,
  error: 500,
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page that needs no stylesheet or script: the reader's language first, then the other one. */
export function refusalPage(kind: Refusal, lang: Lang, params: Record<string, string> = {}): string {
  const status = STATUS[kind];
  const section = (l: Lang, first: boolean) => {
    const t = createI18n(l).t;
    const h = first ? "h1" : "h2";
    return `<section lang="${l}"><${h}>${escapeHtml(t(`http.${kind}Title`))}</${h}><p>${escapeHtml(t(`http.${kind}Body`, params))}</p><p>${escapeHtml(t("http.code", { status }))}</p><p><a href="/">${escapeHtml(t("http.backHome"))}</a></p></section>`;
  };
  const other = LANGS.find((l) => l !== lang)!;
  const title = escapeHtml(createI18n(lang).t(`http.${kind}Title`));
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Hài Lòng</title></head><body><main>${section(lang, true)}<hr>${section(other, false)}</main></body></html>`;
}

const header = (req: Req, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Answers a refusal; `close` ends the connection after it, so an unread upload stops there. */
export function refuse(
  req: Req,
  res: Res,
  kind: Refusal,
  opts: { close?: boolean; params?: Record<string, string> } = {},
) {
  if (res.headersSent) {
    if (opts.close) req.socket.destroy();
    return;
  }
  const lang = pickLanguage(header(req, "cookie") ?? null, header(req, "accept-language") ?? null);
  const body = refusalPage(kind, lang, opts.params);
  res.statusCode = STATUS[kind];
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  if (kind === "method") res.setHeader("Allow", [...METHODS].join(", "));
  if (opts.close) {
    res.setHeader("Connection", "close");
    lingerThenClose(req);
  }
  res.end(body);
}

const LINGER_MS = 1000;
// 1 MiB was too little: a client sending at ~13 MB/s passed it in ~80 ms, before it had read the
// 413, and got a reset instead (seen in CI: one refusal of 274 arrived as a closed connection).
// 8 MiB gives such a link ~0.6 s; the time cap bounds slower ones.
const LINGER_BYTES = 8 * 1024 * 1024;

/** Closing a connection while the client is still sending makes the kernel answer its next bytes
 * with a reset, and a client that had not yet read our 413 loses it. So the rest of the body is
 * read and thrown away for a moment (at most 1 s or 8 MiB) before the connection is cut: the
 * client reads the answer, and the server holds no more than one chunk of it at a time. */
function lingerThenClose(req: Req) {
  const socket = req.socket;
  let drained = 0;
  req.unpipe();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > LINGER_BYTES) socket.destroy();
  });
  req.resume();
  // Node calls destroySoon() once a "Connection: close" answer is out: end our side now (the
  // client sees the answer end), cut the connection a moment later.
  socket.destroySoon = function (this: typeof socket) {
    this.end();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

/** A form another site made the browser send: Sec-Fetch-Site says so, or Origin names a host that
 * is neither the portal's public one nor the one the request came to (the Host header, or with
 * TRUST_PROXY the proxy's X-Forwarded-Host). Comparing Origin with Host is safe here: a browser
 * always sends the real Host, so only a non-browser could make them match, and it holds no
 * victim's cookies. */
export function isCrossSite(req: Req, publicHost: string, trustProxy: boolean): boolean {
  const site = header(req, "sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = header(req, "origin");
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" or malformed
  }
  if (!host) return true;
  const forwarded = trustProxy ? header(req, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return host !== publicHost && host !== header(req, "host") && host !== forwarded;
}

export interface GateOptions {
  build: ServerBuild;
  mode: string;
  /** TRUST_PROXY is set: X-Forwarded-Host may name the host a form was sent to. */
  trustProxy: boolean;
  getLoadContext: (req: Req, res: Res) => AppLoadContext;
  /** One line per failure, never a body. */
  log: (line: string) => void;
}

/** Answers read whole before they are sent: plain text and data, never pages or files (a CSV
 * export streams as text/csv, and pages stream as text/html). */
const SMALL_TYPES = /^(text\/plain|application\/json)\b/i;

/** Forms up to this size are read whole before the page sees them (larger ones, and uploads, stream). */
const SMALL_FORM = 64 * 1024;

/** The whole body of a request whose length is declared and within its cap; null when the client
 * went away before sending it all. */
function readWhole(req: Req): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      chunks.push(c);
      size += c.byteLength;
    });
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", () => resolve(null));
    req.once("close", () => {
      if (!req.complete) resolve(null);
    });
  });
}

/** The body as a stream that fails, answers 413 and ends the connection the moment it passes
 * the route's cap, however much more the client meant to send. */
function streamCapped(req: Req, res: Res, limit: number, controller: AbortController): ReadableStream<Uint8Array> {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.byteLength;
      if (seen <= limit) return done(null, chunk);
      // Past the cap: the reader gets an error, the client its 413, and the connection ends.
      controller.abort();
      refuse(req, res, "tooLarge", { close: true, params: { max: formatBytes(limit) } });
      done(new BodyTooLargeError(limit));
    },
  });
  req.on("error", (e) => counter.destroy(e));
  // A reader that gives up early cancels the body with its reason (the form reader's own cap is
  // below the gate's on the minutes page), and the stream adapter destroys this counter with it
  // after it has stopped listening. The reader already has that error; heard by no one, the
  // 'error' event would end the process.
  counter.on("error", () => {});
  req.pipe(counter);
  return createReadableStreamFromReadable(counter);
}

/** Sends a page's answer (from Remix or a direct lane) as the gate always has. */
async function writeAnswer(req: Req, res: Res, response: Response, unsafe: boolean, status = response.status) {
  if (res.headersSent || res.writableEnded) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  res.statusCode = status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [k, v] of response.headers.entries()) res.appendHeader(k, v);
  // Pages with personal data must not stay in a shared browser's cache or a proxy's; a page
  // that may be cached says so itself.
  if (!response.headers.has("cache-control")) res.setHeader("Cache-Control", "no-store");
  // A body the page did not read (no action, or refused early) ends its connection.
  if (unsafe && !req.complete) res.setHeader("Connection", "close");
  if (
    response.body &&
    SMALL_TYPES.test(response.headers.get("content-type") ?? "") &&
    !response.headers.has("content-length")
  ) {
    // A short text or data answer (/healthz's "ok", a page's data) goes out whole with its
    // length, so the compressor skips what is too small to gain from it.
    const whole = Buffer.from(await response.arrayBuffer());
    res.setHeader("Content-Length", whole.byteLength);
    res.end(whole);
  } else if (response.body) await writeBody(response.body, res);
  else res.end();
}

export function createPortalHandler(o: GateOptions) {
  const handle = createRequestHandler(o.build, o.mode);
  const origin = configuredOrigin();
  const publicHost = new URL(origin).host;
  const laneOf = directLanes(o.build);

  /** A post some route answers itself (direct-post.server.ts), or null: Remix answers it. Called
   * once every check above has passed and the body is read whole. */
  async function tryLane(req: Req, target: string, body: Buffer): Promise<DirectAnswer | null> {
    // The address exactly as the page would see it (the Request's URL): its path and query.
    const url = new URL(origin + target);
    const lane = laneOf(url.pathname);
    if (!lane || REMIX_KEYS.some((k) => url.searchParams.has(k))) return null;
    return lane.handler({
      params: { ...lane.params }, // the cached match is shared: each post gets its own copy
      search: url.searchParams,
      site: header(req, "sec-fetch-site") ?? null,
      // What the page's Request carries: the public origin in place of one the gate accepted.
      origin: header(req, "origin") === undefined ? null : origin,
      host: publicHost,
      cookie: header(req, "cookie") ?? null,
      acceptLanguage: header(req, "accept-language") ?? null,
      clientIp: header(req, "x-hl-client-ip") ?? "unknown",
      body,
    });
  }

  return async (req: Req, res: Res) => {
    const method = req.method ?? "GET";
    const target = req.originalUrl ?? req.url ?? "/";
    const declaredRaw = header(req, "content-length");
    const declared = declaredRaw === undefined ? null : Number(declaredRaw);
    const hasBody = header(req, "transfer-encoding") !== undefined || (declared !== null && declared > 0);
    const close = hasBody; // an unread body ends its connection
    if (!METHODS.has(method)) return refuse(req, res, "method", { close });
    // A request target must be a path ("*" and absolute forms are not for this server); a NUL
    // cannot be stored by PostgreSQL and no one types one.
    if (!target.startsWith("/") || target.startsWith("//") || /%00/i.test(target))
      return refuse(req, res, "badRequest", { close });
    const pathname = target.split("?")[0];
    const limit = bodyLimitFor(pathname);
    // Refused before a byte of the body is read: a 12 MB attachment costs the phone nothing.
    if (declared !== null && declared > limit)
      return refuse(req, res, "tooLarge", { close: true, params: { max: formatBytes(limit) } });

    const unsafe = method !== "GET" && method !== "HEAD";
    let body: ReadableStream<Uint8Array> | Buffer | undefined;
    const controller = new AbortController();
    let laneContext: Partial<AppLoadContext> | undefined;
    if (unsafe) {
      if (isCrossSite(req, publicHost, o.trustProxy)) return refuse(req, res, "crossSite", { close });
      const type = (header(req, "content-type") ?? "").split(";")[0].trim().toLowerCase();
      if (hasBody && !FORM_TYPES.has(type)) return refuse(req, res, "unsupported", { close });
      if (type === "multipart/form-data" && !/;\s*boundary=/i.test(header(req, "content-type") ?? ""))
        return refuse(req, res, "unsupported", { close });
      if (
        type === "application/x-www-form-urlencoded" &&
        declared !== null &&
        declared <= SMALL_FORM &&
        header(req, "transfer-encoding") === undefined
      ) {
        // A small form (a survey answer: about 1 KB) is read whole first: one buffer instead of a
        // byte counter and two stream adapters per request. Node never hands over more than the
        // declared length, which is within the route's cap (checked above).
        const whole = await readWhole(req);
        if (!whole) return; // the client went away mid-body
        body = whole;
        if (method === "POST" && PLAIN_FORM_TYPE.test(header(req, "content-type") ?? "")) {
          let lane: DirectAnswer | null;
          try {
            lane = await tryLane(req, target, whole);
            if (lane && "answer" in lane) return await writeAnswer(req, res, lane.answer, true);
          } catch (e) {
            // A lane hands what fails inside it to Remix's error handling itself: this is a fault.
            o.log(`[error] ${method} ${redactTarget(target)}\n${safeErrorText(e)}`);
            return refuse(req, res, "error");
          }
          laneContext = lane?.context;
        }
      } else {
        body = streamCapped(req, res, limit, controller);
      }
    }

    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      // Host and the forwarding headers are the client's word: pages never see them.
      if (v === undefined || k === "host" || k.startsWith("x-forwarded-") || k === "forwarded" || k === REQUEST_ID)
        continue;
      for (const x of Array.isArray(v) ? v : [v]) headers.append(k, x);
    }
    headers.set("host", publicHost);
    const id = crypto.randomUUID();
    headers.set(REQUEST_ID, id);
    if (unsafe) {
      // Remix compares Origin with Host itself (and throws, a 500): the gate has checked it above.
      if (headers.has("origin")) headers.set("origin", origin);
      // An empty POST reads as an empty form (the page's "required" messages), not a TypeError.
      if (!hasBody) headers.set("content-type", "application/x-www-form-urlencoded");
    }
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });

    const request = new Request(origin + target, {
      method,
      headers,
      body,
      signal: controller.signal,
      ...(body ? { duplex: "half" } : {}),
    } as RequestInit);
    try {
      const context = o.getLoadContext(req, res);
      const response = await handle(request, laneContext ? { ...context, ...laneContext } : context);
      if (badInput.has(id) && response.status === 500) {
        await writeAnswer(req, res, response, unsafe, 400);
      } else await writeAnswer(req, res, response, unsafe);
    } catch (e) {
      if (res.headersSent) {
        if (!res.writableEnded) res.destroy();
        return;
      }
      if (isBadInput(e)) return refuse(req, res, "badRequest", { close: unsafe && !req.complete });
      o.log(`[error] ${method} ${redactTarget(target)}\n${safeErrorText(e)}`);
      refuse(req, res, "error", { close: unsafe && !req.complete });
    } finally {
      badInput.delete(id);
    }
  };
}

/** Express's last error handler: errors raised before the gate (a malformed path in the static
 * file server) answer with their own 4xx; anything else is a 500 page, logged once. */
export function handleServerError(log: (line: string) => void) {
  return (err: unknown, req: Req, res: Res, _next: unknown) => {
    const status = Number(
      (err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode,
    );
    if (status >= 400 && status < 500)
      return refuse(req, res, status === 413 ? "tooLarge" : "badRequest", {
        close: !req.complete,
        params: { max: formatBytes(bodyLimitFor((req.url ?? "/").split("?")[0])) },
      });
    log(`[error] ${req.method} ${redactTarget(req.originalUrl ?? req.url ?? "/")}\n${safeErrorText(err)}`);
    refuse(req, res, "error", { close: !req.complete });
  };
}

/** For server.js's `checkContinue`: whether to let a client that asked first send its body. */
export function mayContinue(req: Req): boolean {
  const declared = Number(header(req, "content-length") ?? 0);
  return !(declared > bodyLimitFor((req.url ?? "/").split("?")[0]));
}
