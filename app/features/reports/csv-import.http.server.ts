// The HTTP side of the two CSV imports (served counts, the late-dossier register): the file if
// one was chosen, else the pasted text, refused whole when too big or empty before any line is
// read; then the import's service (importServedCsv, importLateCsv: text in, never the request)
// and, when every line is right, back to the register with the count saved.
import { json, redirect } from "@remix-run/node";
import type { CsvImportResult } from "~/features/reports/csv-import.server";
import { CSV_MAX_BYTES, CSV_MAX_LINES } from "~/features/survey/coverage-csv";
import type { CsvLineError } from "~/kernel/files/csv-read";
import { readFormData } from "~/kernel/http/request.server";

const fail = (errors: CsvLineError[], text: string, status = 400) => json({ errors, text }, { status });

export async function answerCsvImport(
  request: Request,
  opts: {
    /** The message keys' prefix: `csvTooBig` and `csvEmpty` follow it. */
    errorPrefix: string;
    run: (text: string) => Promise<CsvImportResult>;
    /** The register's page; `?saved=N` is added. */
    back: string;
    /** How much of a too-big paste comes back into the form (the late-dossier import keeps only
     * its start); all of it when not given. */
    tooBigEcho?: number;
  },
) {
  const E = opts.errorPrefix;
  // A body this large is not read at all.
  if (Number(request.headers.get("Content-Length") ?? 0) > CSV_MAX_BYTES * 2)
    return fail([{ line: 0, key: `${E}csvTooBig` }], "", 413);
  const form = await readFormData(request);
  const file = form.get("file");
  const pasted = String(form.get("text") ?? "");
  const text =
    file && typeof file !== "string" && file.size > 0 ? (file.size > CSV_MAX_BYTES ? null : await file.text()) : pasted;
  if (text === null || text.split("\n").length > CSV_MAX_LINES + 1)
    return fail([{ line: 0, key: `${E}csvTooBig` }], pasted.slice(0, opts.tooBigEcho));
  if (!text.trim()) return fail([{ line: 0, key: `${E}csvEmpty` }], pasted);
  const r = await opts.run(text);
  if (r.ok) return redirect(`${opts.back}?saved=${r.count}`);
  return fail(r.errors, pasted);
}
