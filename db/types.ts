// The one Database interface for Kysely, assembled from each feature's tables (db/tables/*).
// Row types say what the database returns: Generated<> for columns it fills in, `| null` only
// where a column is nullable.
import type { FoundationTables } from "./tables/foundation";

export interface Database extends FoundationTables {}

export type * from "./tables/foundation";
