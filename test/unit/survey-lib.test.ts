import fc from "fast-check";
import { buildAnswersSchema, parseAnswers, parsePaperAnswers } from "~/features/survey/answers";
import { contextSchema } from "~/features/survey/context";
import { isDissatisfied, offersFeedback } from "~/features/survey/feedback";
import { changedAnswers, contentKey, decideFlags, minFillMs } from "~/features/survey/flags";
import { FORM_A, FORM_B } from "~/features/survey/forms";
import { groupByBlock, type FormItem } from "~/features/survey/items";
import { chooseSubmission, formatPending, parsePending, REPLAY_WINDOW_MS } from "~/features/survey/pending";
import { SCALES } from "~/features/survey/scales";
import { keyedHashWith, signWith, verifyWith } from "~/kernel/sign.server";

const items: FormItem[] = [
  { id: 1, code: "Q1", block: "ACCESS", type: "L5", required: true, options: null, maxLength: null },
  { id: 2, code: "Q2", block: "ACCESS", type: "L3", required: false, options: null, maxLength: null },
  {
    id: 3,
    code: "Q3",
    block: "PROC",
    type: "single",
    required: true,
    options: [
      { code: "a", vi: "A", en: "A", score: 2 },
      { code: "b", vi: "B", en: "B", score: 0, feedback: true },
    ],
    maxLength: null,
  },
  {
    id: 4,
    code: "Q4",
    block: "PROC",
    type: "multi",
    required: false,
    options: [
      { code: "x", vi: "X", en: "X" },
      { code: "y", vi: "Y", en: "Y" },
      { code: "z", vi: "Z", en: "Z" },
    ],
    maxLength: null,
  },
  {
    id: 5,
    code: "Q5",
    block: "OTHER",
    type: "yesno",
    required: false,
    options: [
      { code: "1", vi: "Có", en: "Yes", feedback: true },
      { code: "0", vi: "Không", en: "No" },
    ],
    maxLength: null,
  },
  { id: 6, code: "Q6", block: "OTHER", type: "text", required: true, options: null, maxLength: 10 },
  { id: 7, code: "Q7", block: "OTHER", type: "textarea", required: false, options: null, maxLength: null },
  { id: 8, code: "Q8", block: "OTHER", type: "PRIORITY", required: false, options: null, maxLength: null },
];

