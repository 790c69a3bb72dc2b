// The database refuses any change to the items of a frozen version (migration 017's trigger,
// docs/rules/survey-versions.md) with this message. Code that edits items checks first, under the
// version's lock; this only turns a refusal that slipped past that check into the same answer.
export const FROZEN_MESSAGE = "survey_version_frozen";

export function isFrozenVersionError(e: unknown): boolean {
  return !!e && typeof e === "object" && (e as { message?: unknown }).message === FROZEN_MESSAGE;
}
