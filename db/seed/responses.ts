// A year of realistic anonymous demo responses, so a newcomer's first look at the dashboard shows
// every kind of verdict: units above the target, one clearly below, one too small to judge.
// Deterministic (seeded random), bulk-inserted, then the rollups are built once by GROUP BY.
import crypto from "node:crypto";
import type { DB } from "../client";
import { rebuildRollups } from "../../app/features/reports/rollup.server";

/** Small deterministic PRNG (mulberry32): the same demo data on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// How satisfied each unit's visitors are, and how many of them answer (share of the total).
// QLCN is the one clearly below the target; TTUD has too few answers to judge.
export const UNIT_PROFILES: Record<string, { p: number; weight: number }> = {
  VP: { p: 0.97, weight: 0.18 },
  CCTDC: { p: 0.95, weight: 0.34 },
  QLKH: { p: 0.92, weight: 0.12 },
  QLCN: { p: 0.78, weight: 0.28 },
  TTTT: { p: 0.96, weight: 0.06 },
  TTUD: { p: 0.9, weight: 0.02 },
};

const COMMENTS = [
  "Cán bộ hướng dẫn nhiệt tình, rõ ràng.",
  "Thời gian chờ hơi lâu, nên bố trí thêm người tiếp nhận.",
  "Nên cho nộp hồ sơ trực tuyến toàn trình.",
  "Phí và lệ phí niêm yết rõ ràng, dễ hiểu.",
  "Bãi giữ xe chật, nên mở rộng.",
  "Có gì cần bổ sung xin gọi cho tôi số 0912 345 678.",
  "Biểu mẫu khó hiểu, nên có hướng dẫn ghi mẫu.",
  "Rất hài lòng, cảm ơn Sở.",
  "Kết quả trả sớm hơn hẹn, rất tốt.",
  "Đề nghị gửi kết quả qua bưu điện. Email: nguoidan.demo@example.com",
];

interface ItemRow {
  id: number;
  type: string;
  block: string;
  options: { code: string; score?: number }[] | null;
  required: boolean;
}

function answerFor(
  item: ItemRow,
  r: () => number,
  p: number,
): { value: number | null; text: string | null; choices: string[] | null } | null {
  const skip = !item.required && r() < 0.08;
  if (skip) return null;
  switch (item.type) {
    case "L5": {
      if (r() < 0.04) return { value: 0, text: null, choices: null };
      const itemP = Math.min(0.995, Math.max(0.3, p + (r() - 0.5) * 0.08));
      if (r() < itemP) return { value: r() < 0.55 ? 5 : 4, text: null, choices: null };
      const x = r();
      return { value: x < 0.6 ? 3 : x < 0.9 ? 2 : 1, text: null, choices: null };
    }
    case "L3":
      return { value: r() < p ? (r() < 0.5 ? 3 : 2) : 1, text: null, choices: null };
    case "PRIORITY":
      return { value: 1 + Math.floor(r() * 3), text: null, choices: null };
    case "yesno":
      return { value: r() < 0.5 ? 1 : 0, text: null, choices: null };
    case "single": {
      const opts = item.options ?? [];
      if (!opts.length) return null;
      // Scored options (Form A) lean towards the best score as satisfaction rises.
      const scored = opts.some((o) => o.score !== undefined);
      const pick =
        scored && r() < p
          ? opts.reduce((best, o) => ((o.score ?? 0) > (best.score ?? 0) ? o : best), opts[0])
          : opts[Math.floor(r() * opts.length)];
      return { value: pick.score ?? null, text: null, choices: [pick.code] };
    }
    case "multi": {
      const opts = item.options ?? [];
      const chosen = opts.filter(() => r() < 0.3).map((o) => o.code);
      return chosen.length ? { value: null, text: null, choices: chosen } : null;
    }
    case "text":
    case "textarea":
      return r() < 0.15 ? { value: null, text: COMMENTS[Math.floor(r() * COMMENTS.length)], choices: null } : null;
    default:
      return null;
  }
}

export async function seedDemoResponses(trx: DB, opts: { perSurvey?: Record<string, number>; now?: Date } = {}) {
  const r = rng(20261127);
  const now = opts.now ?? new Date();
  const counts = opts.perSurvey ?? { B: 2600, A: 700 };
  const units = await trx.selectFrom("unit").select(["id", "code"]).execute();
  const procedures = await trx.selectFrom("procedure").select(["id", "unit_id"]).execute();
  const profiles = units.filter((u) => UNIT_PROFILES[u.code]).map((u) => ({ ...u, ...UNIT_PROFILES[u.code] }));
  const totalWeight = profiles.reduce((a, u) => a + u.weight, 0);
  const surveys = await trx.selectFrom("survey").select(["id", "kind"]).where("kind", "in", ["A", "B"]).execute();
  for (const survey of surveys) {
    const n = counts[survey.kind] ?? 0;
    const version = await trx
      .selectFrom("survey_version")
      .select("id")
      .where("survey_id", "=", survey.id)
      .orderBy("version", "desc")
      .executeTakeFirst();
    if (!version || n === 0) continue;
    const items = (await trx
      .selectFrom("survey_item")
      .select(["id", "type", "block", "options", "required"])
      .where("version_id", "=", version.id)
      .orderBy("position")
      .execute()) as ItemRow[];
    const responses: Record<string, unknown>[] = [];
    const answers: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      let x = r() * totalWeight;
      const unit = profiles.find((u) => (x -= u.weight) < 0) ?? profiles[0];
      const own = procedures.filter((p) => p.unit_id === unit.id);
      const procedure = own.length && r() < 0.85 ? own[Math.floor(r() * own.length)].id : null;
      const c = r();
      const channel = c < 0.55 ? "qr" : c < 0.75 ? "kiosk" : c < 0.87 ? "web" : "paper";
      // Working hours on a day in the past year, in Asia/Ho_Chi_Minh.
      const daysAgo = Math.floor(r() * 365);
      const at = new Date(now.getTime() - daysAgo * 86_400_000);
      at.setUTCHours(1 + Math.floor(r() * 8), Math.floor(r() * 60), 0, 0);
      if (at > now) at.setTime(now.getTime() - 3_600_000);
      const flagged = r() < 0.012;
      const id = crypto.randomUUID();
      responses.push({
        id,
        survey_id: survey.id,
        survey_version_id: version.id,
        unit_id: unit.id,
        procedure_id: procedure,
        counter: channel === "paper" ? null : `Q${1 + Math.floor(r() * 3)}`,
        channel,
        lang: r() < 0.93 ? "vi" : "en",
        submitted_at: at,
        created_at: at,
        flagged,
        flag_reasons: flagged ? ["too_fast"] : [],
        dossier_hash:
          survey.kind === "A" ? crypto.createHash("sha256").update(`demo-dossier-${i}`).digest("base64url") : null,
      });
      for (const item of items) {
        const a = answerFor(item, r, unit.p);
        if (a) answers.push({ response_id: id, item_id: item.id, value: a.value, text: a.text, choices: a.choices });
      }
    }
    for (let i = 0; i < responses.length; i += 500)
      await trx
        .insertInto("response")
        .values(responses.slice(i, i + 500) as never)
        .execute();
    for (let i = 0; i < answers.length; i += 2000)
      await trx
        .insertInto("answer")
        .values(answers.slice(i, i + 2000) as never)
        .execute();
  }
  // Dossiers served per unit and quarter, so the response rate has a denominator.
  const year = now.getUTCFullYear();
  const quarters = [
    [`${year - 1}-12-15`, `${year}-03-14`],
    [`${year}-03-15`, `${year}-06-14`],
    [`${year}-06-15`, `${year}-09-14`],
    [`${year}-09-15`, `${year}-12-14`],
  ];
  const served = profiles.flatMap((u) =>
    quarters.map(([s, e]) => ({
      unit_id: u.id,
      procedure_id: null,
      period_start: s,
      period_end: e,
      count: Math.round(((counts.B ?? 0) * u.weight) / 4 / 0.35),
    })),
  );
  await trx
    .insertInto("served_count")
    .values(served as never)
    .execute();
  await rebuildRollups(trx);
}
