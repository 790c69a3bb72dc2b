// Applies the small-group rule (docs/rules/suppression.md) to every figure of one dashboard view:
// headline, trend, by unit, by channel, blocks, distribution and volume. Pure: the model gathers
// the figures and which narrowed groups its parent tables hide; this decides what is shown.
import { HIDDEN_RATE, l5Rate, type BlockFigure, type Counts, type RatedCell } from "./dashboard-figures";
import { verdict, type Rate, type Verdict } from "./stats";
import { hiddenCells, tooSmall } from "./suppression";

const NO_VERDICT: Verdict = { kind: "no_data", moreNeeded: null };
const NO_COUNTS: Counts = { c0: 0, c1: 0, c2: 0, c3: 0, c4: 0, c5: 0 };

export interface RawFigures {
  headline: { rate: Rate; verdict: Verdict };
  trend: { key: string; start: string; end: string; rate: Rate; verdict: Verdict }[];
  byUnit: { key: string; name: string; counts: Counts }[];
  byChannel: { key: string; channel: string; flagged: boolean; counts: Counts }[];
  blocks: BlockFigure[];
  sipas: number | null;
  distribution: { code: string; block: string; text: string; counts: Counts; rate: Rate }[];
  volume: {
    unitId: number;
    name: string;
    responses: number | null;
    flagged: number | null;
    served: number | null;
    responseRate: number | null;
  }[];
  totals: { responses: number | null; flagged: number | null };
}

export interface SuppressionInput {
  target: number;
  threshold: number;
  /** The view is narrowed (unit, procedure, channel, version) to a group its parent table hides,
   * or it is a cumulative period (6, 9 months, year) with a hidden quarter inside. */
  viewHidden: boolean;
  /** Trend quarters whose narrowed group the parent table of that quarter hides. */
  hiddenTrend: Set<string>;
}

/** Rates the cells of one set and hides some: primary (n under the threshold) and
 * complementary (one hidden cell in a set whose total is published takes the next smallest). */
function rateSet<T extends { key: string; counts: Counts }>(
  cells: T[],
  target: number,
  threshold: number,
): (Omit<T, "counts"> & RatedCell)[] {
  const rated = cells.map(({ counts, ...rest }) => ({ ...rest, rate: l5Rate(counts) }));
  const hidden = hiddenCells(
    rated.map((c) => ({ key: c.key, n: c.rate.n })),
    threshold,
  );
  return rated.map((c) =>
    hidden.has(c.key)
      ? { ...c, rate: HIDDEN_RATE, verdict: NO_VERDICT, suppressed: true }
      : { ...c, verdict: verdict(c.rate, target), suppressed: false },
  );
}

export function suppressFigures(f: RawFigures, s: SuppressionInput) {
  const small = (n: number) => tooSmall(n, s.threshold);
  const all = s.viewHidden || small(f.headline.rate.n);
  const headline = all
    ? { rate: HIDDEN_RATE, verdict: NO_VERDICT, suppressed: true }
    : { ...f.headline, suppressed: false };
  const trend = f.trend.map((p) =>
    s.hiddenTrend.has(p.key) || small(p.rate.n)
      ? { ...p, rate: HIDDEN_RATE, verdict: NO_VERDICT, suppressed: true }
      : { ...p, suppressed: false },
  );
  if (all) {
    return {
      ...f,
      suppressed: true,
      headline,
      trend,
      byUnit: [] as ReturnType<typeof rateSet<RawFigures["byUnit"][number]>>,
      byChannel: [] as ReturnType<typeof rateSet<RawFigures["byChannel"][number]>>,
      blocks: f.blocks.map((b) => ({
        ...b,
        index: null,
        minN: 0,
        question: null,
        items: [] as BlockFigure["items"],
        suppressed: true,
      })),
      sipas: null,
      distribution: f.distribution.map((q) => ({ ...q, counts: NO_COUNTS, rate: HIDDEN_RATE, suppressed: true })),
      volume: [] as (RawFigures["volume"][number] & { suppressed: boolean })[],
      totals: { responses: null, flagged: null },
    };
  }
  const byUnit = rateSet(f.byUnit, s.target, s.threshold).sort((a, b) => (b.rate.rate ?? -1) - (a.rate.rate ?? -1));
  // The channel table has two sets: answers counted in the headline and flagged ones (whose sum
  // the "include flagged" view publishes).
  const byChannel = [
    ...rateSet(
      f.byChannel.filter((c) => !c.flagged),
      s.target,
      s.threshold,
    ),
    ...rateSet(
      f.byChannel.filter((c) => c.flagged),
      s.target,
      s.threshold,
    ),
  ].sort((a, b) => a.channel.localeCompare(b.channel) || Number(a.flagged) - Number(b.flagged));
  const blocks = f.blocks.map((b) => {
    const thin = b.items.some((i) => small(i.rate.n));
    const question = b.question && small(b.question.n) ? null : b.question;
    return {
      ...b,
      index: thin ? null : b.index,
      minN: thin ? 0 : b.minN,
      question,
      items: b.items.map((i) => (small(i.rate.n) ? { ...i, rate: HIDDEN_RATE } : i)),
      suppressed: thin,
    };
  });
  const sipas = blocks.some((b) => b.suppressed) ? null : f.sipas;
  const distribution = f.distribution.map((q) =>
    small(q.rate.n) ? { ...q, counts: NO_COUNTS, rate: HIDDEN_RATE, suppressed: true } : { ...q, suppressed: false },
  );
  // Responses per unit add up to the total shown: the same two rules, on responses.
  const hiddenVolume = hiddenCells(
    f.volume.map((v) => ({ key: String(v.unitId), n: v.responses ?? 0 })),
    s.threshold,
  );
  const hiddenFlagged = hiddenCells(
    f.volume.map((v) => ({ key: String(v.unitId), n: v.flagged ?? 0 })),
    s.threshold,
  );
  const volume = f.volume.map((v) => {
    const h = hiddenVolume.has(String(v.unitId));
    return {
      ...v,
      responses: h ? null : v.responses,
      responseRate: h ? null : v.responseRate,
      flagged: hiddenFlagged.has(String(v.unitId)) ? null : v.flagged,
      suppressed: h,
    };
  });
  // The totals are published counts too: 1–4 of them would point at the few people behind them.
  const totals = {
    responses: small(f.totals.responses ?? 0) ? null : f.totals.responses,
    flagged: small(f.totals.flagged ?? 0) ? null : f.totals.flagged,
  };
  return { ...f, suppressed: false, headline, trend, byUnit, byChannel, blocks, sipas, distribution, volume, totals };
}
