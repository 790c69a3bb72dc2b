// The gate's direct lanes (docs/decisions/0010-direct-submission-lane.md): which posts a route's
// `directPost` gets (only those that passed every check of the gate, of the exact shape a browser
// sends, on the route Remix itself would pick), what it is given, and that everything else, and
// every post the lane hands on, reaches Remix as before. A fake two-route build behind the real gate.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { directLanes, type DirectPost } from "~/kernel/http/direct-post.server";
import { createPortalHandler } from "~/kernel/http/http-gate.server";
import { readPostedFields, urlencodedFields } from "~/kernel/http/request.server";
import { RUNS } from "../support/fuzz";

const seen: DirectPost[] = [];
/** The lane answers itself unless the form says `pass`; then Remix gets `{ fromLane: 1 }`. */
async function directPost(post: DirectPost) {
  seen.push(post);
  const fields = urlencodedFields(post.body);
  if (fields.get("pass")) return { pass: true as const, context: { fromLane: 1 } };
  return { answer: new Response(null, { status: 302, headers: { Location: "/lane", "Cache-Control": "no-store" } }) };
}
/** Without a default export the route is a resource route: Remix answers with the action's own
 * response, which says it came from Remix and what the load context held. */
const surveyModule = {
  directPost,
  action: ({ context }: { context: Record<string, unknown> }) =>
    Response.json({ via: "remix", fromLane: context.fromLane ?? null }),
};
const build = {
  entry: { module: { default: () => new Response("document") } },
  routes: {
    root: { id: "root", path: "", module: {} },
    // A sibling that ties with s/:slug on "/s/feedback" and comes first: Remix picks it there.
    "routes/$agency.feedback": {
      id: "routes/$agency.feedback",
      parentId: "root",
      path: ":agency/feedback",
      module: { action: surveyModule.action },
    },
    "routes/s.$slug": { id: "routes/s.$slug", parentId: "root", path: "s/:slug", module: surveyModule },
    "routes/$agency.s.$slug": {
      id: "routes/$agency.s.$slug",
      parentId: "root",
      path: ":agency/s/:slug",
      module: surveyModule,
    },
    "routes/s.$slug_.thanks": {
      id: "routes/s.$slug_.thanks",
      parentId: "root",
      path: "s/:slug/thanks",
      module: { action: surveyModule.action },
    },
  },
  assets: { routes: {}, version: "test", entry: { imports: [], module: "" }, url: "" },
  future: {},
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  mode: "production",
  isSpaMode: false,
} as unknown as ServerBuild;

