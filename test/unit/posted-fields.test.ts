// The posted form as plain values: what the survey and paper-entry services read instead of FormData.
import { allOf, firstOf, postedFields } from "~/kernel/forms/posted";
import { readPostedFields } from "~/kernel/http/request.server";

const post = (body: BodyInit, contentType?: string) =>
  new Request("http://localhost/s/x", {
    method: "POST",
    body,
    headers: contentType ? { "Content-Type": contentType } : {},
  });

describe("posted fields", () => {
  it("keeps every value of a field in the order sent, and answers none for a missing field", async () => {
    const f = await readPostedFields(
      post(
        new URLSearchParams([
          ["q_A", "1"],
          ["q_B", "x"],
          ["q_A", "3"],
        ]),
      ),
    );
    expect(allOf(f, "q_A")).toEqual(["1", "3"]);
    expect(firstOf(f, "q_A")).toBe("1");
    expect(firstOf(f, "q_C")).toBeNull();
    expect(allOf(f, "q_C")).toEqual([]);
  });

  it("reads a multipart form the same way and leaves files out", async () => {
    const fd = new FormData();
    fd.append("unit", "7");
    fd.append("scan", new Blob(["%PDF"]), "a.pdf");
    const f = await readPostedFields(post(fd));
    expect([...f.keys()]).toEqual(["unit"]);
    expect(firstOf(f, "unit")).toBe("7");
  });

  it("drops NUL characters from names and values, and reads a body that is not a form as an empty one", async () => {
    const f = await readPostedFields(post("a\u0000b=c\u0000d", "application/x-www-form-urlencoded"));
    expect(firstOf(f, "ab")).toBe("cd");
    expect((await readPostedFields(post("{}", "application/json"))).size).toBe(0);
    expect((await readPostedFields(post("--zzz\r\nbroken", "multipart/form-data; boundary=zzz"))).size).toBe(0);
  });

  it("gives nothing for names an object would inherit", () => {
    const f = postedFields({ unit: "1" });
    expect(allOf(f, "constructor")).toEqual([]);
    expect(firstOf(f, "__proto__")).toBeNull();
  });

  it("builds from a record with lists, as a form with repeated fields", () => {
    const f = postedFields({ q_M: ["a", "b"], unit: "2" });
    expect(allOf(f, "q_M")).toEqual(["a", "b"]);
    expect(firstOf(f, "unit")).toBe("2");
  });
});
