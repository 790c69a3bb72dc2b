import type { ColumnType } from "kysely";

// Kysely needs ColumnType at the top of a column's type (not inside Generated<> or a union).
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