let server: http.Server;
let base: string;
beforeAll(async () => {
  const gate = createPortalHandler({
    build,
    mode: "production",
    trustProxy: false,
    getLoadContext: () => ({}),
    log: () => {},
  });
  server = http.createServer((req, res) => {
    // As server.js does: the client's address is the socket's, whatever the client sent.
    req.headers["x-hl-client-ip"] = "192.0.2.1";
    void gate(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (seen.length = 0));

const FORM = "application/x-www-form-urlencoded";
function post(path: string, body: string | Buffer, headers: Record<string, string> = {}, method = "POST") {
  const u = new URL(base + path);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method, path, headers: { "content-type": FORM, ...headers }, agent: false },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    if (headers["transfer-encoding"] === "chunked") {
      req.write(body);
      req.end();
    } else req.end(body);
  });
}

describe("the direct lane of a post", () => {
  it("answers a plain small form post itself, given plain values as the page would read them", async () => {
    const r = await post("/tg/s/khao-sat?lng=en&c=abc", "a=1&a=2&x=%E2%82%AC", {
      origin: "http://localhost:3000",
      cookie: "lng=vi; hl_dev=abc",
      "accept-language": "en-US",
      "x-forwarded-for": "198.51.100.9",
    });
    expect([r.status, r.headers.location, r.headers["cache-control"]]).toEqual([302, "/lane", "no-store"]);
    expect(seen).toHaveLength(1);
    const p = seen[0];
    expect(p.params).toEqual({ agency: "tg", slug: "khao-sat" });
    expect([...p.search]).toEqual([
      ["lng", "en"],
      ["c", "abc"],
    ]);
    // The Origin the gate accepted is handed on as the public one, with the public host.
    expect([p.origin, p.host, p.site]).toEqual(["http://localhost:3000", "localhost:3000", null]);
    expect([p.cookie, p.acceptLanguage, p.clientIp]).toEqual(["lng=vi; hl_dev=abc", "en-US", "192.0.2.1"]);
    expect([...urlencodedFields(p.body)]).toEqual([
      ["a", ["1", "2"]],
      ["x", ["€"]],
    ]);
    // The default agency's address too; a charset parameter is still a plain form.
    expect((await post("/s/khao-sat", "a=1", { "content-type": `${FORM}; charset=UTF-8` })).headers.location).toBe(
      "/lane",
    );
    expect(seen[1].params).toEqual({ slug: "khao-sat" });
  });

  it("hands a post on to Remix with what the lane learnt in the load context", async () => {
    const r = await post("/s/khao-sat", "pass=1");
    expect(JSON.parse(r.body)).toEqual({ via: "remix", fromLane: 1 });
    expect(seen).toHaveLength(1);
  });

  it("leaves every post of another shape or route to Remix, untouched", async () => {
    const remix = JSON.stringify({ via: "remix", fromLane: null });
    const cases: [string, string | Buffer, Record<string, string>, string?][] = [
      ["/s/khao-sat", "a=1", { "transfer-encoding": "chunked" }], // not read whole
      ["/s/khao-sat?_data=routes%2Fs.%24slug", "a=1", {}], // a data request
      ["/s/khao-sat?index", "a=1", {}],
      ["/s/khao-sat", "a=1", {}, "PUT"],
      ["/s/khao-sat", "--b\r\n\r\n--b--", { "content-type": "multipart/form-data; boundary=b" }],
      ["/s/khao-sat/thanks", "a=1", {}], // another route
      ["/s/feedback", "a=1", {}], // a tie Remix gives the route listed first
    ];
    for (const [path, body, headers, method] of cases) {
      const r = await post(path, body, headers, method);
      expect(r.body, `${method ?? "POST"} ${path} ${JSON.stringify(headers)}`).toBe(remix);
    }
    expect(seen).toHaveLength(0);
  });

  it("never sees a post the gate refuses: another site's form, a body over the cap", async () => {
    const refused: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of refused) expect((await post("/s/khao-sat", "a=1", headers)).status).toBe(403);
    expect((await post("/s/khao-sat", "a".repeat(1024 * 1024 + 1))).status).toBe(413);
    expect(seen).toHaveLength(0);
  });
});

describe("matching a path to its lane", () => {
  it("picks the route Remix picks, with its decoded params, and remembers it", () => {
    const laneOf = directLanes(build);
    expect(laneOf("/s/kh%E1%BA%A3o")?.params).toEqual({ slug: "khảo" });
    expect(laneOf("/TG/s/x/")?.params).toEqual({ agency: "TG", slug: "x" });
    expect(laneOf("/S/x")?.params).toEqual({ slug: "x" }); // Remix matches case-insensitively
    for (const miss of ["/s", "/s/x/thanks", "/a/b/s/x", "/s/feedback", "/"]) expect(laneOf(miss), miss).toBeNull();
    expect(laneOf("/s/x")).toBe(laneOf("/s/x"));
  });
});

describe("a urlencoded body read whole", () => {
  const viaRequest = async (body: Uint8Array) => [
    ...(await readPostedFields(
      new Request("http://x/", { method: "POST", body: Buffer.from(body), headers: { "content-type": FORM } }),
    )),
  ];

  it("reads as Request.formData() reads it: a byte-order mark, bad escapes, bad UTF-8, NULs, '+'", async () => {
    const bodies = ["\ufeffa=1", "b=%ZZ&c=%E2%82%AC+x&&=&d&a=2", "n%00ul=x%00y", "q=%C3%28&r=\u00e9", ""];
    for (const b of bodies) expect([...urlencodedFields(Buffer.from(b))], b).toEqual(await viaRequest(Buffer.from(b)));
    expect([...urlencodedFields(Buffer.from([0x61, 0x3d, 0xff, 0xfe]))]).toEqual(
      await viaRequest(Buffer.from([0x61, 0x3d, 0xff, 0xfe])),
    );
  });

  it(`agrees with Request.formData() on any bytes (${RUNS} cases)`, async () => {
    const chars = fc.constantFrom(..."a=&%+ 2EFC3\u0000\ufeffệ".split(""));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 60 }),
          fc.array(chars, { maxLength: 40 }).map((a) => new TextEncoder().encode(a.join(""))),
        ),
        async (bytes) => {
          expect([...urlencodedFields(bytes)]).toEqual(await viaRequest(bytes));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
