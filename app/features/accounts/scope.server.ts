// Unit scoping for model functions: a `unit` user reads and changes only rows of their own unit.
// Pages never filter by unit themselves; they pass the user to a model function, which narrows
// its query here, so a forgotten filter in a page cannot leak another unit's data.
import { sql, type SelectQueryBuilder } from "kysely";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";

/** Narrows a query to the rows of `column` (e.g. "procedure.unit_id") the user may see. A unit
 * user without a unit sees nothing rather than everything. */
export function scopeByUnit<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  column: string,
  user: StaffUser,
): SelectQueryBuilder<DB, TB, O> {
  const scope = unitScope(user);
  if (scope.all) return qb;
  if (scope.unitId === null) return qb.where(sql<boolean>`false`);
  return qb.where(sql.ref(column), "=", scope.unitId);
}

/** Whether a row belonging to `unitId` is inside the user's scope. A single row fetched by id
 * outside it is answered as if it did not exist (the page's 404), so a unit user cannot learn
 * which ids other units have. */
export function inScope(user: StaffUser, unitId: number | null): boolean {
  const scope = unitScope(user);
  return scope.all || (scope.unitId !== null && scope.unitId === unitId);
}