const reader = (fields: Record<string, string | string[]>) => (name: string) => {
  const v = fields[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

describe("parseAnswers (the public form)", () => {
  it("turns posted codes into stored values: scale numbers, choice codes with scores, trimmed text", () => {
    const r = parseAnswers(
      items,
      reader({
        q_Q1: "0",
        q_Q2: "1",
        q_Q3: "a",
        q_Q4: ["x", "z", "x"],
        q_Q5: "1",
        q_Q6: "  hello ",
        q_Q7: "",
        q_Q8: "3",
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers).toEqual([
      { itemId: 1, value: 0, text: null, choices: null },
      { itemId: 2, value: 1, text: null, choices: null },
      { itemId: 3, value: 2, text: null, choices: ["a"] },
      { itemId: 4, value: null, text: null, choices: ["x", "z"] },
      { itemId: 5, value: 1, text: null, choices: null },
      { itemId: 6, value: null, text: "hello", choices: null },
      { itemId: 8, value: 3, text: null, choices: null },
    ]);
  });

  it("names each wrong field with a translation key and keeps what was sent", () => {
    const r = parseAnswers(
      items,
      reader({ q_Q1: "7", q_Q3: "", q_Q4: ["x", "nope"], q_Q6: "much too long text", q_Q2: "2" }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      Q1: "survey.errors.chooseOne",
      Q3: "survey.errors.chooseOne",
      Q4: "survey.errors.chooseOne",
      Q6: "survey.errors.tooLong",
    });
    expect(r.values).toMatchObject({ Q1: "7", Q2: "2", Q4: ["x", "nope"], Q6: "much too long text" });
  });

  it("requires text to be more than spaces", () => {
    const r = parseAnswers(items, reader({ q_Q1: "3", q_Q3: "b", q_Q6: "   " }));
    expect(r.ok ? null : r.errors).toEqual({ Q6: "survey.errors.enterText" });
  });

  it("accepts every scale code of every scale and nothing else (property)", () => {
    const schema = buildAnswersSchema([items[0]]);
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), (s) => {
        const ok = schema.safeParse({ Q1: s }).success;
        expect(ok).toBe(SCALES.L5.map(String).includes(s.trim() === "" ? "__" : s));
      }),
    );
  });

  it("works for the shipped forms: all required answered → ok; each required left out → that error only", () => {
    for (const form of [FORM_A, FORM_B]) {
      const fi: FormItem[] = form.items.map((it, i) => ({
        id: i + 1,
        code: it.code,
        block: it.block,
        type: it.type,
        required: it.required,
        options: it.options ?? null,
        maxLength: it.max_length ?? null,
      }));
      const full: Record<string, string> = {};
      for (const it of fi.filter((x) => x.required)) full[`q_${it.code}`] = it.options ? it.options[0].code : "4";
      expect(parseAnswers(fi, reader(full)).ok).toBe(true);
      for (const it of fi.filter((x) => x.required)) {
        const { [`q_${it.code}`]: _gone, ...rest } = full;
        const r = parseAnswers(fi, reader(rest));
        expect(r.ok ? {} : r.errors).toEqual({ [it.code]: "survey.errors.chooseOne" });
      }
    }
  });
});

describe("parsePaperAnswers (typed from paper)", () => {
  it("takes digits for scales, option numbers for choices, and leaves blanks unanswered", () => {
    const r = parsePaperAnswers(
      items,
      reader({ q_Q1: "5", q_Q2: "", q_Q3: "2", q_Q4: "1 3", q_Q5: "0", q_Q6: "", q_Q8: "1" }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers).toEqual([
      { itemId: 1, value: 5, text: null, choices: null },
      { itemId: 3, value: 0, text: null, choices: ["b"] },
      { itemId: 4, value: null, text: null, choices: ["x", "z"] },
      { itemId: 5, value: 0, text: null, choices: null },
      { itemId: 8, value: 1, text: null, choices: null },
    ]);
  });

  it("refuses a digit the paper form does not have", () => {
    const r = parsePaperAnswers(items, reader({ q_Q1: "6", q_Q3: "3", q_Q4: "14", q_Q5: "2" }));
    expect(r.ok ? null : r.errors).toEqual({
      Q1: "survey.errors.paperDigit",
      Q3: "survey.errors.paperDigit",
      Q4: "survey.errors.paperDigit",
      Q5: "survey.errors.paperDigit",
    });
    expect(parsePaperAnswers(items, reader({ q_Q3: "12" })).ok).toBe(false);
  });
});

describe("flags", () => {
  it("flags a honeypot, a hurried form and a limit, and nothing else", () => {
    expect(decideFlags({ honeypot: "", elapsedMs: 60_000, answered: 25, overLimit: [] })).toEqual([]);
    expect(decideFlags({ honeypot: "x", elapsedMs: 60_000, answered: 25, overLimit: [] })).toEqual(["honeypot"]);
    expect(decideFlags({ honeypot: "", elapsedMs: 9_000, answered: 25, overLimit: [] })).toEqual(["too_fast"]);
    expect(decideFlags({ honeypot: "", elapsedMs: Number.NaN, answered: 1, overLimit: ["device", "address"] })).toEqual(
      ["too_fast", "rate_device", "rate_address"],
    );
  });
  // docs/rules/flags.md, "A second response with the same form": Form B with 25 answers needs
  // 25 × 0.4 s = 10 s; a second response sooner than that, or changing at most 2 answers, is flagged.
  it("flags a second response on the same form when it comes too soon or changes almost nothing", () => {
    const base = { honeypot: "", elapsedMs: 600_000, answered: 25, overLimit: [] };
    expect(decideFlags({ ...base, sinceEarlierMs: 9_999, changedAnswers: 25 })).toEqual(["repeat_fast"]);
    expect(decideFlags({ ...base, sinceEarlierMs: 10_000, changedAnswers: 3 })).toEqual([]);
    expect(decideFlags({ ...base, sinceEarlierMs: 120_000, changedAnswers: 2 })).toEqual(["repeat_near"]);
    expect(decideFlags({ ...base, sinceEarlierMs: 1_000, changedAnswers: 1 })).toEqual(["repeat_fast", "repeat_near"]);
  });
  it("counts changed answers, a left-out answer included, and tells content apart", () => {
    const a = [
      { itemId: 1, value: 4, text: null, choices: null },
      { itemId: 2, value: null, text: null, choices: ["x", "y"] },
    ];
    expect(changedAnswers(a, [{ ...a[0] }, { ...a[1], choices: ["y", "x"] }])).toBe(0);
    expect(changedAnswers(a, [{ ...a[0], value: 5 }])).toBe(2);
    const c = { unitId: 1, procedureId: null, dossierHash: null, answers: a };
    expect(contentKey(c)).toBe(contentKey({ ...c, answers: [...a].reverse() }));
    expect(contentKey(c)).not.toBe(contentKey({ ...c, unitId: 2 }));
  });
  it("asks at least 3 s, and 0.4 s per answered question for long forms", () => {
    expect(minFillMs(0)).toBe(3000);
    expect(minFillMs(8)).toBe(3200);
    expect(minFillMs(25)).toBe(10_000);
  });
});

describe("feedback offer", () => {
  const a = (itemId: number, value: number | null, choices: string[] | null = null) => ({
    itemId,
    value,
    text: null,
    choices,
  });
  it("offers feedback for L5 1–2, L3 1 and marked choices only", () => {
    expect([1, 2, 3, 4, 5, 0].map((v) => isDissatisfied(items[0], a(1, v)))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([3, 2, 1].map((v) => isDissatisfied(items[1], a(2, v)))).toEqual([false, false, true]);
    expect(isDissatisfied(items[2], a(3, 0, ["b"]))).toBe(true);
    expect(isDissatisfied(items[2], a(3, 2, ["a"]))).toBe(false);
    expect(isDissatisfied(items[4], a(5, 1))).toBe(true);
    expect(isDissatisfied(items[4], a(5, 0))).toBe(false);
    expect(offersFeedback(items, [a(1, 4), a(2, 2)])).toBe(false);
    expect(offersFeedback(items, [a(1, 4), a(2, 1)])).toBe(true);
  });
});

describe("signed tokens", () => {
  const s1 = "first-secret-of-at-least-thirty-two-chars";
  const s2 = "second-secret-of-at-least-thirty-two-chars";
  it("verify with any listed secret, only for their purpose, and refuse any change", () => {
    const token = signWith(s1, "survey-link", { u: 3, k: "Q1", ch: "qr" });
    expect(verifyWith([s2, s1], "survey-link", token, contextSchema)).toEqual({ u: 3, k: "Q1", ch: "qr" });
    expect(verifyWith([s2], "survey-link", token, contextSchema)).toBeNull();
    expect(verifyWith([s1], "survey-form", token, contextSchema)).toBeNull();
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."ABCabc012-_"), (i, ch) => {
        fc.pre(token[i] !== ch && token[i] !== ".");
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        // Changing the last MAC character's padding bits can decode to the same bytes; compare bytes.
        const same =
          Buffer.from(changed.split(".")[1] ?? "", "base64url").equals(Buffer.from(token.split(".")[1], "base64url")) &&
          changed.split(".")[0] === token.split(".")[0];
        expect(verifyWith([s1], "survey-link", changed, contextSchema) !== null).toBe(same);
      }),
    );
  });
  it("refuse a well-signed payload that is not a valid context", () => {
    expect(verifyWith([s1], "survey-link", signWith(s1, "survey-link", { u: -1, ch: "qr" }), contextSchema)).toBeNull();
    expect(
      verifyWith([s1], "survey-link", signWith(s1, "survey-link", { u: 1, ch: "paper" }), contextSchema),
    ).toBeNull();
  });
  it("keyed hashes differ by secret and purpose and never contain the value", () => {
    const h = keyedHashWith(s1, "dossier", "HS-0001");
    expect(h).not.toContain("0001");
    expect(h).not.toBe(keyedHashWith(s2, "dossier", "HS-0001"));
    expect(h).not.toBe(keyedHashWith(s1, "device", "HS-0001"));
    expect(h).toBe(keyedHashWith(s1, "dossier", "HS-0001"));
  });
});

