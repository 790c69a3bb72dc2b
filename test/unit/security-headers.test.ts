import { securityHeaders } from "~/utils/security-headers.server";

describe("securityHeaders", () => {
  it("allows only the portal's own scripts and this response's nonce, and no framing", () => {
    const h = securityHeaders("abc123", false);
    const csp = h["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Strict-Transport-Security"]).toBeUndefined();
  });
  it("adds HSTS in production", () => {
    expect(securityHeaders("n", true)["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
  });
});
