// Streams an export as a download: the writer runs in the background while the body streams,
// and a failure half-way ends the stream (the browser reports a failed download) instead of
// leaving it open.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { CONTENT_TYPE, csvSink, xlsxSink, type RowSink } from "~/kernel/files/export-stream.server";

export type ExportFormat = "csv" | "xlsx";

/** The `format` query parameter's value; anything but "xlsx" is CSV. */
export function parseFormat(format: string | null): ExportFormat {
  return format === "xlsx" ? "xlsx" : "csv";
}

/** `signal` is the request's: when the client goes away the output is closed, and the writer
 * stops at its next write (the server reads the body as fast as it comes, so back-pressure alone
 * would not stop it). */
export function streamDownload(
  format: ExportFormat,
  filename: string,
  write: (sink: RowSink) => Promise<unknown>,
  signal?: AbortSignal,
): Response {
  const out = new PassThrough();
  const sink = format === "xlsx" ? xlsxSink(out) : csvSink(out);
  const stop = () => out.destroy();
  signal?.addEventListener("abort", stop, { once: true });
  write(sink)
    .catch((err) => {
      if (signal?.aborted) return; // the client left: nothing failed
      console.error(`[export] ${filename} failed: ${(err as Error).message}`);
      out.destroy(err as Error);
    })
    .finally(() => signal?.removeEventListener("abort", stop));
  return new Response(createReadableStreamFromReadable(out), {
    headers: {
      "Content-Type": CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${filename}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
