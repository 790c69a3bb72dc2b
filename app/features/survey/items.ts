// The shape of a survey item as forms and parsers see it (one language picked or both kept).
import type { ItemOption, ItemType } from "../../../db/tables/survey";

export type { ItemOption, ItemType };

export interface FormItem {
  id: number;
  code: string;
  block: string;
  type: ItemType;
  required: boolean;
  options: ItemOption[] | null;
  maxLength: number | null;
}

export interface ShownItem extends FormItem {
  text: string;
  help: string | null;
}

/** The answer stored for one item: scales and scored choices in value, words in text, choice codes in choices. */
export interface AnswerValue {
  itemId: number;
  value: number | null;
  text: string | null;
  choices: string[] | null;
}

export const fieldName = (code: string) => `q_${code}`;

/** Groups items into their blocks, in order, numbering each question for the "Câu x/y" progress text. */
export function groupByBlock<T extends { block: string }>(
  items: T[],
): { block: string; items: { item: T; n: number }[] }[] {
  const groups: { block: string; items: { item: T; n: number }[] }[] = [];
  items.forEach((item, i) => {
    const last = groups[groups.length - 1];
    if (last && last.block === item.block) last.items.push({ item, n: i + 1 });
    else groups.push({ block: item.block, items: [{ item, n: i + 1 }] });
  });
  return groups;
}

/** The option labels in a language. */
export function optionLabel(o: ItemOption, lang: "vi" | "en"): string {
  return lang === "en" ? o.en : o.vi;
}

/** Where the service was given, as the form shows it: named by a signed link, or chosen. */
export interface PlaceChoice {
  /** From a signed link: names to show, nothing to choose. */
  fixed: { unit: string; procedure: string | null; counter: string | null } | null;
  units: { id: number; name: string }[];
  /** Procedures grouped by their unit, for a <select> with <optgroup>s. */
  procedureGroups: { unit: string; procedures: { id: number; name: string }[] }[];
}

/** A numeric id from a URL segment or form field; null for anything else (then: 404). */
export const idParam = (v: string | null | undefined): number | null => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);
