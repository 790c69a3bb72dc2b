// The retention job with the clock moved forward: exactly the personal data whose purpose ended
// more than privacy.retention_months ago goes; the figures (feedback, dialogue, survey) do not
// move; a second run finds nothing; and on PostgreSQL a second instance holding the lock makes
// the job stand aside.
import crypto from "node:crypto";
import pg from "pg";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { dialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { storeResponse } from "~/features/survey/response.server";
import { foldPendingRollups } from "~/features/reports/rollup.server";
import { previewRetention, runRetention, RETENTION_LOCK_KEY } from "~/features/privacy/privacy-retention.server";
import { startRetentionSchedule, stopRetentionSchedule } from "~/kernel/schedule.server";
import { vnDay } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";
import { makeSession, person } from "../support/dialogue";
import { makeUnit } from "../support/staff";
import { ensureForms, SLUG_B } from "../support/survey";

const DAY = 86_400_000;
const NOW = new Date();
// Twelve months and ten days on: the cutoff falls ten days after NOW.
const LATER = new Date(NOW.getTime());
LATER.setUTCMonth(LATER.getUTCMonth() + 12);
LATER.setTime(LATER.getTime() + 10 * DAY);

async function feedbackEndedAt(status: "refused" | "closed" | "received", endedAt: Date) {
  const fb = await submitFeedback({
    submissionId: crypto.randomUUID(),
    kind: "kien_nghi",
    name: `Người gửi ${status}`,
    address: "Mỹ Tho",
    phone: `09${crypto.randomInt(10_000_000, 99_999_999)}`,
    content: "Đề nghị niêm yết thủ tục rõ hơn.",
    lang: "vi",
    attachments: [],
  });
  if (status !== "received") {
    await db().updateTable("feedback").set({ status, handled_at: endedAt }).where("id", "=", fb.id).execute();
    await db().updateTable("feedback_event").set({ at: endedAt }).where("feedback_id", "=", fb.id).execute();
  }
  return fb.id;
}

async function surveyFigures() {
  const rows = await db()
    .selectFrom("answer")
    .select(["item_id", "value", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["item_id", "value"])
    .orderBy("item_id")
    .orderBy("value")
    .execute();
  const { n } = await db()
    .selectFrom("response")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { responses: Number(n), distribution: rows.map((r) => [r.item_id, r.value, Number(r.n)]) };
}

/** Three responses through the one way responses are written, so the dashboard rollups fill too. */
async function addSurveyResponses() {
  await ensureForms();
  const unitId = await makeUnit();
  const s = await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow();
  const v = await db()
    .selectFrom("survey_version")
    .select("id")
    .where("survey_id", "=", s.id)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const items = await db()
    .selectFrom("survey_item")
    .select("id")
    .where("version_id", "=", v.id)
    .orderBy("id")
    .limit(3)
    .execute();
  for (const value of [5, 4, 2]) {
    const res = await storeResponse({
      id: crypto.randomUUID(),
      agencyId: 1,
      surveyId: s.id,
      versionId: v.id,
      unitId,
      procedureId: null,
      counter: null,
      channel: "web",
      lang: "vi",
      startedAt: null,
      flagReasons: [],
      dossierHash: null,
      enteredBy: null,
      answers: items.map((i) => ({ itemId: i.id, value, text: null, choices: null })),
    });
    expect(res.status).toBe("stored");
  }
}

/** What the satisfaction dashboard reads: its rollup tables, row for row. */
async function dashboardRollups() {
  await foldPendingRollups();
  const all = async (t: "answer_rollup" | "answer_rollup_half" | "answer_rollup_quarter" | "response_rollup") =>
    (await db().selectFrom(t).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
  return {
    answers: await all("answer_rollup"),
    half: await all("answer_rollup_half"),
    quarter: await all("answer_rollup_quarter"),
    responses: await all("response_rollup"),
  };
}

describe("the retention job", () => {
  it("erases exactly the expired personal data and leaves every figure as it was", async () => {
    // A dialogue held yesterday (two people, one came, one asked with a phone number in the
    // question), and one in two months.
    const held = await makeSession();
    const p1 = await signUp(person(held, { question: "Xin gọi lại cho tôi: 0912 000 111" }));
    const p2 = await signUp(person(held));
    const future = await makeSession({ startsInDays: 60 });
    const p3 = await signUp(person(future));
    if (!p1.ok || !p2.ok || !p3.ok) throw new Error("sign-up failed");
    const startsHeld = new Date(NOW.getTime() - DAY - 3 * 3_600_000);
    await db()
      .updateTable("dialogue_session")
      .set({
        starts_at: startsHeld,
        ends_at: new Date(NOW.getTime() - DAY),
        status: "held",
        registration_opens_at: new Date(NOW.getTime() - 30 * DAY),
        registration_closes_at: new Date(startsHeld.getTime() - 3_600_000),
        publish_at: new Date(NOW.getTime() - 30 * DAY),
      })
      .where("id", "=", held)
      .execute();
    await db()
      .updateTable("dialogue_registration")
      .set({ checked_in_at: startsHeld })
      .where("id", "=", p1.registration.id)
      .execute();

    const refusedLongAgo = await feedbackEndedAt("refused", new Date(NOW.getTime() - DAY));
    const closedRecently = await feedbackEndedAt("closed", new Date(NOW.getTime() + 30 * DAY));
    const stillOpen = await feedbackEndedAt("received", NOW);

    const req = (status: "fulfilled" | "open", decided: Date | null) =>
      db()
        .insertInto("privacy_request")
        .values({
          submission_id: crypto.randomUUID(),
          kind: "correct",
          subject_kind: "feedback",
          subject_id: stillOpen,
          subject_code: "PAKN.X",
          status,
          lang: "vi",
          received_at: NOW,
          due_at: new Date(NOW.getTime() + 3 * DAY),
          decided_at: decided,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const oldRequest = await req("fulfilled", new Date(NOW.getTime() - DAY));
    const openRequest = await req("open", null);
    await addSurveyResponses();

    const day = vnDay(NOW);
    const year = Number(vnDay(startsHeld).slice(0, 4));
    const figures = async () => ({
      feedback: await feedbackFigures({ agencyId: 1, from: day, to: day, now: NOW }),
      dialogue: await dialogueFigures({ agencyId: 1, year, today: day }),
      survey: await surveyFigures(),
      dashboard: await dashboardRollups(),
    });
    const before = await figures();
    expect(before.dialogue.attendance.total).toBe(1);
    expect(before.feedback.received).toBe(3);
    expect(before.survey.responses).toBe(3);
    expect(before.dashboard.answers.length).toBeGreaterThan(0);

    // Nothing has expired today.
    expect((await previewRetention(NOW)).counts).toEqual({
      dialogue_registration: 0,
      feedback_contact: 0,
      privacy_request: 0,
    });
    // The dry run a year on names exactly what will go, and changes nothing.
    const preview = await previewRetention(LATER);
    expect(preview.months).toBe(12);
    expect(preview.counts).toEqual({ dialogue_registration: 2, feedback_contact: 1, privacy_request: 1 });
    expect(preview.items.map((i) => [i.kind, i.id]).sort()).toEqual(
      [
        ["dialogue_registration", p1.registration.id],
        ["dialogue_registration", p2.registration.id],
        ["feedback_contact", refusedLongAgo],
        ["privacy_request", oldRequest.id],
      ].sort(),
    );
    expect(await db().selectFrom("privacy_erasure").selectAll().execute()).toEqual([]);

    const run = await runRetention({ now: LATER });
    expect(run).toEqual({ ran: true, counts: { dialogue_registration: 2, feedback_contact: 1, privacy_request: 1 } });

    const regs = await db().selectFrom("dialogue_registration").selectAll().orderBy("id").execute();
    for (const r of regs.filter((x) => x.session_id === held)) {
      expect(r).toMatchObject({ name: "—", phone: null, phone_norm: null, email: null, organisation: null });
      expect(r.erased_at).not.toBeNull();
    }
    expect(regs.find((r) => r.id === p1.registration.id)!.checked_in_at).not.toBeNull();
    expect(regs.find((r) => r.id === p3.registration.id)!.phone).not.toBeNull();
    const q = await db()
      .selectFrom("dialogue_question")
      .select("text")
      .where("registration_id", "=", p1.registration.id)
      .executeTakeFirstOrThrow();
    expect(q.text).toBe("Xin gọi lại cho tôi: [***]");

    const contacts = await db().selectFrom("feedback_contact").select("feedback_id").orderBy("feedback_id").execute();
    expect(contacts.map((c) => c.feedback_id)).toEqual([closedRecently, stillOpen].sort((a, b) => a - b));
    const requests = await db().selectFrom("privacy_request").select("id").execute();
    expect(requests.map((r) => r.id)).toEqual([openRequest.id]);

    expect(await figures()).toEqual(before);

    // Run again: nothing left to do.
    expect(await runRetention({ now: LATER })).toEqual({
      ran: true,
      counts: { dialogue_registration: 0, feedback_contact: 0, privacy_request: 0 },
    });
    const audits = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "privacy.retention.run")
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[0].actor_id).toBeNull();
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "stands aside while another instance holds the lock (PostgreSQL only: the embedded database has one connection)",
    async () => {
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("select pg_advisory_lock($1::bigint)", [RETENTION_LOCK_KEY]);
        expect(await runRetention({ now: LATER })).toEqual({ ran: false });
        await other.query("select pg_advisory_unlock($1::bigint)", [RETENTION_LOCK_KEY]);
        expect((await runRetention({ now: LATER })).ran).toBe(true);
      } finally {
        await other.end();
      }
    },
  );

  it("the schedule runs once at start, logs counts only, and stops cleanly", async () => {
    const lines: string[] = [];
    startRetentionSchedule((l) => lines.push(l));
    await stopRetentionSchedule();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[retention\] erased \{"dialogue_registration":\d+,"feedback_contact":\d+,"privacy_request":\d+\}$/,
    );
  });
});
