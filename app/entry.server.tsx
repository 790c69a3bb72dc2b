import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/kernel/ui/nonce";
import { isDatabaseUnavailable } from "~/kernel/db/db-errors";
import { redactTarget, safeErrorText } from "~/kernel/http/redact";
import { htmlBodyStream } from "~/kernel/http/html-stream.server";
import { noteBadInput } from "~/kernel/http/http-gate.server";
import { createI18n, getLang } from "~/kernel/http/i18n.server";

// server.js reaches the portal's start-up and shutdown through the built entry module, so the
// TypeScript database layer is bundled once and shared with the routes.
export { startPortal, stopPortal } from "~/kernel/lifecycle.server";
export { contentSecurityPolicy, fixedSecurityHeaders, securityHeaders } from "~/kernel/http/security-headers.server";
export { serveStaticAssets } from "~/kernel/http/static-assets.server";
export { requestLogger } from "~/kernel/http/request-log";
export { createPortalHandler, handleServerError, mayContinue } from "~/kernel/http/http-gate.server";

// Requests that failed because the database was out of reach: they are answered 503 with
// Retry-After (a moment's outage, "try again"), not 500 (something is broken). Remix reports the
// error here before it renders the error page, with the same Request object.
const databaseUnavailable = new WeakSet<Request>();
const RETRY_AFTER_S = "10";

/** Remix logs a loader's or action's error through this: the masked error and the redacted path,
 * never the request body or headers (a form's phone and email must not reach the logs). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const url = new URL(request.url);
  // The client's own bad input (a body that is no form, a number PostgreSQL refuses): answered
  // 400 by the server's gate, one line in the log and no stack trace.
  if (noteBadInput(error, request)) {
    console.error(
      `[bad-input] ${request.method} ${redactTarget(url.pathname + url.search)}: ${error instanceof Error ? error.message.split("\n")[0].slice(0, 200) : typeof error}`,
    );
    return;
  }
  if (isDatabaseUnavailable(error)) databaseUnavailable.add(request);
  console.error(`[error] ${request.method} ${redactTarget(url.pathname + url.search)}\n${safeErrorText(error)}`);
}

/** The same for a client-side navigation's data request. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (response.status !== 500 || !databaseUnavailable.has(request)) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", RETRY_AFTER_S);
  return new Response(response.body, { status: 503, headers });
}

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode === 500 && databaseUnavailable.has(request)) {
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", RETRY_AFTER_S);
  }
  const nonce = (loadContext as { cspNonce?: string })?.cspNonce ?? "";
  const i18n = createI18n(getLang(request));
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // Not a bare PassThrough: react-dom pads some chunks with NUL bytes (app/kernel/http/nul-bytes.ts).
          const body = htmlBodyStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.append("Vary", "Cookie, Accept-Language");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(`[render] ${safeErrorText(error)}`);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
