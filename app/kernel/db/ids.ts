// Row ids and page numbers as they arrive in addresses. Ids are PostgreSQL `integer` (serial)
// columns: a number past 2^31 − 1 makes the query fail ("out of range"), so it is refused here
// as "no such row" (a 404) before any query. A page number is cut to a range any list can have,
// so "?page=1e308" is the last page anyone could reach, not an infinite offset.
export const MAX_DB_ID = 2_147_483_647;
export const MAX_PAGE = 100_000;

export function isDbId(n: number): boolean {
  return Number.isInteger(n) && n > 0 && n <= MAX_DB_ID;
}

export function pageNumber(n: number | undefined): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(n ?? 1) || 1));
}
