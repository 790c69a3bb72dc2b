// Reads a posted form, multipart or not, with limits that end in a message rather than a crash:
// files beyond the total allowed are read and thrown away (so the text the person typed still
// comes back to them with the message), and a body past a hard cap stops the reading at once.
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";

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

export async function parseForm(request: Request, limits: FormLimits): Promise<ParsedForm> {
  const out: ParsedForm = { fields: new Map(), files: [], tooLarge: false, tooMany: false, unreadable: false };
  // PostgreSQL text cannot hold a NUL character (the insert fails): no one types one, so drop it.
  const add = (name: string, value: string) => out.fields.set(name, [...(out.fields.get(name) ?? []), value.replaceAll("\u0000", "")]);
  const type = request.headers.get("Content-Type") ?? "";
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limits.hardCapBytes) return { ...out, tooLarge: true, unreadable: true };

  if (!type.startsWith("multipart/form-data")) {
    try {
      const fd = await request.formData();
      for (const [k, v] of fd.entries()) if (typeof v === "string") add(k, v.slice(0, limits.maxFieldBytes));
    } catch {
      out.unreadable = true;
    }
    return out;
  }

  let total = 0;
  let fileBytes = 0;
  const handler = async ({ name, filename, contentType, data }: UploadHandlerPart) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const isFile = typeof filename === "string";
    const cap = isFile ? Infinity : limits.maxFieldBytes;
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > limits.hardCapBytes) throw new HardCap();
      // Past a limit, keep reading (the rest of the form may follow) but keep nothing.
      if (size + chunk.byteLength <= cap && !(isFile && (out.tooLarge || fileBytes + size + chunk.byteLength > limits.maxFileBytes))) {
        chunks.push(chunk);
      } else if (isFile) {
        out.tooLarge = true;
      }
      size += chunk.byteLength;
    }
    if (!isFile) {
      add(name, Buffer.concat(chunks).toString("utf8"));
      return undefined;
    }
    if (!filename || size === 0) return undefined; // an empty file input
    fileBytes += size;
    if (fileBytes > limits.maxFileBytes) out.tooLarge = true;
    if (out.files.length >= limits.maxFiles) out.tooMany = true;
    else if (!out.tooLarge) out.files.push({ field: name, filename, contentType, bytes: Buffer.concat(chunks) });
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (e) {
    if (e instanceof HardCap) out.tooLarge = true;
    out.unreadable = true;
  }
  if (out.tooLarge) out.files = [];
  return out;
}
