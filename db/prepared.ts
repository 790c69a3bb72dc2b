// Named (prepared) statements for the queries the portal runs again and again. node-postgres sends
// an unnamed statement by default, so PostgreSQL parses and plans it anew on every call: for the
// small statements of a survey submission that is most of their cost (measured: 0.10 instead of
// 0.23 ms of database CPU for the survey look-up, 0.14 instead of 0.27 for the rate-limit upsert).
// A named statement is parsed once per connection, and PostgreSQL keeps its plan.
//
// The policy is JDBC's: a text is named once it has been run a few times in this process, so a
// one-off query (a report for one odd filter) never occupies a connection's memory, and at most
// MAX_NAMED texts are ever named. Only statements with parameters: a text without them goes over
// the simple protocol, which also carries the migrations' multi-statement scripts.
import crypto from "node:crypto";
import type pg from "pg";

/** A naming policy: a text gets a name on its `after`-th run, and at most `max` texts ever do. */
export function statementNamer(after = 3, max = 400): (text: string) => string | null {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  return (text) => {
    const known = names.get(text);
    if (known) return known;
    if (names.size >= max) return null;
    const n = (seen.get(text) ?? 0) + 1;
    if (n < after) {
      // The counting map is bounded too: past its size it starts again rather than grow.
      if (seen.size >= max * 10) seen.clear();
      seen.set(text, n);
      return null;
    }
    seen.delete(text);
    const name = `hl_${crypto.createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
}

/** The process's policy: the name to send `text` under, or null to send it unnamed this time. */
const statementName = statementNamer();

type Query = (...args: unknown[]) => unknown;

/** Makes a pooled client send the statements that qualify as named ones. Kysely calls
 * `client.query(text, values)`; every other form of call passes through untouched. */
export function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === "string" && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (name) return query({ name, text, values });
    }
    return query(...args);
  };
}
