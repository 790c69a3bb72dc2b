import fc from "fast-check";
import {
  CODE_ALPHABET,
  foldName,
  newRegistrationCode,
  normaliseCode,
  normaliseContact,
  normaliseEmail,
  normalisePhone,
} from "~/features/dialogue/dialogue-code";
import { buildPublicMinutes, minutesPublishProblems, type MinutesSource } from "~/features/dialogue/dialogue-minutes";
import {
  availableTransitions,
  checkSessionTimes,
  nextStatus,
  noticeIsLongEnough,
  registrationState,
} from "~/features/dialogue/dialogue-state";
import { formatDate, formatDateTime, fromVnInput, toVnInput, vnYearRange } from "~/kernel/time/clock";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { signUpSchema } from "~/features/dialogue/dialogue.schema";

const DAY = 86400_000;

describe("registration codes", () => {
  it("use 6 characters from an alphabet without 0/O or 1/I/L, and read back however typed", () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (rolls) => {
        let i = 0;
        const code = newRegistrationCode((max) => rolls[i++] % max);
        expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
        expect(normaliseCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(code);
      }),
    );
    expect(normaliseCode("K7M2Q0")).toBeNull();
    expect(normaliseCode("K7M2Q")).toBeNull();
  });
});

describe("contact details", () => {
  it("normalise Vietnamese phone numbers to 0 + 9 or 10 digits", () => {
    expect(normalisePhone("0912 345 678")).toBe("0912345678");
    expect(normalisePhone("+84 912.345.678")).toBe("0912345678");
    expect(normalisePhone("84912345678")).toBe("0912345678");
    expect(normalisePhone("(0273) 3872 123")).toBe("02733872123");
    expect(normalisePhone("12345")).toBeNull();
    expect(normalisePhone("0912abc678")).toBeNull();
    expect(normalisePhone("+1 202 555 0100")).toBeNull();
  });
  it("lower-case emails and tell phone from email in one box", () => {
    expect(normaliseEmail("  An.Nguyen@Example.VN ")).toBe("an.nguyen@example.vn");
    expect(normaliseEmail("an@")).toBeNull();
    expect(normaliseContact("An@Example.vn")).toEqual({ email: "an@example.vn" });
    expect(normaliseContact("0912-345-678")).toEqual({ phone: "0912345678" });
    expect(normaliseContact("hello")).toBeNull();
  });
  it("fold names for searching without diacritics", () => {
    expect(foldName("  Nguyễn   Thị Đào ")).toBe("nguyen thi dao");
    expect(foldName("ĐẶNG QUỐC GIA")).toBe("dang quoc gia");
  });
});

describe("Viet Nam time", () => {
  it("reads typed times as UTC+7 and shows them day first", () => {
    const d = fromVnInput("2026-12-18T08:30")!;
    expect(d.toISOString()).toBe("2026-12-18T01:30:00.000Z");
    expect(fromVnInput("18/12/2026 08:30")).toEqual(d);
    expect(toVnInput(d)).toBe("2026-12-18T08:30");
    expect(formatDateTime(d)).toBe("18/12/2026 08:30");
    expect(formatDate("2027-01-02")).toBe("02/01/2027");
    // 23:30 on 31/12 in Viet Nam is still the old year there, although UTC says 16:30.
    expect(formatDate(new Date("2026-12-31T16:30:00Z"))).toBe("31/12/2026");
    expect(fromVnInput("31/02/2026 08:00")).toBeNull();
    expect(fromVnInput("2026-12-18")).toBeNull();
    expect(vnYearRange(2026).from.toISOString()).toBe("2025-12-31T17:00:00.000Z");
  });
});

describe("session states", () => {
  it("allow only the listed steps", () => {
    expect(nextStatus("draft", "publish")).toBe("published");
    expect(nextStatus("draft", "mark_held")).toBeNull();
    expect(nextStatus("held", "cancel")).toBeNull();
    expect(nextStatus("minutes_published", "publish_minutes")).toBe("minutes_published");
    expect(availableTransitions("published").sort()).toEqual(["cancel", "close_registration", "mark_held"]);
    expect(availableTransitions("cancelled")).toEqual([]);
  });

  it("open registration only inside the window of a public, announced session", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const s = {
      status: "published" as const,
      published_at: new Date(now.getTime() - DAY),
      publish_at: new Date(now.getTime() - DAY),
      starts_at: new Date(now.getTime() + 10 * DAY),
      registration_opens_at: new Date(now.getTime() - DAY),
      registration_closes_at: new Date(now.getTime() + 9 * DAY),
    };
    expect(registrationState(s, now)).toBe("open");
    expect(registrationState({ ...s, registration_opens_at: new Date(now.getTime() + DAY) }, now)).toBe("not_yet");
    expect(registrationState({ ...s, registration_closes_at: now }, now)).toBe("closed");
    expect(registrationState({ ...s, status: "registration_closed" }, now)).toBe("closed");
    expect(registrationState({ ...s, publish_at: new Date(now.getTime() + 1) }, now)).toBe("not_public");
    expect(registrationState({ ...s, status: "cancelled" }, now)).toBe("cancelled");
    expect(registrationState({ ...s, starts_at: now }, now)).toBe("over");
  });

  it("require the notice at least the set number of days before, counting from now when late", () => {
    const start = new Date("2026-12-18T01:30:00Z");
    expect(
      noticeIsLongEnough(new Date(start.getTime() - 7 * DAY), start, 7, new Date(start.getTime() - 30 * DAY)),
    ).toBe(true);
    expect(noticeIsLongEnough(new Date(start.getTime() - 7 * DAY + 1), start, 7, new Date(0))).toBe(false);
    expect(
      noticeIsLongEnough(new Date(start.getTime() - 30 * DAY), start, 7, new Date(start.getTime() - 6 * DAY)),
    ).toBe(false);
    const times = {
      startsAt: start,
      endsAt: new Date(start.getTime() + 3600_000),
      publishAt: new Date(start.getTime() - 10 * DAY),
      opensAt: new Date(start.getTime() - 10 * DAY),
      closesAt: new Date(start.getTime() - DAY),
    };
    expect(checkSessionTimes(times, 7)).toEqual({});
    expect(
      checkSessionTimes(
        { ...times, publishAt: new Date(start.getTime() - 3 * DAY), opensAt: new Date(start.getTime() - 3 * DAY) },
        7,
      ),
    ).toEqual({ publish_at: "dialogue.errors.noticeTooShort" });
    expect(checkSessionTimes({ ...times, endsAt: start, closesAt: new Date(start.getTime() + 1) }, 7)).toEqual({
      ends_at: "dialogue.errors.endsBeforeStart",
      registration_closes_at: "dialogue.errors.closesAfterStart",
    });
  });
});

