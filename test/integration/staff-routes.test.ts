// The route inventory: every staff route module in app/routes (every file or folder whose name
// starts with "staff") is found here by reading the directory, so a route added by any feature
// is checked without touching this file. For each one:
//   - it must export `access` (the roles its loader and action accept);
//   - its loader and its action, called without a session, redirect to /staff/login;
//   - called by every role NOT listed for them, they answer 403;
//   - and none of these calls changes a single row of any table.
// Public routes: a module whose `access` lists no roles at all (`{}`) is public and skips these
// checks. Only the routes in PUBLIC may be public, so a staff page that forgets its roles (or
// sets `{}` by mistake) fails here instead of being open to everyone.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { Role, RouteAccess } from "~/features/accounts/auth.server";
import { ALL_ROLES } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const ROUTES = path.resolve(import.meta.dirname, "../../app/routes");
/** Sign-in is where people without a session go; sign-out must work for everyone. */
const PUBLIC = new Set(["staff_.login", "staff_.logout"]);

interface RouteFile {
  id: string;
  file: string;
}

/** Flat-route files and folders (folder/route.tsx) whose name starts with "staff". */
function staffRoutes(): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of fs.readdirSync(ROUTES, { withFileTypes: true })) {
    if (!entry.name.startsWith("staff")) continue;
    if (entry.isDirectory()) {
      const inside = ["route.tsx", "route.ts", "route.jsx", "route.js"].find((f) =>
        fs.existsSync(path.join(ROUTES, entry.name, f)),
      );
      if (inside) out.push({ id: entry.name, file: path.join(ROUTES, entry.name, inside) });
    } else if (/\.(tsx|ts|jsx|js)$/.test(entry.name) && !/\.test\.|\.d\.ts$/.test(entry.name)) {
      out.push({ id: entry.name.replace(/\.(tsx|ts|jsx|js)$/, ""), file: path.join(ROUTES, entry.name) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Remix flat-route naming → a URL and params with a dummy value for every dynamic segment:
 * "staff.users.$id" → /staff/users/1 with { id: "1" }; "staff_.login" → /staff/login. */
function urlFor(id: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments: string[] = [];
  // Dots inside [ ] are literal ("export[.]csv").
  for (const raw of id.match(/(\[[^\]]*\]|[^.])+/g) ?? []) {
    let seg = raw.replace(/_$/, "").replace(/^\((.*)\)$/, "$1");
    if (seg.startsWith("_")) continue; // pathless layout or _index
    if (seg.startsWith("$")) {
      params[seg.slice(1) || "*"] = "1";
      seg = "1";
    }
    segments.push(seg.replace(/[[\]]/g, ""));
  }
  return { url: "/" + segments.join("/"), params };
}

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

/** A loader/action's answer as a Response, whether it returned or threw one. */
async function call(fn: Handler, request: Request, params: Record<string, string>): Promise<Response> {
  try {
    const r = await fn({ request, params, context: {} });
    return r instanceof Response ? r : new Response("(plain data)", { status: 200 });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** Row count and a digest of the contents of every table in this test's schema, so an insert,
 * an update or a delete anywhere shows. staff_session is digested without last_seen_at, which a
 * valid session's request may touch (once a minute) without that being a change of state. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db());
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const source =
      name === "staff_session" ? sql`(select id, user_id, expires_at, revoked_at from staff_session)` : sql.table(name);
    const { rows } = await sql<{ n: number; h: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${source} as t`.execute(
      db(),
    );
    out[name] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

const JUNK = {
  intent: "delete",
  id: "1",
  date: "2026-01-01",
  email: "x@example.com",
  name: "x",
  role: "admin",
  junk: "<script>",
};

const routes = staffRoutes();
const cookies = new Map<Role, string>();

beforeAll(async () => {
  const unitId = await makeUnit();
  for (const role of ALL_ROLES) cookies.set(role, (await signIn(role, unitId)).cookie);
});

describe("staff route inventory", () => {
  it("finds the staff routes on disk, this feature's among them", () => {
    const ids = routes.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "staff",
        "staff._index",
        "staff_.login",
        "staff_.logout",
        "staff.password",
        "staff.users._index",
        "staff.users.$id",
        "staff.audit",
        "staff.settings",
        "staff.agencies._index",
        "staff.agencies.$id",
      ]),
    );
    expect(urlFor("staff.users.$id")).toEqual({ url: "/staff/users/1", params: { id: "1" } });
    expect(urlFor("staff_.login").url).toBe("/staff/login");
    expect(urlFor("staff._index").url).toBe("/staff");
    expect(urlFor("staff.agencies.$id")).toEqual({ url: "/staff/agencies/1", params: { id: "1" } });
    expect(urlFor("staff.reports.export[.]csv").url).toBe("/staff/reports/export.csv");
  });

  // The province role reads every agency's aggregate figures and nothing else (docs/rules/league.md):
  // no page with personal data or one agency's pages, and no write but its own password. A route
  // that lists ALL_ROLES by habit lets it in, so every route's lists are checked against this.
  const PROVINCE_READS = new Set([
    "staff",
    "staff._index",
    "staff.password",
    "staff.province._index",
    "staff.province.$period",
    "staff.province.$period_.document",
    "staff.province.$period_.docx",
  ]);
  const PROVINCE_WRITES = new Set(["staff.password"]);
  it("the province role is let into the league table, the frame and its own password only", async () => {
    const reads: string[] = [];
    const writes: string[] = [];
    for (const route of routes) {
      const { access } = (await import(/* @vite-ignore */ route.file)) as { access?: RouteAccess };
      if (access?.loader?.includes("province")) reads.push(route.id);
      if (access?.action?.includes("province")) writes.push(route.id);
    }
    expect(reads.sort()).toEqual([...PROVINCE_READS].sort());
    expect(writes).toEqual([...PROVINCE_WRITES]);
  });

  for (const route of routes) {
    const title = PUBLIC.has(route.id)
      ? `${route.id}: exports access (a known public route: no roles, no checks)`
      : `${route.id}: exports access; no session → sign-in, other roles → 403, nothing written`;
    it(title, async () => {
      const mod = (await import(/* @vite-ignore */ route.file)) as {
        access?: RouteAccess;
        loader?: Handler;
        action?: Handler;
      };
      expect(mod.access, `${route.id} must export \`access\``).toBeTypeOf("object");
      const access = mod.access!;
      const isPublic = !access.loader?.length && !access.action?.length;
      if (isPublic) {
        expect(
          PUBLIC.has(route.id),
          `${route.id} lists no roles, but only ${[...PUBLIC].join(", ")} may be public`,
        ).toBe(true);
        return;
      }
      const { url, params } = urlFor(route.id);
      const before = await snapshot();
      let checked = 0;
      for (const kind of ["loader", "action"] as const) {
        const fn = mod[kind];
        if (!fn) continue;
        const roles = access[kind];
        expect(roles, `${route.id} has a ${kind} but access.${kind} lists no roles`).toBeInstanceOf(Array);
        expect(roles!.length, `${route.id}: access.${kind} is empty`).toBeGreaterThan(0);
        const request = (cookie: string | null) =>
          kind === "loader" ? staffRequest(url, cookie) : staffRequest(url, cookie, { form: JUNK });

        const anonymous = await call(fn, request(null), params);
        expect(anonymous.status, `${route.id} ${kind} without a session`).toBe(302);
        expect(anonymous.headers.get("Location"), `${route.id} ${kind} without a session`).toMatch(
          /^\/staff\/login(\?|$)/,
        );
        checked++;

        for (const role of ALL_ROLES.filter((r) => !roles!.includes(r))) {
          const res = await call(fn, request(cookies.get(role)!), params);
          expect(res.status, `${route.id} ${kind} as ${role}`).toBe(403);
          checked++;
        }
      }
      expect(await snapshot(), `${route.id} wrote to the database on a refused request`).toEqual(before);
      expect(checked).toBeGreaterThan(0);
    });
  }
});
