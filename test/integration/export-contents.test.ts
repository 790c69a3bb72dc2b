// The responses export, every byte of the CSV and every cell of the XLSX, against an export built
// here from the raw tables with the rules written out again (docs/rules: CSV cells defused with an
// apostrophe, quoted when they hold " , ; CR or LF; free text masked): awkward free text, choices,
// a second survey version, a unit code that needs quoting, and enough rows to cross page edges.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { exportResponses } from "~/features/reports/export.server";
import { csvSink, xlsxSink } from "~/kernel/files/export-stream.server";
import { db } from "~/kernel/db/db.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { seedDemo } from "../../db/seed/index";
import { FULL_RUN } from "../support/depth";

const tVi = createI18n("vi").t;

async function collect(run: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => out.on("end", r));
  await run(out);
  await ended;
  return Buffer.concat(chunks);
}

// Free text typed by people, each with what the export must show (masking worked out by hand
// from docs/rules: phones, emails and 9+ digit numbers become [***]).
const TEXTS: [string, string][] = [
  ["gọi 0912 345 678 nhé", "gọi [***] nhé"],
  ["+84912345678", "[***]"],
  ['=HYPERLINK("x")', '=HYPERLINK("x")'],
  ["thư a.b@vd.gov.vn, cảm ơn", "thư [***], cảm ơn"],
  ['dòng 1\r\ndòng 2; "trích"', 'dòng 1\r\ndòng 2; "trích"'],
  ["0912\n345.678", "[***]"],
  ["-5 điểm @ quầy", "-5 điểm @ quầy"],
  ["CCCD 001 203 004 005 ok", "CCCD [***] ok"],
  ["\tthụt đầu dòng", "\tthụt đầu dòng"],
  ["12345678 tám số", "12345678 tám số"],
  ["", ""],
  ["  ", "  "],
];

type Cell = string | number | null;

/** One CSV cell by the rule, written again here: text starting = + - @ TAB CR gets an apostrophe;
 * a cell with " , ; CR or LF is quoted with its quotes doubled. */
function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",;\r\n]/.test(s) ? `"${s.split('"').join('""')}"` : s;
}

interface Expected {
  header: string[];
  rows: Cell[][];
}

