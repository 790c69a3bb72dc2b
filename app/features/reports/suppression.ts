// Small-group suppression (docs/rules/suppression.md). Pure: counts in, which cells to hide out.
// NĐ 61/2018 Art. 27 keeps the identity of people who evaluate confidential; a figure over a
// handful of answers can point at a person, so it is not published, on any view.

export interface SizedCell {
  key: string;
  /** The answers the cell's figure rests on. */
  n: number;
}

/** Primary suppression: a figure over at least one but fewer than `threshold` answers is hidden.
 * An empty cell (n = 0) shows nothing about anybody and stays as "no data". */
export function tooSmall(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

/**
 * The cells of one set to hide. A set is cells whose sum is published elsewhere (the units of a
 * headline, the channels of a headline): when exactly one of them is hidden, total minus the
 * others gives it back, so the smallest cell still shown is hidden as well (complementary
 * suppression). Ties on n are broken by key so the same data always hides the same cells.
 */
export function hiddenCells(cells: SizedCell[], threshold: number): Set<string> {
  const hidden = new Set(cells.filter((c) => tooSmall(c.n, threshold)).map((c) => c.key));
  if (hidden.size === 1) {
    const next = cells
      .filter((c) => c.n > 0 && !hidden.has(c.key))
      .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}

/**
 * Whether a view narrowed to `key` must be hidden because its parent table hides that cell.
 * A filter to one unit shows that unit's headline; if the unit's row is hidden in the by-unit
 * table (too small, or hidden to stop subtraction), the filtered view must hide it too, or the
 * filter undoes the table's suppression.
 */
export function narrowedHidden(parent: SizedCell[], key: string, threshold: number): boolean {
  return hiddenCells(parent, threshold).has(key);
}
