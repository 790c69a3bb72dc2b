/// <reference types="vite/client" />
// Fuzzing every staff action, signed in as each role: bodies with missing, repeated and hostile
// fields, sent urlencoded, multipart, as JSON, as garbage or empty, by POST, PUT, PATCH or DELETE,
// with hostile route ids. What must hold (docs/security/http.md): never a 5xx (nor an error
// thrown past the action, which the server turns into one); a role the action is not for gets
// 403 and changes nothing; any field message names a text that exists in the reader's language.
import fc from "fast-check";
import type { ActionFunctionArgs } from "@remix-run/node";
import type { RouteAccess } from "~/features/accounts/auth.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { db } from "~/kernel/db/db.server";
import type { Role } from "../../db/tables/staff";
import { makeUnit, signIn } from "../support/staff";
import {
  callAction,
  encodingArb,
  makePost,
  nastyString,
  nextIp,
  rowCounts,
  RUNS,
  FUZZ_TIMEOUT,
  type Encoding,
  type Fields,
} from "../support/fuzz";

type RouteModule = { action?: (args: ActionFunctionArgs) => Promise<Response>; access?: RouteAccess };
const modules = import.meta.glob<RouteModule>("../../app/routes/staff*.{ts,tsx}", { eager: true });

interface StaffAction {
  file: string;
  /** "/staff/users/$id" with the route's params. */
  pattern: string;
  params: string[];
  action: NonNullable<RouteModule["action"]>;
  roles: readonly Role[];
}

/** The URL a flat route file answers: dots are slashes, a trailing "_" on a segment only
 * un-nests it, "_index" is the parent, "staff_" is "staff". */
function routeOf(file: string): { pattern: string; params: string[] } {
  const name = file
    .split("/")
    .pop()!
    .replace(/\.tsx?$/, "");
  const segs = name
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""));
  return { pattern: "/" + segs.join("/"), params: segs.filter((s) => s.startsWith("$")).map((s) => s.slice(1)) };
}

const ACTIONS: StaffAction[] = Object.entries(modules)
  .filter(([, m]) => typeof m.action === "function" && m.access?.action)
  .map(([file, m]) => ({ file, ...routeOf(file), action: m.action!, roles: m.access!.action! }));

const ROLES: Role[] = ["admin", "office", "unit", "viewer"];
// Names staff forms use, so fuzzed bodies reach past "unknown intent" now and then.
const NAMES = [
  "intent",
  "_action",
  "id",
  "name",
  "name_vi",
  "name_en",
  "code",
  "email",
  "password",
  "current",
  "confirm",
  "role",
  "unitId",
  "unit",
  "kind",
  "value",
  "key",
  "date",
  "from",
  "to",
  "start",
  "end",
  "label",
  "text",
  "title",
  "body",
  "status",
  "note",
  "answer",
  "reason",
  "capacity",
  "startsAt",
  "place",
  "procedureId",
  "surveyId",
  "count",
  "period",
  "version",
  "active",
  "required",
  "order",
  "decision",
  "registrationId",
  "questionId",
  "phone",
  "q",
];
const fieldsArb: fc.Arbitrary<Fields> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 10 })), nastyString),
  { maxLength: 8 },
);
const idArb = fc.oneof(
  fc.constantFrom("1", "2", "0", "-1", "99999999999", "1e308", "abc", "1.5", "%00", "Ā"),
  nastyString.map((s) => s.slice(0, 40)),
);
const methodArb = fc.constantFrom("POST", "POST", "POST", "PUT", "PATCH", "DELETE");
const langArb = fc.constantFrom<"vi" | "en">("vi", "en");

const TABLES = [
  "unit",
  "procedure",
  "setting",
  "holiday",
  "staff_user",
  "survey",
  "survey_item",
  "served_count",
  "feedback",
  "feedback_event",
  "dialogue_session",
  "dialogue_registration",
  "dialogue_question",
  "dialogue_minutes",
  "report_period",
  "privacy_request",
];
const KEY = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;

/** Field messages the page would show: each a key with a text in the reader's language. */
function checkMessages(data: unknown, lang: "vi" | "en") {
  const errors = data && typeof data === "object" ? (data as { errors?: unknown }).errors : undefined;
  if (!errors || typeof errors !== "object") return;
  const t = createI18n(lang).t;
  const values = Array.isArray(errors)
    ? errors.map((e) => (e && typeof e === "object" ? (e as { key?: unknown }).key : e))
    : Object.values(errors);
  for (const key of values) {
    if (typeof key !== "string") continue;
    if (!KEY.test(key)) throw new Error(`not a message key: "${key.slice(0, 80)}"`);
    if (t(key, { count: 1, filename: "x", max: 1, min: 1, minutes: 15, code: "x", line: 1 }) === key)
      throw new Error(`"${key}" has no ${lang} text`);
  }
}

describe("staff actions, fuzzed as each role", () => {
  const cookies = {} as Record<Role, string>;
  beforeAll(async () => {
    const unitId = await makeUnit();
    for (const role of ROLES) cookies[role] = (await signIn(role, role === "unit" ? unitId : null)).cookie;
  });

  it("finds the staff actions it fuzzes", () => {
    expect(ACTIONS.length).toBeGreaterThan(15);
    expect(ACTIONS.map((a) => a.pattern)).toContain("/staff/users/$id");
  });

  it(
    `never a 5xx; a role the action is not for gets 403 and changes nothing (${RUNS} cases)`,
    async () => {
      const counts = () => rowCounts(db(), TABLES);
      let forbidden = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ACTIONS),
          fc.constantFrom(...ROLES),
          fieldsArb,
          encodingArb,
          methodArb,
          langArb,
          fc.array(idArb, { minLength: 3, maxLength: 3 }),
          async (a, role, fields, encoding: Encoding, method, lang, ids) => {
            // Ids as Remix hands them over: decoded from the path, so never a lone surrogate.
            const params = Object.fromEntries(
              a.params.map((p, i) => [p, (ids[i] as string & { toWellFormed(): string }).toWellFormed()]),
            );
            const path = a.params.reduce((acc, p) => acc.replace(`$${p}`, encodeURIComponent(params[p])), a.pattern);
            const post = makePost(`http://localhost${path}`, fields, {
              encoding,
              lang,
              ip: nextIp(),
              cookie: cookies[role],
            });
            const request = new Request(post, { method });
            const allowed = a.roles.includes(role);
            const before = allowed ? "" : await counts();
            const o = await callAction(() => a.action({ request, params, context: {} }));
            if (o.status >= 500)
              throw new Error(`${a.file} as ${role}: HTTP ${o.status} ${JSON.stringify(o.data).slice(0, 200)}`);
            if (!allowed) {
              forbidden++;
              expect(o.status, `${a.file} as ${role}`).toBe(403);
              expect(await counts()).toBe(before);
            } else if (o.status >= 400) checkMessages(o.data, lang);
          },
        ),
        { numRuns: RUNS },
      );
      expect(forbidden).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT,
  );
});
