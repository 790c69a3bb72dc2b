// How long a form takes to answer, said on its page ("34 câu hỏi, khoảng 6 phút") instead of a
// fixed "about 2 minutes": reading a question and ticking a box takes about 10 s on a phone,
// writing a few words about 45 s, choosing the unit and procedure about 30 s.
import type { ItemType } from "../../../db/tables/survey";

const CHOICE_S = 10;
const TEXT_S = 45;
const PLACE_S = 30;

/** Whole minutes, rounded up, at least 1. */
export function answerMinutes(items: readonly { type: ItemType }[]): number {
  const seconds =
    PLACE_S + items.reduce((s, i) => s + (i.type === "text" || i.type === "textarea" ? TEXT_S : CHOICE_S), 0);
  return Math.max(1, Math.ceil(seconds / 60));
}
