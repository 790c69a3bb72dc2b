// Whether a unit and procedure named by a link, a citizen or a paper form may be answered about.

export type PlaceCheck = { ok: true } | { ok: false; reason: "unit" | "procedure" | "mismatch" };

/** The catalogue's verdict on a unit and procedure: the unit must be active; a procedure, when
 * named, must be active (`undefined`: none such) and belong to that unit or to none. */
export function placeVerdict(
  unitId: number,
  unitActive: boolean,
  procedure: { unitId: number | null } | null | undefined,
): PlaceCheck {
  if (!unitActive) return { ok: false, reason: "unit" };
  if (procedure === null) return { ok: true };
  if (procedure === undefined) return { ok: false, reason: "procedure" };
  if (procedure.unitId !== null && procedure.unitId !== unitId) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
