import { statementNamer } from "../../db/prepared";

describe("which statements are sent as named (prepared) ones", () => {
  it("names a text on its third run, then always by the same name", () => {
    const name = statementNamer(3, 10);
    expect(name("select $1")).toBeNull();
    expect(name("select $1")).toBeNull();
    const third = name("select $1");
    expect(third).toMatch(/^hl_[\w-]{20}$/);
    expect(name("select $1")).toBe(third);
    expect(name("select $2")).toBeNull();
  });

  it("gives different texts different names", () => {
    const name = statementNamer(1, 10);
    expect(name("select $1 as a")).not.toBe(name("select $1 as b"));
  });

  it("names no more than its cap: a connection's memory stays bounded", () => {
    const name = statementNamer(1, 3);
    const named = Array.from({ length: 6 }, (_, i) => name(`select $1 as c${i}`));
    expect(named.filter(Boolean)).toHaveLength(3);
    expect(named.slice(3)).toEqual([null, null, null]);
    // Those named before the cap keep their names.
    expect(name("select $1 as c0")).toBe(named[0]);
  });
});
