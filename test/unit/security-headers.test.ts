import { securityHeaders } from "~/kernel/http/security-headers.server";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...rest] = d.trim().split(/\s+/);
      return [name, rest.join(" ")] as [string, string];
    }),
  );
}

describe("securityHeaders", () => {
  it("allows only the portal's own scripts and this response's nonce, and no framing", () => {
    const h = securityHeaders("abc123", false);
    const csp = directives(h["Content-Security-Policy"]);
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123'");
    // No inline script, and style sheets only from the portal; only style attributes are inline.
    expect(h["Content-Security-Policy"].match(/'unsafe-inline'/g)).toHaveLength(1);
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    expect(csp.get("style-src")).toBe("'self'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Strict-Transport-Security"]).toBeUndefined();
  });
  it("adds HSTS in production only", () => {
    expect(securityHeaders("n", true)["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(securityHeaders("n", false)["Strict-Transport-Security"]).toBeUndefined();
  });
  it("puts each response's own nonce in", () => {
    expect(securityHeaders("one", true)["Content-Security-Policy"]).toContain("'nonce-one'");
    expect(securityHeaders("two", true)["Content-Security-Policy"]).not.toContain("'nonce-one'");
  });
});