/** The export built from the raw tables: one row per response in (submitted_at, id) order. */
async function expectedExport(surveyId: number, from: string, to: string, header: string[]): Promise<Expected> {
  const responses = await sql<{
    id: string;
    ms: number;
    us: number;
    version: number;
    unit: string;
    procedure: string | null;
    channel: string;
    lang: string;
    flagged: boolean;
    flag_reasons: string[];
  }>`
    select r.id, (extract(epoch from date_trunc('milliseconds', r.submitted_at)) * 1000)::float8 as ms,
      extract(microseconds from r.submitted_at)::int as us, sv.version, u.code as unit, p.code as procedure,
      r.channel, r.lang, r.flagged, r.flag_reasons
    from response r join survey_version sv on sv.id = r.survey_version_id join unit u on u.id = r.unit_id
    left join procedure p on p.id = r.procedure_id
    where r.survey_id = ${surveyId}
      and r.submitted_at >= (${from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and r.submitted_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`.execute(db());
  const answers = await sql<{
    response_id: string;
    code: string;
    type: string;
    value: number | null;
    text: string | null;
    choices: (string | null)[] | null;
  }>`select a.response_id, i.code, i.type, a.value, a.text, a.choices from answer a
     join survey_item i on i.id = a.item_id join response r on r.id = a.response_id where r.survey_id = ${surveyId}`.execute(
    db(),
  );
  const byResponse = new Map<string, Map<string, Cell>>();
  const masked = new Map(TEXTS);
  for (const a of answers.rows) {
    let v: Cell = a.value;
    if (v === null) {
      v = a.text ?? (a.choices ? a.choices.map((c) => c ?? "").join(";") : null);
      if (v !== null && (a.type === "text" || a.type === "textarea")) v = masked.get(v) ?? v;
    }
    if (v === null) continue;
    if (!byResponse.has(a.response_id)) byResponse.set(a.response_id, new Map());
    byResponse.get(a.response_id)!.set(a.code, v);
  }
  const codes = header.slice(9);
  // Microseconds break ties the milliseconds leave, then the id (PostgreSQL's uuid order is the
  // order of the lower-case hex text).
  const sorted = [...responses.rows].sort(
    (a, b) => a.ms - b.ms || (a.us % 1000) - (b.us % 1000) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows = sorted.map((r) => {
    const local = new Date(r.ms + 7 * 3_600_000).toISOString();
    const answersOf = byResponse.get(r.id) ?? new Map<string, Cell>();
    return [
      r.id,
      `${local.slice(0, 10)} ${local.slice(11, 16)}`,
      r.version,
      r.unit,
      r.procedure ?? "",
      r.channel,
      r.lang,
      r.flagged ? 1 : 0,
      r.flag_reasons.join(";"),
      ...codes.map((c) => answersOf.get(c) ?? null),
    ];
  });
  return { header, rows };
}

let surveyB: number;
// CI runs 5,200 responses; the default run (test/support/depth.ts) 2,200, still over two page edges.
const RESPONSES = FULL_RUN ? 5200 : 2200;

beforeAll(async () => {
  await seedDemo(db(), { responses: { B: 0, A: 0 } });
  surveyB = (await db().selectFrom("survey").select("id").where("kind", "=", "B").executeTakeFirstOrThrow()).id;
  const v1 = await db()
    .selectFrom("survey_version")
    .select("id")
    .where("survey_id", "=", surveyB)
    .executeTakeFirstOrThrow();
  // A second version with the same codes under new item ids: one column per code across both.
  const v2 = await db()
    .insertInto("survey_version")
    .values({ survey_id: surveyB, version: 2, frozen: false })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into survey_item (version_id, position, code, block, type, text_vi, text_en, help_vi, help_en, required, options, max_length)
    select ${v2.id}, position, code, block, type, text_vi, text_en, help_vi, help_en, required, options, max_length
    from survey_item where version_id = ${v1.id}`.execute(db());
  await db().updateTable("survey_version").set({ frozen: true }).where("id", "=", v2.id).execute();
  const unit = await db()
    .insertInto("unit")
    .values({ code: "-U,1", name_vi: "Đơn vị thử", name_en: "Test unit", kind: "division", parent_id: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const units = (await db().selectFrom("unit").select("id").orderBy("id").execute()).map((u) => u.id);
  const procs = (await db().selectFrom("procedure").select("id").orderBy("id").limit(3).execute()).map((p) => p.id);
  // RESPONSES responses (pages are 1,000; CI's 5,200 also cross the 5,000 pages of before) spread over two versions, a microsecond apart in runs of
  // equal times (the id breaks those ties), around Viet Nam's midnight.
  await sql`
    insert into response (id, survey_id, survey_version_id, unit_id, procedure_id, channel, lang, submitted_at, flagged, flag_reasons)
    select gen_random_uuid(), ${surveyB}, case when g % 3 = 0 then ${v2.id}::int else ${v1.id}::int end,
      case when g % 50 = 0 then ${unit.id}::int else (${units}::int[])[1 + g % ${units.length}] end,
      case when g % 4 = 0 then null else (${procs}::int[])[1 + g % ${procs.length}] end,
      (array['qr','kiosk','web','paper'])[1 + g % 4], (array['vi','en'])[1 + g % 2],
      timestamptz '2030-05-31 16:58:00.000001+00' + (g / 7) * interval '37 microseconds' + (g % 5) * interval '1 minute',
      g % 11 = 0, case when g % 11 = 0 then array['too_fast', 'same_device'] when g % 13 = 0 then array['-x,y'] else '{}' end
    from generate_series(0, ${RESPONSES - 1}) g`.execute(db());
  // Scores on every scale item (0 = "no opinion"), some left out; text and choices now and then.
  await sql`
    insert into answer (response_id, item_id, value, text, choices)
    select r.id, i.id,
      case when i.type in ('L5', 'L3') then (hashtext(r.id::text || i.id) & 7) % 6 end,
      case when i.type in ('text', 'textarea') then 'Góp ý, "số" ' || (hashtext(r.id::text) & 1023) end,
      case when i.type = 'PRIORITY' then array['a', null, 'c;d'] when i.type in ('single', 'yesno') then array['x'] end
    from response r join survey_item i on i.version_id = r.survey_version_id
    where r.survey_id = ${surveyB}
      and (i.type in ('L5', 'L3') and hashtext(r.id::text || i.id) % 9 <> 0
        or i.type in ('text', 'textarea', 'PRIORITY', 'single', 'yesno') and hashtext(r.id::text || i.id) % 10 = 0)
    on conflict do nothing`.execute(db());
  // The awkward texts, each on its own response, in the first free-text column.
  const textItem = await db()
    .selectFrom("survey_item")
    .select("id")
    .where("version_id", "=", v1.id)
    .where("type", "in", ["text", "textarea"])
    .orderBy("position")
    .executeTakeFirstOrThrow();
  for (const [i, [text]] of TEXTS.entries()) {
    const id = crypto.randomUUID();
    await db()
      .insertInto("response")
      .values({
        id,
        survey_id: surveyB,
        survey_version_id: v1.id,
        unit_id: units[0],
        procedure_id: null,
        channel: "web",
        lang: "vi",
        submitted_at: new Date(Date.UTC(2030, 5, 1, 3, i)),
        flagged: false,
        flag_reasons: [],
      })
      .execute();
    await db().insertInto("answer").values({ response_id: id, item_id: textItem.id, value: null, text }).execute();
  }
});

describe("responses export contents", () => {
  const f = () => ({ surveyId: surveyB, from: "2030-05-31", to: "2030-06-02", includeFlagged: true });

  it("writes the CSV byte for byte as the rules build it from the raw tables", async () => {
    const csv = (await collect((out) => exportResponses(f(), tVi, csvSink(out)))).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const header = csv.slice(1, csv.indexOf("\r\n")).split(",");
    const expected = await expectedExport(surveyB, f().from, f().to, header);
    expect(expected.rows.length).toBe(RESPONSES + TEXTS.length);
    const text = "\uFEFF" + [header, ...expected.rows].map((r) => r.map(csvCell).join(",") + "\r\n").join("");
    // Line by line first (a readable failure), then the whole file.
    const got = csv.split("\r\n");
    const want = text.split("\r\n");
    for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) expect([i, got[i]]).toEqual([i, want[i]]);
    expect(csv).toBe(text);
    // The rows the rules above were written for are really there.
    expect(csv).toContain(`"'-x,y"`);
    expect(csv).toContain(`"'-U,1"`);
    expect(csv).toContain(`"a;;c;d"`);
    expect(csv).toContain(`,"dòng 1\r\ndòng 2; ""trích"""`);
    expect(csv).not.toContain("0912 345");
    expect(csv).not.toContain("a.b@vd");
  });

  it("writes the same cells to XLSX, numbers as numbers and text as text", async () => {
    const csv = (await collect((out) => exportResponses(f(), tVi, csvSink(out)))).toString("utf8");
    const header = csv.slice(1, csv.indexOf("\r\n")).split(",");
    const expected = await expectedExport(surveyB, f().from, f().to, header);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await collect((out) => exportResponses(f(), tVi, xlsxSink(out)))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(expected.rows.length + 1);
    // exceljs leaves Excel's _xHHHH_ escapes as they are: decode them as Excel does.
    const decode = (v: unknown) =>
      typeof v === "string"
        ? v.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        : v;
    const cellsOf = (n: number) =>
      Array.from({ length: header.length }, (_, i) => {
        const v = ws.getRow(n).getCell(i + 1).value;
        return v === null || v === undefined ? null : decode(v);
      });
    expect(cellsOf(1)).toEqual(header);
    for (let n = 0; n < expected.rows.length; n++) {
      // XLSX has no CSV quoting; text that could start a formula gets the same apostrophe, and an
      // empty text cell reads back as an empty cell.
      const want = expected.rows[n].map((v) =>
        v === "" ? null : typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v,
      );
      const got = cellsOf(n + 2);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect([n, got]).toEqual([n, want]);
    }
  });
});