describe("sign-up form", () => {
  const form = (o: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(o)) fd.set(k, v);
    return fd;
  };
  it("reports every problem at once, in the order of the form", () => {
    const res = parseForm(signUpSchema, form({ name: "X", kind: "business", phone: "", email: "" }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.errors)).toEqual(["name", "phone", "organisation", "adult", "consent"]);
    expect(res.errors.phone).toBe("dialogue.errors.contactRequired");
    expect(formValues(form({ name: "X" })).name).toBe("X");
  });
  it("accepts a phone or an email and normalises them", () => {
    const res = parseForm(
      signUpSchema,
      form({ name: "Nguyễn An", kind: "citizen", phone: "+84 912 345 678", adult: "on", consent: "on" }),
    );
    expect(res).toMatchObject({ ok: true, data: { phoneNorm: "0912345678", emailNorm: null, question: null } });
    const bad = parseForm(
      signUpSchema,
      form({ name: "Nguyễn An", kind: "alien", email: "nope", adult: "on", consent: "yes" }),
    );
    expect(bad.ok ? {} : bad.errors).toEqual({
      email: "dialogue.errors.emailInvalid",
      kind: "dialogue.errors.kindRequired",
      consent: "dialogue.errors.consentRequired",
    });
  });
});

describe("public minutes", () => {
  const src: MinutesSource = {
    session: {
      id: 1,
      planNumber: "1/KH",
      titleVi: "Đối thoại",
      titleEn: null,
      startsAt: "2026-12-18T01:30:00.000Z",
      endsAt: "2026-12-18T04:30:00.000Z",
      venue: "Hội trường",
      onlineUrl: null,
      chair: "Giám đốc",
      secretary: "Chánh Văn phòng",
      invitedGroups: null,
    },
    minutes: {
      openedAt: null,
      closedAt: null,
      officials: "Ông A, Giám đốc",
      summary: "Có người đọc số 0912 345 678 và email an@example.vn",
      chairConclusion: "Kết luận",
      scanUploadedAt: null,
    },
    attendance: { citizen: 3, business: 2, total: 5, registered: 4, walkIns: 1 },
    issues: [
      {
        id: 10,
        text: "Gọi 0987654321 giúp tôi",
        topic: null,
        askerKind: "citizen",
        answeredIn: "dialogue",
        answeredBy: "Phó Giám đốc",
        answer: "Đã gọi lại qua an@example.vn",
        conclusion: null,
        unitVi: "VP",
        unitEn: "Office",
        dueDate: null,
        votes: 2,
      },
      {
        id: 11,
        text: "Câu hỏi hai",
        topic: "Đo lường",
        askerKind: null,
        answeredIn: null,
        answeredBy: null,
        answer: null,
        conclusion: null,
        unitVi: null,
        unitEn: null,
        dueDate: "2027-01-02",
        votes: 0,
      },
    ],
    followups: [
      {
        id: 5,
        questionId: 11,
        action: "Liên hệ ông B theo số 0911222333",
        unitVi: "VP",
        unitEn: "Office",
        dueDate: "2027-01-10",
        status: "open",
        result: null,
      },
    ],
  };
  it("mask phones and emails everywhere and number issues for follow-ups", () => {
    const m = buildPublicMinutes(src, 2, new Date("2026-12-20T00:00:00Z"));
    const json = JSON.stringify(m);
    expect(json).not.toMatch(/0912|0987|0911|@example/);
    expect(m.issues.map((i) => i.number)).toEqual([1, 2]);
    expect(m.followups[0].issueNumber).toBe(2);
    expect(m.version).toBe(2);
    expect(m.signedScanAttached).toBe(false);
  });
  it("are not published without the chair's conclusion and the signed scan", () => {
    expect(minutesPublishProblems(src)).toEqual({ scan: "dialogue.errors.scanRequired" });
    expect(
      minutesPublishProblems({ ...src, minutes: { ...src.minutes, chairConclusion: " ", scanUploadedAt: "x" } }),
    ).toEqual({ chair_conclusion: "dialogue.errors.conclusionRequired" });
  });
});
