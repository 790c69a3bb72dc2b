// The HTTP side of the two CSV imports (served counts, the late-dossier register): the file if
// one was chosen, else the pasted text, refused whole when too big or empty before any line is
// read (a refused paste comes back cut to its start, by one rule for both: csv-paste-echo.ts);
// then the import's service (importServedCsv, importLateCsv: text in, never the request)
// and, when every line is right, back to the register with the count saved.
import { json, redirect } from "@remix-run/node";
import type { CsvImportResult } from "~/features/reports/csv-import.server";
import { tooBigEcho } from "~/features/reports/csv-paste-echo";
import { CSV_MAX_BYTES, CSV_MAX_LINES } from "~/features/survey/coverage-csv";
import type { CsvLineError } from "~/kernel/files/csv-read";
import { readFormData } from "~/kernel/http/request.server";

const fail = (errors: CsvLineError[], text: string, status = 400) => json({ errors, text }, { status });

export async function answerCsvImport(
  request: Request,
  opts: {
    /** The message keys' prefix: `csvTooBig`, `csvTooBigCut` and `csvEmpty` follow it. */
    errorPrefix: string;
    run: (text: string) => Promise<CsvImportResult>;
    /** The register's page; `?saved=N` is added. */
    back: string;
  },
) {
  const E = opts.errorPrefix;
  // A body this large is not read at all.
  if (Number(request.headers.get("Content-Length") ?? 0) > CSV_MAX_BYTES * 2)
    return fail([{ line: 0, key: `${E}csvTooBig` }], "", 413);
  const form = await readFormData(request);
  const file = form.get("file");
  const pasted = String(form.get("text") ?? "");
  const fromFile = file && typeof file !== "string" && file.size > 0;
  const text = fromFile ? (file.size > CSV_MAX_BYTES ? null : await file.text()) : pasted;
  // A paste is held to the file's size too (UTF-8 bytes, as a file's size counts them).
  const tooBig =
    text === null ||
    (!fromFile && Buffer.byteLength(text) > CSV_MAX_BYTES) ||
    text.split("\n").length > CSV_MAX_LINES + 1;
  if (tooBig) {
    const echo = tooBigEcho(pasted);
    // The message says when the box holds only the paste's start, so no one takes it for all.
    return fail([{ line: 0, key: `${E}${echo.length < pasted.length ? "csvTooBigCut" : "csvTooBig"}` }], echo);
  }
  if (!text.trim()) return fail([{ line: 0, key: `${E}csvEmpty` }], pasted);
  const r = await opts.run(text);
  if (r.ok) return redirect(`${opts.back}?saved=${r.count}`);
  return fail(r.errors, pasted);
}
