import { isDatabaseUnavailable } from "~/kernel/db/db-errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("which errors mean the database is out of reach", () => {
  it("knows a lost or refused connection, a server shutting down, and too many connections", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("the database system is starting up", "57P03"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("sorry, too many clients already", "53300"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("connection failure", "08006"))).toBe(true);
    // Wrapped, as a driver or a transaction helper may do.
    expect(isDatabaseUnavailable(new Error("query failed", { cause: withCode("read ECONNRESET", "ECONNRESET") }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")]))).toBe(
      true,
    );
  });

  it("leaves other faults alone: they are bugs or bad data, and stay 500s", () => {
    expect(
      isDatabaseUnavailable(withCode('duplicate key value violates unique constraint "response_pkey"', "23505")),
    ).toBe(false);
    expect(isDatabaseUnavailable(withCode('syntax error at or near "selec"', "42601"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });
});
