// The one Database interface for Kysely, assembled from each feature's tables (db/tables/*).
// Row types say what the database returns: Generated<> for columns it fills in, `| null` only
// where a column is nullable.
import type { AgencyTables } from "./tables/agency";
import type { DashboardTables } from "./tables/dashboard";
import type { FeedbackTables } from "./tables/feedback";
import type { DialogueTables } from "./tables/dialogue";
import type { FoundationTables } from "./tables/foundation";
import type { PrivacyTables } from "./tables/privacy";
import type { PrivacyRequestTables } from "./tables/privacy-requests";
import type { ReportSnapshotTables } from "./tables/report-snapshot";
import type { StaffTables } from "./tables/staff";
import type { SurveyTables } from "./tables/survey";
import type { Tt01Tables } from "./tables/tt01";
import type { LimitTables } from "./tables/limits";

export interface Database
  extends
    AgencyTables,
    FoundationTables,
    StaffTables,
    PrivacyTables,
    SurveyTables,
    FeedbackTables,
    DialogueTables,
    DashboardTables,
    PrivacyRequestTables,
    Tt01Tables,
    ReportSnapshotTables,
    LimitTables,
    CitizenKeyTables {}
import type { CitizenKeyTables } from "./tables/citizen-keys";

export type * from "./tables/agency";
export type * from "./tables/foundation";
export type * from "./tables/staff";
export type * from "./tables/privacy";
export type * from "./tables/survey";
export type * from "./tables/feedback";
export type * from "./tables/dialogue";
export type * from "./tables/dashboard";
export type * from "./tables/privacy-requests";
export type * from "./tables/tt01";
export type * from "./tables/report-snapshot";
export type * from "./tables/limits";
export type * from "./tables/citizen-keys";
