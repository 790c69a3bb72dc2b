// Turns rollup counts into the dashboard's figures. Pure: the model fetches counts, this decides
// what they mean (docs/rules/satisfaction-figures.md), so the rules are unit-tested without a database.
import { blockIndex, rate, sipasIndex, suppress, verdict, type Rate, type Verdict } from "./stats";

export interface Counts {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

export const ZERO: Counts = { c0: 0, c1: 0, c2: 0, c3: 0, c4: 0, c5: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  return { c0: a.c0 + b.c0, c1: a.c1 + b.c1, c2: a.c2 + b.c2, c3: a.c3 + b.c3, c4: a.c4 + b.c4, c5: a.c5 + b.c5 };
}

/** L5: satisfied = 4 or 5; valid = 1–5 (0 is "no opinion", left out). */
export function l5Rate(c: Counts): Rate {
  return rate(c.c4 + c.c5, c.c1 + c.c2 + c.c3 + c.c4 + c.c5);
}

/** What a hidden figure carries: no count, no rate, no interval. */
export const HIDDEN_RATE: Rate = { satisfied: 0, n: 0, rate: null, ci: null };

export interface RatedCell {
  key: string;
  rate: Rate;
  verdict: Verdict;
  suppressed: boolean;
}

/** A breakdown cell: its rate and verdict, or suppressed when n is under the threshold so
 * nobody can be singled out (NĐ 61 Art. 27). */
export function ratedCell(key: string, c: Counts, target: number, threshold: number): RatedCell {
  const r = l5Rate(c);
  const hidden = suppress(r, threshold).suppressed;
  return {
    key,
    // Nothing of a hidden cell travels to the page, its n included (docs/rules/suppression.md).
    rate: hidden ? HIDDEN_RATE : r,
    verdict: hidden ? { kind: "no_data", moreNeeded: null } : verdict(r, target),
    suppressed: hidden,
  };
}

export interface ItemInfo {
  code: string;
  block: string;
  type: string;
  ids: number[];
}

export const SIPAS_BLOCKS = ["ACCESS", "PROC", "STAFF", "RESULT", "PAKN"] as const;

/** The overall satisfaction question: the ">90 %" figure. */
export function overallItem<T extends ItemInfo>(items: T[]): T | undefined {
  return items.find((i) => i.block === "OVERALL" && i.type === "L5");
}

/** A block's own "how satisfied are you with …" question, shown beside its index. */
export function isBlockQuestion(item: ItemInfo): boolean {
  return item.type === "L5" && /(_SAT|_OVERALL)$/i.test(item.code);
}

export function itemCounts(item: ItemInfo, byItemId: Map<number, Counts>): Counts {
  return item.ids.reduce((acc, id) => addCounts(acc, byItemId.get(id) ?? ZERO), ZERO);
}

export interface BlockFigure {
  block: string;
  /** Mean of the block's item rates (the block question left out). */
  index: number | null;
  /** The smallest item n, so a reader sees how thin the index is. */
  minN: number;
  question: Rate | null;
  items: { code: string; rate: Rate }[];
}

export function blockFigures<T extends ItemInfo>(
  items: T[],
  byItemId: Map<number, Counts>,
): { blocks: BlockFigure[]; sipas: number | null } {
  const blocks: BlockFigure[] = SIPAS_BLOCKS.map((block) => {
    const inBlock = items.filter((i) => i.block === block && i.type === "L5");
    const questions = inBlock.filter(isBlockQuestion);
    const plain = inBlock.filter((i) => !isBlockQuestion(i));
    const rates = plain.map((i) => ({ code: i.code, rate: l5Rate(itemCounts(i, byItemId)) }));
    return {
      block,
      index: blockIndex(rates.map((r) => r.rate)),
      minN: rates.length ? Math.min(...rates.map((r) => r.rate.n)) : 0,
      question: questions.length ? l5Rate(itemCounts(questions[0], byItemId)) : null,
      items: rates,
    };
  });
  return { blocks, sipas: sipasIndex(blocks.map((b) => b.index)) };
}

/** Responses ÷ dossiers served, or null without a served count. */
export function responseRate(responses: number, served: number | undefined): number | null {
  return served && served > 0 ? responses / served : null;
}
