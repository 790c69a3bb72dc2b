// On PostgreSQL a statement the portal runs again and again is parsed once per connection (see
// db/prepared.ts); the embedded database gets unnamed ones.
import { sql } from "kysely";
import { currentDatabase, db } from "../../db/client";

describe("named statements", () => {
  it("a repeated query becomes a prepared statement on PostgreSQL, with the same answers", async () => {
    const kind = currentDatabase()!.kind;
    // One transaction: one connection, whose session lists its prepared statements.
    const { answers, prepared } = await db()
      .transaction()
      .execute(async (trx) => {
        const answers: number[] = [];
        for (let i = 1; i <= 5; i++)
          answers.push(
            (await sql<{ prepared_probe_v: number }>`select ${i}::int + 1 as prepared_probe_v`.execute(trx)).rows[0]
              .prepared_probe_v,
          );
        const prepared = await sql<{
          statement: string;
        }>`select statement from pg_prepared_statements where statement like '%prepared_probe_v%'`.execute(trx);
        return { answers, prepared: prepared.rows.map((r) => r.statement) };
      });
    expect(answers).toEqual([2, 3, 4, 5, 6]);
    expect(prepared).toEqual(kind === "postgres" ? ["select $1::int + 1 as prepared_probe_v"] : []);
  });
});
