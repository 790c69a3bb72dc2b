// One export row from a response and its answers as the export query returns them (scores and
// free answers as parallel arrays of item ids and values). Pure, so the pivot is unit-tested.
import { maskPii } from "~/kernel/mask-pii";

export interface ExportItem {
  code: string;
  type: string;
  /** The item's ids across survey versions: one code is one column. */
  ids: number[];
}

export interface ResponseAnswers {
  /** The scores as "item:score" pairs joined by commas ("12:4,13:0"), or null. */
  scores: string | null;
  str_ids: number[] | null;
  strs: (string | null)[] | null;
}

export interface ColumnMap {
  width: number;
  column: Map<number, number>;
  /** Columns whose free text is masked (phone numbers, emails typed into comments). */
  masked: boolean[];
}

export function columnMap(items: ExportItem[]): ColumnMap {
  const column = new Map<number, number>();
  const masked: boolean[] = [];
  items.forEach((item, i) => {
    for (const id of item.ids) column.set(id, i);
    masked.push(item.type === "text" || item.type === "textarea");
  });
  return { width: items.length, column, masked };
}

/** The answer cells in column order: a score as a number, text (masked where free) as a string. */
export function answerCells(map: ColumnMap, a: ResponseAnswers): (string | number | null)[] {
  return fillAnswerCells(map, a, new Array(map.width).fill(null), 0);
}

/** The same cells written into `out` from `offset` on (cells with no answer are left as they
 * are): the export builds each row in one array instead of one per part joined by a spread. */
export function fillAnswerCells<T extends unknown[]>(map: ColumnMap, a: ResponseAnswers, out: T, offset: number): T {
  const s = a.scores;
  if (s) {
    // Read digit by digit: a string per pair and per number was most of the garbage per row.
    for (let i = 0; i < s.length;) {
      let id = 0;
      for (let ch = s.charCodeAt(i++); ch !== 58 && i <= s.length; ch = s.charCodeAt(i++)) id = id * 10 + ch - 48;
      const negative = s.charCodeAt(i) === 45;
      if (negative) i++;
      let v = 0;
      for (let ch = s.charCodeAt(i++); ch >= 48 && ch <= 57; ch = s.charCodeAt(i++)) v = v * 10 + ch - 48;
      if (negative) v = -v;
      const c = map.column.get(id);
      // (A score in a free-text column cannot happen today; if it did it would be masked too.)
      if (c !== undefined) out[offset + c] = map.masked[c] ? maskPii(String(v)) : v;
    }
  }
  if (a.str_ids && a.strs) {
    for (let i = 0; i < a.str_ids.length; i++) {
      const c = map.column.get(a.str_ids[i]);
      const s = a.strs[i];
      if (c !== undefined && s !== null) out[offset + c] = map.masked[c] ? maskPii(s) : s;
    }
  }
  return out;
}
