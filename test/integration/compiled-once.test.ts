// A statement compiled once (app/kernel/db/compiled-once.server.ts): built by Kysely on its first
// call only, and every later call gives what building it anew would give.
import { compiledOnce } from "~/kernel/db/compiled-once.server";
import { db } from "~/kernel/db/db.server";

describe("a statement compiled once", () => {
  it("is built once, swaps in each call's values (an argument used twice, constants kept)", async () => {
    let built = 0;
    const lookup = compiledOnce((database, id: number, code: string) => {
      built++;
      return database
        .selectFrom("agency")
        .select(["id", "code"])
        .where((eb) => eb.or([eb("id", "=", id), eb("parent_id", "=", id)]))
        .where("code", "!=", code)
        .orderBy("id")
        .limit(2);
    });
    const agencies = await db().selectFrom("agency").select(["id", "code"]).orderBy("id").execute();
    expect(agencies.length).toBeGreaterThan(0);
    for (const a of agencies) {
      for (const code of [a.code, "none"]) {
        // The same statement built anew each time, as the reference.
        const fresh = await db()
          .selectFrom("agency")
          .select(["id", "code"])
          .where((eb) => eb.or([eb("id", "=", a.id), eb("parent_id", "=", a.id)]))
          .where("code", "!=", code)
          .orderBy("id")
          .limit(2)
          .execute();
        expect((await lookup(a.id, code)).rows).toEqual(fresh);
      }
    }
    // By hand: the first agency without excluding it is itself, first by id.
    expect((await lookup(agencies[0].id, "none")).rows[0]).toEqual(agencies[0]);
    expect((await lookup(agencies[0].id, agencies[0].code)).rows.some((r) => r.id === agencies[0].id)).toBe(false);
    expect(built).toBe(1);
  });
});
