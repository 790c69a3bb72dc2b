// When the thanks page offers the feedback form: an answer that says the person was not
// satisfied (1 or 2 on L5, "Chưa hài lòng" on L3) or a choice marked as a problem (Form A: an
// unofficial cost, an unhelpful official).
import type { AnswerValue, FormItem } from "./items";

export function isDissatisfied(item: FormItem, a: AnswerValue): boolean {
  if (item.type === "L5") return a.value === 1 || a.value === 2;
  if (item.type === "L3") return a.value === 1;
  if (item.type === "yesno") return a.value === 1 && !!item.options?.find((o) => o.code === "1")?.feedback;
  if (item.type === "single" || item.type === "multi") {
    return (a.choices ?? []).some((c) => item.options?.find((o) => o.code === c)?.feedback);
  }
  return false;
}

export function offersFeedback(items: FormItem[], answers: AnswerValue[]): boolean {
  const byId = new Map(items.map((i) => [i.id, i]));
  return answers.some((a) => {
    const item = byId.get(a.itemId);
    return !!item && isDissatisfied(item, a);
  });
}
