// The demo feedback: realistic states, fictitious senders, consistent with the workflow rules.
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { publishedAnswers } from "~/features/feedback/feedback-public.server";
import { vnDay } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";
import { seedDemo } from "../../db/seed/index";

describe("demo feedback", () => {
  it("has about 15 cases in many states, one transferred, one late, published answers, all with consent", async () => {
    // The demo's year of survey answers plays no part here and is most of the seed's time.
    expect(await seedDemo(db(), { responses: { A: 0, B: 0 } })).toBe(true);
    const rows = await db().selectFrom("feedback").selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(14);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of [
      "received",
      "info_requested",
      "refused",
      "transferred",
      "in_progress",
      "drafted",
      "approved",
      "published",
      "closed",
    ])
      expect(statuses, s).toContain(s);
    expect(rows.filter((r) => r.status === "transferred").every((r) => r.transfer_dispatch)).toBe(true);
    const today = vnDay(new Date());
    expect(rows.some((r) => r.late || (r.due_date !== null && r.due_date < today))).toBe(true);
    expect(rows.some((r) => r.reopened_count > 0)).toBe(true);
    // No demo case is dated today, so the first real submission of the day gets number 0001.
    expect(rows.every((r) => !r.code.includes(today.replaceAll("-", "")))).toBe(true);
    const contacts = await db().selectFrom("feedback_contact").selectAll().execute();
    expect(contacts.every((c) => /^0900000\d{3}$/.test(c.phone_digits))).toBe(true);
    const consents = await db()
      .selectFrom("consent_record")
      .select("subject_id")
      .where("subject_kind", "=", "feedback")
      .execute();
    expect(consents).toHaveLength(rows.length);
    const events = await db().selectFrom("feedback_event").select(["feedback_id", "action"]).execute();
    for (const r of rows) expect(events.filter((e) => e.feedback_id === r.id)[0]?.action).toBe("receive");

    const answers = await publishedAnswers("vi", 1, 1);
    expect(answers.items.length).toBeGreaterThanOrEqual(4);
    const text = JSON.stringify(answers);
    for (const c of contacts) {
      expect(text).not.toContain(c.name);
      expect(text).not.toContain(c.phone);
    }
    const figures = await feedbackFigures({
      agencyId: 1,
      from: vnDay(new Date(Date.now() - 200 * 86_400_000)),
      to: today,
    });
    expect(figures.received).toBe(rows.length);
    expect(figures.satisfaction.n).toBe(rows.length);
  });
});
