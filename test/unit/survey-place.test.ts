import { placeVerdict } from "~/features/survey/place";

describe("the catalogue's verdict on a unit and procedure", () => {
  it("needs an active unit", () => {
    expect(placeVerdict(3, false, null)).toEqual({ ok: false, reason: "unit" });
    expect(placeVerdict(3, false, { unitId: 3 })).toEqual({ ok: false, reason: "unit" });
    expect(placeVerdict(3, true, null)).toEqual({ ok: true });
  });

  it("needs a named procedure to exist, active, and belong to that unit or to none", () => {
    expect(placeVerdict(3, true, undefined)).toEqual({ ok: false, reason: "procedure" });
    expect(placeVerdict(3, true, { unitId: 4 })).toEqual({ ok: false, reason: "mismatch" });
    expect(placeVerdict(3, true, { unitId: 3 })).toEqual({ ok: true });
    expect(placeVerdict(3, true, { unitId: null })).toEqual({ ok: true });
  });
});
