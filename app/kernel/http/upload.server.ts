// Reads a posted form, multipart or not, with limits that end in a message rather than a crash:
// files beyond the total allowed are dropped (so the text the person typed still comes back to
// them with the message), and a body past a hard cap stops the reading at once. The server's gate
// caps the body before this (app/kernel/http/body-limits.server.ts); the cap here holds for any caller.
// An HTTP adapter: it reads the Request, and routes (or app/utils/*.http.server.ts) call it and
// hand the services the fields and files it returns, never the request.

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface ParsedForm {
  fields: Map<string, string[]>;
  files: UploadedFile[];
  /** The files together were larger than allowed (all files are dropped then). */
  tooLarge: boolean;
  tooMany: boolean;
  /** The body could not be read as a form, or passed the hard cap. */
  unreadable: boolean;
}

export interface FormLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** Longer text fields are cut here; set it above every schema maximum so validation reports them. */
  maxFieldBytes: number;
  /** Nothing larger is read at all. */
  hardCapBytes: number;
}

class HardCap extends Error {}

export function field(form: ParsedForm, name: string): string {
  return form.fields.get(name)?.[0] ?? "";
}

/** The body as a stream that fails once more than `cap` bytes have passed: nothing past the cap
 * is read, whatever the Content-Length said (or did not say). */
function capped(body: ReadableStream<Uint8Array>, cap: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > cap) throw new HardCap();
        controller.enqueue(chunk);
      },
    }),
  );
}

export async function parseForm(request: Request, limits: FormLimits): Promise<ParsedForm> {
  const out: ParsedForm = { fields: new Map(), files: [], tooLarge: false, tooMany: false, unreadable: false };
  // PostgreSQL text cannot hold a NUL character (the insert fails): no one types one, so drop it.
  const add = (name: string, value: string) =>
    out.fields.set(name, [...(out.fields.get(name) ?? []), value.replaceAll("\u0000", "")]);
  const type = request.headers.get("Content-Type") ?? "";
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limits.hardCapBytes) return { ...out, tooLarge: true, unreadable: true };

  // The body is read through a counter that stops at the hard cap, then parsed by the platform's
  // own form reader, which follows RFC 7578: a file name may hold ";", "=" or start with "=" (the
  // reader used before split the header on them and lost the file or the whole form).
  let fd: FormData;
  try {
    const body = request.body ? capped(request.body, limits.hardCapBytes) : null;
    fd = await new Response(body, { headers: { "Content-Type": type } }).formData();
  } catch (e) {
    if (e instanceof HardCap || (e as { cause?: unknown })?.cause instanceof HardCap) out.tooLarge = true;
    out.unreadable = true;
    return out;
  }

  let fileBytes = 0;
  for (const [name, value] of fd.entries()) {
    if (typeof value === "string") {
      add(
        name,
        value.length > limits.maxFieldBytes
          ? Buffer.from(value, "utf8").subarray(0, limits.maxFieldBytes).toString("utf8")
          : value,
      );
      continue;
    }
    // A file input left empty arrives as a nameless, empty part: that is "no file". A named file
    // of 0 bytes is kept, so the page says it is empty instead of dropping it unseen.
    if (!value.name && value.size === 0) continue;
    fileBytes += value.size;
    if (fileBytes > limits.maxFileBytes) out.tooLarge = true;
    if (out.files.length >= limits.maxFiles) out.tooMany = true;
    else if (!out.tooLarge)
      out.files.push({
        field: name,
        filename: value.name || "file",
        contentType: value.type,
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
  }
  if (out.tooLarge) out.files = [];
  return out;
}
