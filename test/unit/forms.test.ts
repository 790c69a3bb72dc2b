import * as z from "zod";
import { formValues, parseForm } from "~/kernel/forms/parse";

const schema = z
  .object({
    name: z.string().trim().min(1, { error: "x.errors.nameRequired" }),
    age: z.coerce.number({ error: "x.errors.age" }).int({ error: "x.errors.age" }),
    email: z.email({ error: "x.errors.email" }),
    password: z.string().min(1, { error: "x.errors.password" }),
  })
  .superRefine((v, ctx) => {
    if (v.name === "both") ctx.addIssue({ code: "custom", path: [], message: "x.errors.whole" });
  });

describe("parseForm (the one form parser)", () => {
  it("takes a plain record or [name, value] entries, never needing a Request or FormData", () => {
    const good = { name: " An ", age: "30", email: "an@example.vn", password: "pw" };
    const fromRecord = parseForm(schema, good);
    const fromEntries = parseForm(schema, Object.entries(good));
    expect(fromRecord).toEqual({ ok: true, data: { name: "An", age: 30, email: "an@example.vn", password: "pw" } });
    expect(fromEntries).toEqual(fromRecord);
  });

  it("gives one translation key per field, in the form's order; the values as typed come back without secrets", () => {
    // Sent in an order unlike the form's; zod reports email before age here only if we let it.
    const r = parseForm(schema, [
      ["password", ""],
      ["email", "nope"],
      ["age", "x"],
      ["name", ""],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual(["name", "age", "email", "password"]);
    expect(r.errors).toEqual({
      name: "x.errors.nameRequired",
      age: "x.errors.age",
      email: "x.errors.email",
      password: "x.errors.password",
    });
    expect(
      formValues([
        ["password", ""],
        ["email", "nope"],
        ["age", "x"],
        ["name", ""],
      ]),
    ).toEqual({ email: "nope", age: "x", name: "" });
  });

  it("keys a whole-form problem as _form, listed first", () => {
    const whole = parseForm(schema, { name: "both", age: "1", email: "a@b.vn", password: "p" });
    expect(whole).toMatchObject({ ok: false, errors: { _form: "x.errors.whole" } });
  });

  it("turns zod's English sentences into the fallback key, and ignores files", () => {
    const plain = z.object({ n: z.string().min(3) });
    expect(parseForm(plain, { n: "a" })).toMatchObject({ ok: false, errors: { n: "forms.invalid" } });
    expect(parseForm(plain, { n: "a" }, "feedback.errors.invalid")).toMatchObject({
      errors: { n: "feedback.errors.invalid" },
    });
    const file = new Blob(["x"]);
    expect(parseForm(plain, [["n", file]])).toMatchObject({ ok: false, errors: { n: "forms.invalid" } });
  });

  it("joins a name sent twice when refilling, keeps the last when parsing", () => {
    expect(
      formValues([
        ["unit", "1"],
        ["unit", "2"],
      ]),
    ).toEqual({ unit: "1,2" });
    expect(
      parseForm(z.object({ unit: z.string() }), [
        ["unit", "1"],
        ["unit", "2"],
      ]),
    ).toEqual({ ok: true, data: { unit: "2" } });
  });
});
