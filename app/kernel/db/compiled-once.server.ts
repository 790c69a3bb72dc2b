// Statements of a fixed shape, built and compiled by Kysely once per database handle instead of on
// every call (docs/decisions/0010-direct-submission-lane.md). Building the survey submission's
// look-up (a lateral join and four subqueries) was about 6 % of the server's CPU per submission once
// Remix was out of the way; the text it compiles to never changes, only its values do. The text
// stays the same string, so db/prepared.ts names it as before.
import { CompiledQuery, type Compilable, type QueryResult } from "kysely";
import { db, type DB } from "./db.server";

/** A value no caller passes: marks where an argument lands among the statement's parameters. */
const mark = (i: number) => `\u0000compiled-once:${i}\u0000`;

/**
 * `build` makes the statement from its arguments, and must give the same text for any values:
 * every argument a plain value (no array, no null that would change `=` to `is`), used as a
 * parameter and never deciding the shape. Each call then only swaps its arguments into the
 * compiled parameters (constants the builder wrote itself, like a limit, stay).
 */
export function compiledOnce<A extends unknown[], R>(
  build: (database: DB, ...args: A) => Compilable<R>,
): (...args: A) => Promise<QueryResult<R>> {
  let cache: { database: DB; sql: string; parameters: readonly unknown[]; slots: (number | null)[] } | null = null;
  return (...args: A) => {
    const database = db();
    if (!cache || cache.database !== database) {
      const compiled = build(database, ...(args.map((_, i) => mark(i)) as A)).compile();
      const slots = compiled.parameters.map((p) => {
        const i = args.findIndex((_, j) => p === mark(j));
        return i < 0 ? null : i;
      });
      cache = { database, sql: compiled.sql, parameters: compiled.parameters, slots };
    }
    const { sql, parameters, slots } = cache;
    const values = parameters.map((p, j) => (slots[j] === null ? p : args[slots[j]!]));
    return database.executeQuery(CompiledQuery.raw(sql, values) as CompiledQuery<R>);
  };
}
