import { EnvError, parseEnv } from "~/kernel/env.server";

describe("parseEnv", () => {
  it("fills in defaults for a newcomer with no environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.PGLITE_DIR).toBe("./.data/pglite");
    expect(env.SEED_DEMO).toBe(true);
    expect(env.PGLITE_THREAD).toBe("on");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads SEED_DEMO=false and a PostgreSQL URL", () => {
    const env = parseEnv({ SEED_DEMO: "false", DATABASE_URL: "postgres://root@127.0.0.1:5432/test", PORT: "8080" });
    expect(env.SEED_DEMO).toBe(false);
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("postgres://root@127.0.0.1:5432/test");
  });

  it("stops with a message that names each bad variable", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO/);
    expect(() => parseEnv({ PGLITE_THREAD: "of" })).toThrow(/PGLITE_THREAD: must be on or off/);
    expect(() => parseEnv({ PORT: "99999", SESSION_SECRET: "short" })).toThrow(
      /PORT[\s\S]*SESSION_SECRET|SESSION_SECRET[\s\S]*PORT/,
    );
  });
});
