// The pure parts of the HTTP gate (docs/security/http.md): settings, caps, the same-origin rule,
// the bad-input net and the refusal page.
import type { IncomingMessage } from "node:http";
import { BodyTooLargeError, isBadInput } from "~/kernel/http/bad-input";
import { isDbId, pageNumber } from "~/kernel/db/ids";
import { staffReturnPath } from "~/features/accounts/staff-nav";
import { bodyLimitFor } from "~/kernel/http/body-limits.server";
import { parseEnv, parseTrustProxy } from "~/kernel/env.server";
import { isCrossSite, refusalPage } from "~/kernel/http/http-gate.server";

const MiB = 1024 * 1024;
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("TRUST_PROXY", () => {
  it("takes a number of proxies or their addresses, and refuses 'true' and nonsense with a message", () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy("false")).toBeUndefined();
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("10.0.0.5, 10.1.0.0/16,loopback")).toEqual(["10.0.0.5", "10.1.0.0/16", "loopback"]);
    expect(parseTrustProxy("::1/128")).toEqual(["::1/128"]);
    expect(parseTrustProxy("true")).toMatch(/would trust an X-Forwarded-For header from anyone/);
    expect(parseTrustProxy("10.0.0.0/33")).toMatch(/is not an address/);
    expect(parseTrustProxy("proxy.example")).toMatch(/is not an address/);
    expect(parseTrustProxy("11")).toMatch(/at most 10/);
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: "true"/);
  });
});

describe("PUBLIC_URL", () => {
  it("is required in production and must be an origin", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SEED_DEMO: "false" })).toThrow(
      /PUBLIC_URL: required in production/,
    );
    // The demo (SEED_DEMO on by default, public passwords) runs at http://localhost:PORT.
    expect(parseEnv({ NODE_ENV: "production" }).PUBLIC_URL).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://a.example/app" })).toThrow(/origin only/);
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "ftp://a.example" })).toThrow(/origin only/);
    expect(parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://hailong.example.gov.vn/" }).PUBLIC_URL).toBe(
      "https://hailong.example.gov.vn",
    );
    expect(parseEnv({ NODE_ENV: "development" }).PUBLIC_URL).toBeUndefined();
  });
});

describe("body caps", () => {
  it("gives upload routes 10 MiB of files + 1 MiB, every other route 1 MiB", () => {
    expect(bodyLimitFor("/feedback")).toBe(11 * MiB);
    expect(bodyLimitFor("/feedback/status")).toBe(11 * MiB);
    expect(bodyLimitFor("/staff/dialogues/3/minutes")).toBe(11 * MiB);
    expect(bodyLimitFor("/staff/coverage/import")).toBe(2_000_000 + MiB);
    expect(bodyLimitFor("/s/khao-sat-hai-long")).toBe(MiB);
    expect(bodyLimitFor("/feedback/sent")).toBe(MiB);
    expect(bodyLimitFor("/feedbackx")).toBe(MiB);
  });
});

describe("same-origin forms", () => {
  const pub = "hailong.example.gov.vn";
  it("accepts the public host or the host the request came to, and nothing else", () => {
    expect(isCrossSite(req({ host: "10.0.0.7:3000" }), pub, false)).toBe(false); // no Origin: not a browser form
    expect(isCrossSite(req({ host: "10.0.0.7:3000", origin: `https://${pub}` }), pub, false)).toBe(false);
    expect(isCrossSite(req({ host: "localhost:3000", origin: "http://localhost:3000" }), pub, false)).toBe(false);
    expect(isCrossSite(req({ host: pub, origin: "https://evil.example" }), pub, false)).toBe(true);
    expect(isCrossSite(req({ host: pub, origin: "null" }), pub, false)).toBe(true);
    expect(isCrossSite(req({ host: pub, origin: "%%%" }), pub, false)).toBe(true);
    expect(isCrossSite(req({ host: pub, "sec-fetch-site": "cross-site" }), pub, false)).toBe(true);
    expect(isCrossSite(req({ host: pub, "sec-fetch-site": "same-site" }), pub, false)).toBe(true);
  });
  it("reads X-Forwarded-Host only with TRUST_PROXY", () => {
    const r = req({ host: "10.0.0.7:3000", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(isCrossSite(r, pub, false)).toBe(true);
    expect(isCrossSite(r, pub, true)).toBe(false);
  });
});

describe("the bad-input net", () => {
  it("knows the client's input from a fault", () => {
    expect(isBadInput(new BodyTooLargeError(1))).toBe(true);
    expect(
      isBadInput(Object.assign(new Error('value "99999999999" is out of range for type integer'), { code: "22003" })),
    ).toBe(true);
    expect(isBadInput(Object.assign(new Error("invalid byte sequence"), { code: "22021" }))).toBe(true);
    expect(
      isBadInput(
        new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".'),
      ),
    ).toBe(true);
    expect(isBadInput(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isBadInput(Object.assign(new Error("relation does not exist"), { code: "42P01" }))).toBe(false);
    expect(isBadInput(Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" }))).toBe(false);
  });
});

describe("ids and pages", () => {
  it("keeps ids within PostgreSQL's integer and pages within reach", () => {
    expect(isDbId(2_147_483_647)).toBe(true);
    expect(isDbId(2_147_483_648)).toBe(false);
    expect(isDbId(0)).toBe(false);
    expect(isDbId(1.5)).toBe(false);
    expect(pageNumber(1e308)).toBe(100_000);
    expect(pageNumber(Number.NaN)).toBe(1);
    expect(pageNumber(-3)).toBe(1);
  });
  it("percent-encodes a sign-in's return address and still keeps it in the staff area", () => {
    expect(staffReturnPath("/staff/Ā")).toBe("/staff/%C4%80");
    expect(staffReturnPath("/staff/../x")).toBe("/staff");
    expect(staffReturnPath("/staff/%2e%2e/login")).toBe("/staff");
  });
});

describe("the refusal page", () => {
  it("speaks the reader's language first and the other one after, and escapes nothing unsafe in", () => {
    const vi = refusalPage("tooLarge", "vi", { max: "11 MB" });
    expect(vi).toContain('<html lang="vi"');
    expect(vi.indexOf("Nội dung gửi lên quá lớn")).toBeLessThan(vi.indexOf("What you sent is too large"));
    expect(vi).toContain("11 MB");
    const en = refusalPage("crossSite", "en");
    expect(en.indexOf("Request refused")).toBeLessThan(en.indexOf("Yêu cầu bị từ chối"));
    expect(refusalPage("tooLarge", "vi", { max: "<script>" })).not.toContain("<script>");
  });
});
