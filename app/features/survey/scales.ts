// The answer codes of each item type (docs/rules/questionnaires.md "Scales": store the code, never the label).
// Labels are translation keys (survey.scale.<type>.<value>); the order is the order shown, the
// same as on the paper form so that paper entry types the digit the person ticked.
import type { ItemType } from "../../../db/tables/survey";

export type ScaleType = "L5" | "L3" | "PRIORITY" | "yesno";

export const SCALES: Record<ScaleType, readonly number[]> = {
  // 1 Rất không hài lòng … 5 Rất hài lòng; 0 = Không ý kiến, left out of every denominator.
  L5: [1, 2, 3, 4, 5, 0],
  // 3 Rất hài lòng, 2 Hài lòng, 1 Chưa hài lòng (TT 32/2017/TT-BTTTT screens).
  L3: [3, 2, 1],
  // 3 Rất nhiều, 2 Nhiều, 1 Ít.
  PRIORITY: [3, 2, 1],
  yesno: [1, 0],
};

export const L5_NO_OPINION = 0;

export function isScale(type: ItemType): type is ScaleType {
  return type in SCALES;
}

export const ITEM_TYPES: readonly ItemType[] = ["L5", "L3", "PRIORITY", "single", "multi", "yesno", "text", "textarea"];

/** Free-text limits when an item sets none: a short answer and a comment. */
export const DEFAULT_MAX_LENGTH: Record<"text" | "textarea", number> = { text: 200, textarea: 2000 };
export const MAX_MAX_LENGTH = 5000;

export function maxLengthOf(item: { type: ItemType; maxLength: number | null }): number {
  if (item.type !== "text" && item.type !== "textarea") return 0;
  return item.maxLength ?? DEFAULT_MAX_LENGTH[item.type];
}

/** Known block codes get a translated heading (survey.blocks.<code>); others show their code. */
export const KNOWN_BLOCKS = [
  "ACCESS",
  "PROC",
  "STAFF",
  "RESULT",
  "PAKN",
  "OVERALL",
  "EXPECT",
  "DEMO",
  "DOSSIER",
  "OTHER",
] as const;
