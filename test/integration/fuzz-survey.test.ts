// Fuzzing the survey's submit action: random and malformed bodies never give a 5xx, never store
// a response unless the answers were valid, and every refusal speaks the reader's language.
// Limits only flag survey responses (never refuse them), so they need no special handling here;
// each case still comes from its own address and device.
import crypto from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import { FORM_B } from "~/features/survey/forms";
import { action } from "~/routes/s.$slug";
import { db } from "~/kernel/db/db.server";
import {
  callAction,
  encodingArb,
  expectRefusalInLanguage,
  fieldsArb,
  makePost,
  nastyString,
  nextIp,
  rowCounts,
  rowTracker,
  RUNS,
  FUZZ_TIMEOUT,
  type Fields,
} from "../support/fuzz";
import { makeUnit } from "../support/staff";
import { ensureForms, formBFields, formToken, SLUG_B } from "../support/survey";

let unitId: number;
beforeAll(async () => {
  await ensureForms();
  unitId = await makeUnit();
});

const rows = rowTracker(() => rowCounts(db(), ["response", "answer"]));
const responses = async () =>
  Number((await sql<{ n: number }>`select count(*) as n from response`.execute(db())).rows[0].n);

const post = (fields: Fields, encoding: Parameters<typeof makePost>[2]["encoding"], lang: "vi" | "en") =>
  callAction(() =>
    action({
      request: makePost(`http://localhost/s/${SLUG_B}`, fields, {
        encoding,
        lang,
        ip: nextIp(),
        cookie: `hl_dev=${crypto.randomBytes(16).toString("base64url")}`,
      }),
      params: { slug: SLUG_B },
      context: {},
    }),
  );

const langArb = fc.constantFrom<"vi" | "en">("vi", "en");
const answerArb = fc.constantFrom("1", "2", "3", "4", "5", "0", "6", "");
const valid = () => Object.entries(formBFields("4", { unit: String(unitId), website: "" }));

describe("survey submit, fuzzed", () => {
  // The two properties share the action's cases: most go to the deeper one, past the token check.
  it(
    `a random or forged token is refused in the reader's language, nothing stored (${RUNS / 4} cases)`,
    async () => {
      const tokenArb = fc.oneof(
        nastyString,
        fc.string({ maxLength: 20 }).map((s) => `${Buffer.from(s).toString("base64url")}.AAAAAAAAAAAAAAAAAAAAAA`),
      );
      await rows.start();
      await fc.assert(
        fc.asyncProperty(
          fieldsArb(
            { _f: tokenArb, unit: fc.integer().map(String), website: nastyString },
            FORM_B.items.map((i) => `q_${i.code}`),
          ),
          encodingArb,
          langArb,
          async (fields, encoding, lang) => {
            const o = await post(fields, encoding, lang);
            expectRefusalInLanguage(o, lang);
            await rows.expectUnchanged();
          },
        ),
        { numRuns: RUNS / 4 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    `with a valid token, mangled answers are refused with messages in the reader's language and store nothing; valid ones are stored once (${(RUNS * 3) / 4} cases)`,
    async () => {
      const names = FORM_B.items.map((i) => `q_${i.code}`);
      // Mostly the valid form with a few fields broken, sometimes a body built from scratch.
      const mutated = fc
        .tuple(
          fc.subarray(names.concat("unit", "procedure", "website"), { maxLength: 3 }),
          fc.array(fc.tuple(fc.constantFrom(...names, "unit", "procedure"), nastyString), { maxLength: 3 }),
        )
        .map(([drop, add]) => [...valid().filter(([k]) => !drop.includes(k)), ...add] as Fields);
      const scratch = fieldsArb(
        Object.fromEntries([
          ...names.map((n) => [n, answerArb] as const),
          ["unit", fc.constant(String(unitId))],
          ["procedure", fc.constant("")],
        ]),
      );
      let stored = 0;
      let refused = 0;
      await rows.start();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: scratch }),
          fc.constantFrom<"urlencoded" | "multipart">("urlencoded", "multipart"),
          langArb,
          async (fields, encoding, lang) => {
            const sid = crypto.randomUUID();
            const token = await formToken(SLUG_B, { sid });
            const o = await post([["_f", token], ...fields], encoding, lang);
            if (o.status === 302) {
              stored++;
              expect(o.location).toMatch(new RegExp(`^/s/${SLUG_B}/thanks`));
              expect(
                await db().selectFrom("response").select("id").where("id", "=", sid).executeTakeFirst(),
              ).toBeTruthy();
              // The very same form again (a retry) is thanked again and stores nothing more (checked
              // for the first accepted cases; each retry costs another full submission).
              if (stored <= 50) {
                const n = await responses();
                expect((await post([["_f", token], ...fields], encoding, lang)).status).toBe(302);
                expect(await responses()).toBe(n);
              }
              await rows.accepted();
            } else {
              refused++;
              expectRefusalInLanguage(o, lang);
              await rows.expectUnchanged();
            }
          },
        ),
        { numRuns: (RUNS * 3) / 4 },
      );
      // Both branches were exercised, or the property proved less than it claims.
      expect(stored).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT,
  );
});
