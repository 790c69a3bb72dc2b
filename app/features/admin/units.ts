// The unit tree's rules, pure so they are unit-tested.

export const UNIT_KINDS = ["board", "office", "division", "subdepartment", "center"] as const;

/** True when making `parentId` the parent of unit `id` would close a loop (a unit under itself,
 * directly or through its descendants). A new unit (id null) can never close one. */
export function wouldCycle(
  units: readonly { id: number; parentId: number | null }[],
  id: number | null,
  parentId: number | null,
): boolean {
  if (id === null || parentId === null) return false;
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<number>();
  for (let at: number | null | undefined = parentId; at != null; at = parentOf.get(at)) {
    if (at === id) return true;
    // A loop already in the data (it should not be) must not hang the page.
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** Units that may be chosen as the parent of unit `id`: not itself and none of its descendants. */
export function parentChoices<T extends { id: number; parentId: number | null }>(
  units: readonly T[],
  id: number | null,
): T[] {
  return units.filter((u) => u.id !== id && !wouldCycle(units, id, u.id));
}
