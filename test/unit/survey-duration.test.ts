// The time a form takes, said on its page: 10 s a choice, 45 s a written answer, 30 s for the
// unit and procedure, rounded up to whole minutes (figures worked out by hand below).
import { answerMinutes } from "~/features/survey/duration";
import { FORM_A, FORM_B } from "~/features/survey/forms";

const many = (n: number, type: "L5" | "textarea" | "single") => Array.from({ length: n }, () => ({ type }));

describe("answerMinutes", () => {
  it("Form B, 34 questions (33 choices, 1 comment): 30 + 330 + 45 = 405 s → 7 minutes, not 2", () => {
    expect(FORM_B.items.length).toBe(34);
    expect(answerMinutes(FORM_B.items)).toBe(7);
  });
  it("Form A, 9 questions (8 choices, 1 comment): 30 + 80 + 45 = 155 s → 3 minutes", () => {
    expect(answerMinutes(FORM_A.items)).toBe(3);
  });
  it("rounds up and is never 0", () => {
    expect(answerMinutes([])).toBe(1); // 30 s
    expect(answerMinutes(many(3, "L5"))).toBe(1); // 60 s
    expect(answerMinutes(many(4, "single"))).toBe(2); // 70 s
    expect(answerMinutes([...many(2, "textarea"), ...many(1, "L5")])).toBe(3); // 30 + 90 + 10 = 130 s
  });
});
