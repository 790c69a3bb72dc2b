// The responses export and the connections it holds: on PostgreSQL it reads through one cursor,
// holding a pool connection for its whole run (docs/decisions/0012-export-cursor.md). A download
// the client leaves must stop the export and give the connection back; exports started together
// hold at most half the pool, and a survey answer still goes through meanwhile. On the embedded
// database the export reads in pages and holds nothing between them: the same checks hold there.
import { PassThrough, Writable } from "node:stream";
import { writeReadableStreamToWritable } from "@remix-run/node";
import { sql } from "kysely";
import { exportResponses } from "~/features/reports/export.server";
import { csvSink } from "~/kernel/files/export-stream.server";
import { currentDatabase, db } from "~/kernel/db/db.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { loader } from "~/routes/staff.export.responses";
import { seedDemo } from "../../db/seed/index";
import { signIn } from "../support/staff";
import { formBFields, formToken, postSurvey, SLUG_B } from "../support/survey";
import { until } from "../support/wait";

const tVi = createI18n("vi").t;
// Five batches of 1,000: the CSV's first write (256 KB) comes well before the last batch.
const RESPONSES = 5000;
let surveyB: number;
let unitId: number;
let office: string;

const pool = () => currentDatabase()!.pool;
/** Connections checked out of the pool right now. */
const held = () => pool().totalCount - pool().idleCount;
const onPostgres = () => currentDatabase()!.kind === "postgres";

beforeAll(async () => {
  await seedDemo(db(), { responses: { B: 0, A: 0 } });
  surveyB = (await db().selectFrom("survey").select("id").where("kind", "=", "B").executeTakeFirstOrThrow()).id;
  const version = await db()
    .selectFrom("survey_version")
    .select("id")
    .where("survey_id", "=", surveyB)
    .executeTakeFirstOrThrow();
  unitId = (await db().selectFrom("unit").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  // In the last hour: inside the current report period, the route's default window.
  await sql`
    insert into response (id, survey_id, survey_version_id, unit_id, channel, lang, submitted_at, flagged, flag_reasons)
    select gen_random_uuid(), ${surveyB}, ${version.id}, ${unitId}, 'qr', 'vi', now() - g * interval '0.5 second', false, '{}'
    from generate_series(1, ${RESPONSES}) g`.execute(db());
  await sql`
    insert into answer (response_id, item_id, value)
    select r.id, i.id, 4 from response r join survey_item i on i.version_id = r.survey_version_id
    where r.survey_id = ${surveyB} and i.type = 'L5'`.execute(db());
  office = (await signIn("office")).cookie;
});

/** The whole CSV of the route's default window, read as the server reads it. */
async function fullSize(): Promise<number> {
  const res = await loader({ request: exportRequest(), params: {}, context: {} });
  return (await res.arrayBuffer()).byteLength;
}

function exportRequest(signal?: AbortSignal) {
  return new Request(`http://localhost/staff/export/responses?survey=${surveyB}&format=csv`, {
    headers: { Cookie: office },
    signal,
  });
}

describe("the export's connection", () => {
  it("stops the export and gives its connection back when the client leaves mid-download", async () => {
    const whole = await fullSize();
    const client = new AbortController();
    const res = await loader({ request: exportRequest(client.signal), params: {}, context: {} });
    // Nobody reads yet: the export stalls at its first write, and on PostgreSQL its cursor holds a
    // connection meanwhile.
    if (onPostgres())
      await until(
        async () => held(),
        (n) => n >= 1,
      );
    client.abort();
    // Then the body is read as the server writes one out (app/kernel/http/http-gate.server.ts):
    // as fast as it comes.
    let bytes = 0;
    const socket = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb();
      },
    });
    await writeReadableStreamToWritable(res.body!, socket);
    // What was written before the client left comes out; the export stopped there, and the pool
    // is whole again.
    expect(bytes).toBeLessThan(whole / 2);
    await until(
      async () => ({ held: held(), waiting: pool().waitingCount }),
      (p) => p.held === 0 && p.waiting === 0,
    );
  });

  it("holds at most half the pool for exports started together, and a survey answer still goes through", async () => {
    const max = pool().options.max!;
    const cursors = Math.floor(max / 2);
    // One export more than may hold a connection (at least five), each stalled by a client that
    // reads nothing.
    const outs = Array.from({ length: Math.max(5, cursors + 1) }, () => new PassThrough());
    const runs = outs.map((out) => {
      const run = exportResponses(
        { surveyId: surveyB, from: "2000-01-01", to: "2100-12-31", includeFlagged: true },
        tVi,
        csvSink(out),
      );
      run.catch(() => {});
      return run;
    });
    await until(
      async () => outs.map((o) => o.writableNeedDrain),
      (stalled) => stalled.every(Boolean),
    );
    // The cursors still hold theirs (PostgreSQL); the one past the share reads in pages and holds
    // nothing while it waits; the embedded database's exports hold nothing.
    const expected = onPostgres() ? cursors : 0;
    expect(
      await until(
        async () => held(),
        (n) => n === expected,
      ),
    ).toBe(expected);
    const answer = await postSurvey(SLUG_B, formBFields("4", { _f: await formToken(SLUG_B), unit: String(unitId) }));
    expect(answer.status).toBe(302);
    for (const out of outs) out.destroy();
    for (const run of runs) await expect(run).rejects.toThrow("The output closed before the export finished.");
    await until(
      async () => held(),
      (n) => n === 0,
    );
  });
});
