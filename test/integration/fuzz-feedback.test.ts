// Fuzzing the feedback form and the status page's posts (look-up, adding information, rating the
// answer): never a 5xx, never a row written for a refused body, and every refusal carries
// messages in the reader's language. The per-address limits are not what is under test: every
// case comes from its own address. (The per-code guess limit on the status page may trip for the
// one real code; its refusal is checked like any other.)
import crypto from "node:crypto";
import fc from "fast-check";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { action as formAction } from "~/routes/feedback._index";
import { action as statusAction } from "~/routes/feedback.status";
import { db } from "~/kernel/db/db.server";
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
} from "../support/fuzz";

const TABLES = ["feedback", "feedback_contact", "feedback_attachment", "feedback_event", "consent_record"];
const rows = rowTracker(() => rowCounts(db(), TABLES));
const langArb = fc.constantFrom<"vi" | "en">("vi", "en");
const phoneArb = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `09${n}`);

describe("feedback actions, fuzzed", () => {
  it(
    `the feedback form: refusals store nothing and speak the reader's language; accepted ones get a code (${RUNS} cases)`,
    async () => {
      const good = {
        submissionId: fc.uuid(),
        kind: fc.constantFrom("phan_anh", "kien_nghi"),
        name: fc.constantFrom("Nguyễn Văn An", "Trần B"),
        address: fc.constantFrom("Số 1 đường 30/4, Mỹ Tho", "12 Lê Lợi"),
        phone: phoneArb,
        email: fc.constantFrom("", "an@example.vn"),
        organisation: fc.constant(""),
        procedureId: fc.constantFrom("", "1"),
        dossierCode: fc.constant(""),
        title: fc.constant(""),
        content: fc.constantFrom("Thời gian giải quyết hồ sơ quá lâu so với quy định, đề nghị xem xét.", "ngắn"),
        consent: fc.constant("yes"),
        homepage: fc.constant(""),
      };
      let accepted = 0;
      await rows.start();
      await fc.assert(
        fc.asyncProperty(formArb(good), encodingArb, langArb, async (fields, encoding, lang) => {
          const o = await callAction(() =>
            formAction({
              request: makePost("http://localhost/feedback", fields, { encoding, lang, ip: nextIp() }),
              params: {},
              context: {},
            }),
          );
          if (o.status === 302) {
            accepted++;
            expect(o.location).toMatch(/^\/feedback\/sent\?code=/);
            await rows.accepted();
          } else {
            expectRefusalInLanguage(o, lang);
            await rows.expectUnchanged();
          }
        }),
        // One valid report among the cases, however few FUZZ_RUNS asks for: a run of the default
        // 160 cases met none and failed here (valid bodies are rare among the generated ones).
        {
          numRuns: RUNS,
          examples: [
            [
              [
                ["submissionId", "5f0c1d7e-2b8a-4c39-9e61-0a7d3b2c4e15"],
                ["kind", "phan_anh"],
                ["name", "Nguyễn Văn An"],
                ["address", "12 Lê Lợi"],
                ["phone", "0912345678"],
                ["email", ""],
                ["organisation", ""],
                ["procedureId", ""],
                ["dossierCode", ""],
                ["title", ""],
                ["content", "Thời gian giải quyết hồ sơ quá lâu so với quy định, đề nghị xem xét."],
                ["consent", "yes"],
                ["homepage", ""],
              ],
              "urlencoded",
              "vi",
            ],
          ],
        },
      );
      expect(accepted).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT,
  );

  it(
    `the status page: malformed look-ups, additions and ratings change nothing, in the reader's language (${RUNS} cases)`,
    async () => {
      const phone = "0912345678";
      const { code } = await submitFeedback({
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: "Người gửi thử",
        address: "Số 1 đường Thử Nghiệm",
        phone,
        content: "Nội dung phản ánh mẫu cho phép thử, đủ dài để hợp lệ.",
        lang: "vi",
        attachments: [],
      });
      const good = {
        intent: fc.constantFrom("lookup", "add_info", "rate", "nonsense"),
        code: fc.constantFrom(code, code.toLowerCase(), "PA-2026-000000"),
        phone: fc.constantFrom(phone, "0900000000"),
        requestId: fc.oneof(fc.uuid(), nastyString),
        info: fc.constantFrom("ngắn", "Bổ sung thông tin về hồ sơ."),
        rating: fc.constantFrom("satisfied", "unsatisfied", "meh"),
        comment: fc.constant(""),
      };
      await rows.start();
      await fc.assert(
        fc.asyncProperty(formArb(good), encodingArb, langArb, async (fields, encoding, lang) => {
          const o = await callAction(() =>
            statusAction({
              request: makePost("http://localhost/feedback/status", fields, { encoding, lang, ip: nextIp() }),
              params: {},
              context: {},
            }),
          );
          expect(o.status).toBeLessThan(500);
          // A 200 is the sender's own view (the right code and phone), possibly after a valid change.
          if (o.status !== 200) {
            expectRefusalInLanguage(o, lang);
            await rows.expectUnchanged();
          } else await rows.accepted();
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );
});
