// Test helpers for figures: Form B responses with chosen answers at chosen local days, stored
// the way the portal stores them (response, answers, rollup queue).
import crypto from "node:crypto";
import { storeResponse } from "~/features/survey/response.server";
import { db } from "~/kernel/db/db.server";
import { ensureForms, SLUG_B } from "./survey";

export async function formB() {
  await ensureForms();
  const survey = await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow();
  const version = await db()
    .selectFrom("survey_version")
    .select("id")
    .where("survey_id", "=", survey.id)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  const items = await db()
    .selectFrom("survey_item")
    .select(["id", "code", "type"])
    .where("version_id", "=", version.id)
    .execute();
  return { surveyId: survey.id, versionId: version.id, items };
}

type FormB = Awaited<ReturnType<typeof formB>>;

/** `count` Form B responses whose every L5 answer is `value`, dated noon (Vietnam) on `day`. */
export async function storeB(
  b: FormB,
  o: {
    unitId: number;
    procedureId?: number | null;
    channel: "qr" | "kiosk" | "web" | "paper";
    day: string;
    value: number;
    count?: number;
    enteredBy?: number | null;
  },
) {
  for (let i = 0; i < (o.count ?? 1); i++) {
    await storeResponse({
      id: crypto.randomUUID(),
      agencyId: 1,
      surveyId: b.surveyId,
      versionId: b.versionId,
      unitId: o.unitId,
      procedureId: o.procedureId ?? null,
      counter: null,
      channel: o.channel,
      lang: "vi",
      startedAt: null,
      submittedAt: new Date(`${o.day}T12:00:00+07:00`),
      flagReasons: [],
      dossierHash: null,
      enteredBy: o.enteredBy ?? null,
      answers: b.items
        .filter((it) => it.type === "L5")
        .map((it) => ({ itemId: it.id, value: o.value, text: null, choices: null })),
    });
  }
}
