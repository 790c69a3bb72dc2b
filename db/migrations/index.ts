// Migrations are listed here by name rather than read from the folder at run time, so the same
// list works in the bundled server, in tsx scripts and in vitest. Names sort in the order they run.
import type { Migration } from "kysely";
import * as foundation from "./2026_11_27_001_foundation";
import * as staff from "./2026_11_27_002_staff";
import * as privacy from "./2026_11_27_003_privacy";
import * as survey from "./2026_11_27_004_survey";
import * as feedback from "./2026_11_27_005_feedback";
import * as dialogue from "./2026_11_27_006_dialogue";
import * as dashboard from "./2026_11_27_007_dashboard";
import * as privacyRequests from "./2026_11_27_008_privacy_requests";
import * as rollupQueue from "./2026_11_27_009_rollup_queue";
import * as exportIndexes from "./2026_11_27_010_export_indexes";
import * as citizenKeys from "./2026_12_06_011_citizen_keys";
import * as limits from "./2026_12_06_012_limits";
import * as tt01 from "./2026_12_06_014_tt01";
import * as feedbackFigures from "./2026_12_06_015_feedback_figures";
import * as reportSnapshots from "./2026_12_06_016_report_snapshots";
import * as flagsVersions from "./2026_12_06_017_flags_versions";
import * as snapshotOtherFigures from "./2026_12_06_018_snapshot_other_figures";
import * as dialogueEnglish from "./2026_12_06_020_dialogue_english";
import * as agencies from "./2026_12_06_021_agencies";
import * as provinceRole from "./2026_12_06_022_province_role";
import * as agencySettingsHolidays from "./2026_12_06_023_agency_settings_holidays";
import * as rollupQuarter from "./2026_12_06_024_rollup_quarter";

export const migrations: Record<string, Migration> = {
  "2026_11_27_001_foundation": foundation,
  "2026_11_27_002_staff": staff,
  "2026_11_27_003_privacy": privacy,
  "2026_11_27_004_survey": survey,
  "2026_11_27_005_feedback": feedback,
  "2026_11_27_006_dialogue": dialogue,
  "2026_11_27_007_dashboard": dashboard,
  "2026_11_27_008_privacy_requests": privacyRequests,
  "2026_11_27_009_rollup_queue": rollupQueue,
  "2026_11_27_010_export_indexes": exportIndexes,
  "2026_12_06_011_citizen_keys": citizenKeys,
  "2026_12_06_012_limits": limits,
  "2026_12_06_014_tt01": tt01,
  "2026_12_06_015_feedback_figures": feedbackFigures,
  "2026_12_06_016_report_snapshots": reportSnapshots,
  "2026_12_06_017_flags_versions": flagsVersions,
  "2026_12_06_018_snapshot_other_figures": snapshotOtherFigures,
  "2026_12_06_020_dialogue_english": dialogueEnglish,
  "2026_12_06_021_agencies": agencies,
  "2026_12_06_022_province_role": provinceRole,
  "2026_12_06_023_agency_settings_holidays": agencySettingsHolidays,
  "2026_12_06_024_rollup_quarter": rollupQuarter,
};