describe("the shipped forms", () => {
  it("have unique codes, both languages, choices with codes, and Form B's five SIPAS blocks", () => {
    for (const form of [FORM_A, FORM_B]) {
      const codes = form.items.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const it of form.items) {
        expect(it.text_vi.trim()).not.toBe("");
        expect(it.text_en.trim()).not.toBe("");
        expect(!!it.help_vi).toBe(!!it.help_en);
        if (it.type === "single" || it.type === "multi") expect(it.options?.length).toBeGreaterThan(1);
        for (const o of it.options ?? []) expect(o.vi && o.en && o.code).toBeTruthy();
      }
    }
    const blocks = groupByBlock(FORM_B.items).map((g) => g.block);
    expect(blocks).toEqual(["ACCESS", "PROC", "STAFF", "RESULT", "PAKN", "OVERALL", "EXPECT", "DEMO"]);
    expect(FORM_B.items.filter((i) => i.code.endsWith("_SAT"))).toHaveLength(5);
    expect(FORM_A.items.filter((i) => i.options?.some((o) => o.score !== undefined))).toHaveLength(4);
  });
});

describe("the pending submission id", () => {
  const p = { sid: "0b7e6c1e-1f7a-4f5e-9a54-2b1c3d4e5f60", t: 1_795_000_000_000, ctx: "-" };
  const now = new Date(p.t + 60_000);
  it("round-trips through its cookie value and refuses anything else", () => {
    expect(parsePending(formatPending(p))).toEqual(p);
    for (const bad of ["", "x.1.-", `${p.sid}.abc.-`, `${p.sid}.${p.t}`, `${p.sid}.${p.t}.-.x`, `${p.sid}.${p.t}.a b`])
      expect(parsePending(bad)).toBeNull();
  });
  it("reuses the id until sent and for a short while after, for the same link only", () => {
    expect(chooseSubmission({ pending: p, ctx: "-", fresh: false, sentAt: null, now })).toEqual({
      reuse: true,
      alreadySent: false,
    });
    expect(
      chooseSubmission({
        pending: p,
        ctx: "-",
        fresh: false,
        sentAt: new Date(now.getTime() - REPLAY_WINDOW_MS + 1),
        now,
      }),
    ).toEqual({ reuse: true, alreadySent: true });
    expect(
      chooseSubmission({
        pending: p,
        ctx: "-",
        fresh: false,
        sentAt: new Date(now.getTime() - REPLAY_WINDOW_MS - 1),
        now,
      }),
    ).toEqual({ reuse: false });
    expect(chooseSubmission({ pending: p, ctx: "abc", fresh: false, sentAt: null, now })).toEqual({ reuse: false });
    expect(chooseSubmission({ pending: p, ctx: "-", fresh: true, sentAt: null, now })).toEqual({ reuse: false });
    expect(chooseSubmission({ pending: null, ctx: "-", fresh: false, sentAt: null, now })).toEqual({ reuse: false });
  });
});
