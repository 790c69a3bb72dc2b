// Fuzzing the dialogue's public sign-up and the registration look-up (asking and cancelling:
// fuzz-dialogue-registrant.test.ts). Never a 5xx, never a row written (or a registration cancelled) for a refused body,
// and every refusal carries messages in the reader's language. The per-address limits are not
// what is under test: every case comes from its own address.
import fc from "fast-check";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { action as signUpAction } from "~/routes/dialogues.$id";
import { action as registrationAction } from "~/routes/dialogues.registration";
import { db } from "~/kernel/db/db.server";
import { makeSession, person } from "../support/dialogue";
import {
  callAction,
  encodingArb,
  expectRefusalInLanguage,
  formArb,
  makePost,
  nastyString,
  nextIp,
  rowCounts,
  rowTracker,
  RUNS,
  FUZZ_TIMEOUT,
  type Encoding,
  type Fields,
} from "../support/fuzz";

const TABLES = [
  "dialogue_registration",
  "dialogue_question",
  "dialogue_vote",
  "dialogue_notification",
  "consent_record",
];
const rows = rowTracker(() =>
  rowCounts(db(), TABLES, ["select count(*) from dialogue_registration where status = 'cancelled'"]),
);
const langArb = fc.constantFrom<"vi" | "en">("vi", "en");
const phoneArb = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `09${n}`);

let sessionId: number;
beforeAll(async () => {
  sessionId = await makeSession({ capacity: 5 });
});

const registration = (fields: Fields, encoding: Encoding, lang: "vi" | "en", cookie?: string) =>
  callAction(() =>
    registrationAction({
      request: makePost("http://localhost/dialogues/registration", fields, { encoding, lang, ip: nextIp(), cookie }),
      params: {},
      context: {},
    }),
  );

describe("dialogue actions, fuzzed", () => {
  it(
    `sign-up: refusals write nothing and speak the reader's language; accepted ones redirect (${RUNS} cases)`,
    async () => {
      const good = {
        name: fc.constantFrom("Nguyễn Văn An", "Trần Thị Bích", "Lê B"),
        phone: phoneArb,
        email: fc.constantFrom("an@example.vn", ""),
        kind: fc.constantFrom("citizen", "business"),
        organisation: fc.constantFrom("Công ty TNHH Một Thành Viên", ""),
        accessibility: fc.constant(""),
        question: fc.constantFrom("", "Khi nào có dịch vụ công trực tuyến toàn trình?"),
        topic: fc.constantFrom("", "Đo lường", "Không có chủ đề này"),
        adult: fc.constant("on"),
        consent: fc.constant("on"),
      };
      let accepted = 0;
      await rows.start();
      await fc.assert(
        fc.asyncProperty(
          formArb(good),
          encodingArb,
          langArb,
          fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nastyString }),
          async (fields, encoding, lang, badId) => {
            const id = badId ?? String(sessionId);
            const o = await callAction(() =>
              signUpAction({
                request: makePost("http://localhost/dialogues/1", fields, { encoding, lang, ip: nextIp() }),
                params: { id },
                context: {},
              }),
            );
            if (o.status === 303) {
              accepted++;
              // A new registration, or (the email "an@example.vn" recurs) the neutral answer for a
              // contact already registered (docs/security/citizen-codes.md).
              expect(o.location).toMatch(/^\/dialogues\/(registration\?new=1|\d+\?checkContact=1#signup-title)$/);
              await rows.accepted();
            } else {
              expectRefusalInLanguage(o, lang);
              await rows.expectUnchanged();
            }
          },
        ),
        // One valid sign-up among the cases, however few FUZZ_RUNS asks for (a valid body is rare
        // among the generated ones).
        {
          numRuns: RUNS,
          examples: [
            [
              [
                ["name", "Nguyễn Văn An"],
                ["phone", "0912345678"],
                ["email", ""],
                ["kind", "citizen"],
                ["organisation", ""],
                ["accessibility", ""],
                ["question", ""],
                ["topic", ""],
                ["adult", "on"],
                ["consent", "on"],
              ],
              "urlencoded",
              "vi",
              null,
            ],
          ],
        },
      );
      expect(accepted).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT,
  );

  it(
    `registration look-up: wrong or malformed codes and contacts find nothing, write nothing, in the reader's language (${RUNS} cases)`,
    async () => {
      const known = await signUp(person(sessionId));
      if (!known.ok) throw new Error("could not sign up");
      const good = {
        intent: fc.constant("lookup"),
        code: fc.constantFrom(known.registration.fullCode, known.registration.code, "ABC234", "ABC234-K7M2Q-X9P4T", ""),
        contact: fc.oneof(phoneArb, fc.constant("an@example.vn")),
      };
      await rows.start();
      await fc.assert(
        fc.asyncProperty(formArb(good), encodingArb, langArb, async (fields, encoding, lang) => {
          const o = await registration(fields, encoding, lang);
          // Only the right code with the right contact gets in; fuzzed contacts never match.
          if (o.status !== 303) expectRefusalInLanguage(o, lang);
          else expect(o.location).toBe("/dialogues/registration");
          // A look-up, found or not, writes nothing.
          await rows.expectUnchanged();
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );
});
