// How many bytes a request body may have, per route, enforced by the server before any page code
// reads it (app/kernel/http/http-gate.server.ts) and again by the form readers. The numbers and why
// they are what they are: docs/security/http.md.
import { CSV_MAX_BYTES } from "~/features/survey/coverage-csv";
import { SCAN_MAX_BYTES } from "~/features/dialogue/dialogue-minutes-scan.server";
import { MAX_ATTACHMENT_BYTES } from "~/features/feedback/feedback.schema";

const KiB = 1024;
const MiB = 1024 * KiB;

/** Room for a form's text fields next to its files (each text field is cut at 64 KiB). */
export const FIELDS_ALLOWANCE = 1 * MiB;
/** Every form without a file: the longest text anyone types (minutes, a survey's items) is far below. */
export const FORM_BODY_MAX = 1 * MiB;
/** The feedback form and its status page: attachments up to 10 MiB together, plus the text. */
export const FEEDBACK_BODY_MAX = MAX_ATTACHMENT_BYTES + FIELDS_ALLOWANCE;
/** The signed minutes' scan (one file). */
export const MINUTES_BODY_MAX = SCAN_MAX_BYTES + FIELDS_ALLOWANCE;
/** A served-dossiers CSV, as a file or pasted (either may be sent, so both count). */
export const COVERAGE_BODY_MAX = 2 * CSV_MAX_BYTES + FIELDS_ALLOWANCE;

const ROUTES: [RegExp, number][] = [
  [/^\/feedback\/?$/, FEEDBACK_BODY_MAX],
  [/^\/feedback\/status\/?$/, FEEDBACK_BODY_MAX],
  [/^\/staff\/dialogues\/[^/]+\/minutes\/?$/, MINUTES_BODY_MAX],
  [/^\/staff\/coverage\/import\/?$/, COVERAGE_BODY_MAX],
  // The register of late dossiers takes the same CSV shape and size as the served counts.
  [/^\/staff\/late-dossiers\/import\/?$/, COVERAGE_BODY_MAX],
];

/** The largest body a request to this path may carry. */
export function bodyLimitFor(pathname: string): number {
  for (const [re, max] of ROUTES) if (re.test(pathname)) return max;
  return FORM_BODY_MAX;
}

/** "10 MB" / "1 MB" for the refusal page (MiB shown as MB, as phones and Windows do). */
export function formatBytes(n: number): string {
  return n >= MiB ? `${Math.round((n / MiB) * 10) / 10} MB` : `${Math.round(n / KiB)} KB`;
}
