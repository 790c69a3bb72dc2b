// The production server: opens the database before it listens, serves static files from memory
// (pre-compressed), compresses pages, caches built assets for a year, sets the security headers, and on SIGTERM finishes requests in flight and exits.
import crypto from "node:crypto";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express from "express";

process.env.NODE_ENV ??= "production";
const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import("./build/index.js");
const portal = build.entry.module;

let env;
try {
  env = await portal.startPortal();
} catch (err) {
  console.error(`[hai-long] cannot start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
const production = env.NODE_ENV === "production";

const app = express();
app.disable("x-powered-by");
// TRUST_PROXY is checked at start (a number of proxies or their addresses; app/kernel/env.server.ts).
// Without it no X-Forwarded-* header is read: the client's address is the socket's.
if (env.TRUST_PROXY !== undefined) app.set("trust proxy", env.TRUST_PROXY);
// One line per request with personal query values and anything like a phone or email masked;
// bodies are never logged (app/kernel/http/redact.ts). LOG_REQUESTS=false turns it off. A write to a pipe
// is a system call made at once: the lines of one turn of the event loop go out in one write.
if (process.env.LOG_REQUESTS !== "false") {
  let pending = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join("\n") + "\n";
    pending = [];
    process.stdout.write(text);
  };
  process.on("exit", flush);
  app.use(portal.requestLogger((line) => pending.push(line) === 1 && setImmediate(flush)));
}
// Static files from memory, with their Brotli and gzip forms made once (built assets for a year:
// their names change with their content). They run no inline script: no nonce in their policy.
const staticHeaders = portal.securityHeaders(undefined, production);
const publicDir = path.join(root, "public");
app.use(
  portal.serveStaticAssets(
    [
      { prefix: "/build", dir: path.join(publicDir, "build"), cacheControl: "public, max-age=31536000, immutable" },
      { prefix: "/", dir: publicDir, cacheControl: "public, max-age=3600" },
    ],
    staticHeaders,
  ),
);
const fixedHeaders = portal.fixedSecurityHeaders(production);
app.use((req, res, next) => {
  // The app reads the client's address from this header (see app/kernel/http/request.server.ts);
  // whatever a client sent under that name is overwritten here.
  req.headers["x-hl-client-ip"] = req.ip ?? "unknown";
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader("Content-Security-Policy", portal.contentSecurityPolicy(res.locals.cspNonce));
  for (const [k, v] of fixedHeaders) res.setHeader(k, v);
  next();
});
// Pages are compressed as they stream; a redirect or an empty answer has nothing to compress.
app.use(
  compression({
    filter: (req, res) => {
      const s = res.statusCode;
      if (s === 204 || s === 304 || (s >= 300 && s < 400)) return false;
      return compression.filter(req, res);
    },
  }),
);
// A file named with encoded characters (and a malformed encoding, which is refused 400) goes to
// the file server; every other path was answered from memory or is no file: no disk look-up.
const encodedOnly = (handler) => (req, res, next) => (req.path.includes("%") ? handler(req, res, next) : next());
app.use("/build", encodedOnly(express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" })));
app.use(encodedOnly(express.static(publicDir, { maxAge: "1h", index: false })));
// Body caps, same-origin forms, the public address and the 400-not-500 rule live in the gate
// (app/kernel/http/http-gate.server.ts, docs/security/http.md).
app.all(
  "*",
  portal.createPortalHandler({
    build,
    mode: env.NODE_ENV,
    trustProxy: env.TRUST_PROXY !== undefined,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip }),
    log: (line) => console.error(line),
  }),
);
app.use(portal.handleServerError((line) => console.error(line)));

const server = app.listen(env.PORT, env.HOST, () => {
  const { port } = server.address();
  console.log(`[hai-long] listening on http://localhost:${port}`);
});
server.keepAliveTimeout = 5_000;
// A client that asks before sending a body ("Expect: 100-continue") is told 413 before it sends a
// byte when its declared length is past the route's cap; otherwise it may go on.
server.on("checkContinue", (req, res) => {
  if (portal.mayContinue(req)) res.writeContinue();
  server.emit("request", req, res);
});

let stopping = false;
const DRAIN_MS = 150;
// Which connections are fresh (accepted, no request read yet) and which sit idle between
// requests. On SIGTERM only the idle ones are closed: http.Server.close() and
// closeIdleConnections() also drop a fresh connection whose request is already on the wire but
// not yet parsed (under load: many of them), and that client gets a reset instead of an answer.
const connections = new Map();
server.on("connection", (socket) => {
  connections.set(socket, { served: 0, active: false });
  socket.once("close", () => connections.delete(socket));
});
server.on("request", (req, res) => {
  const c = connections.get(req.socket);
  if (c) {
    c.served++;
    c.active = true;
    res.once("finish", () => (c.active = false));
  }
  // While stopping, every answer closes its connection behind it.
  if (stopping) res.setHeader("Connection", "close");
});

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[hai-long] ${signal}: finishing requests in flight`);
  // A hard stop well inside the 2 s an orchestrator is promised, whatever still hangs.
  setTimeout(() => process.exit(0), env.SHUTDOWN_GRACE_MS + 400).unref();
  // Connections the kernel already completed wait in the listen backlog until the event loop
  // accepts them (late when a request is busy): closing the listener at once would reset them.
  // So keep accepting for a moment, then stop; net.Server's close leaves open connections alone.
  setTimeout(() => {
    net.Server.prototype.close.call(server, async () => {
      await portal
        .stopPortal()
        .catch((e) => console.error(`[hai-long] stop failed: ${e instanceof Error ? e.message : typeof e}`));
      process.exit(0);
    });
  }, DRAIN_MS);
  const closeIdle = () => {
    for (const [socket, c] of connections) if (c.served > 0 && !c.active) socket.destroy();
  };
  closeIdle();
  // A keep-alive connection that goes idle later: its last answer carried "Connection: close";
  // sweep again in case a client holds it open anyway.
  setInterval(closeIdle, 100).unref();
  setTimeout(() => server.closeAllConnections(), env.SHUTDOWN_GRACE_MS).unref();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
