// Fuzzing the language switch (/lang/:lng?to=…): any language and any return address give either
// the not-found page or a redirect to a path on this site, never a 5xx or a way off the site.
import fc from "fast-check";
import { loader } from "~/routes/lang.$lng";
import { nastyString, RUNS, FUZZ_TIMEOUT } from "../support/fuzz";

async function call(lng: string, to: string | null) {
  const url = new URL("http://localhost/lang/x");
  if (to !== null) url.searchParams.set("to", to);
  try {
    return await loader({ request: new Request(url), params: { lng }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe("language switch, fuzzed", () => {
  it("percent-encodes a return path with letters beyond Latin-1 instead of failing (found by fuzzing)", async () => {
    const res = await call("vi", "/Ā?q=Tiền Giang");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/%C4%80?q=Ti%E1%BB%81n%20Giang");
    // What the URL parser turns into a protocol-relative address is refused.
    expect((await call("en", "/\t/evil.example")).headers.get("Location")).toBe("/");
    expect((await call("en", "/.//evil.example")).headers.get("Location")).not.toMatch(/^\/\//);
  });

  it(
    `sets only vi or en and never redirects off the site (${RUNS} cases)`,
    async () => {
      const toArb = fc.oneof(
        nastyString,
        fc.constantFrom(
          null,
          "//evil.example",
          "https://evil.example/",
          "/\\evil.example",
          "\\\\evil",
          "/feedback?x=1#a",
          "javascript:alert(1)",
          "/%2F%2Fevil",
        ),
        fc.webUrl(),
        fc.webPath(),
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constantFrom("vi", "en", "VI", "fr", ""), nastyString), toArb, async (lng, to) => {
          const res = await call(lng, to);
          if (lng !== "vi" && lng !== "en") {
            expect(res.status).toBe(404);
            return;
          }
          expect(res.status).toBe(302);
          const loc = res.headers.get("Location")!;
          // A path on this site: one leading slash, no scheme, no protocol-relative or backslash tricks.
          expect(loc).toMatch(/^\/(?![/\\])/);
          expect(new URL(loc, "http://localhost").host).toBe("localhost");
          expect(res.headers.get("Set-Cookie")).toMatch(new RegExp(`^lng=${lng};`));
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );
});
