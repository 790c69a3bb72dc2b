// Decides what an uploaded file really is from its first bytes (its "magic number"), not from
// its name: a renamed executable must not pass as a PDF. Only the kinds citizens and staff need
// to send are accepted (NĐ 20/2008 feedback attachments; signed minutes scans).
export type FileKind = "pdf" | "doc" | "docx" | "xls" | "xlsx" | "jpg" | "png";

export const MIME: Record<FileKind, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  png: "image/png",
};

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b);

function contains(bytes: Uint8Array, text: string): boolean {
  // Zip archives list their entry names in plain ASCII; scanning the bytes finds them.
  const needle = Buffer.from(text, "latin1");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}

function extension(filename: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename.trim());
  return m ? m[1].toLowerCase().replace("jpeg", "jpg") : "";
}

export type SniffResult =
  { ok: true; kind: FileKind; mime: string } | { ok: false; reason: "unsupported" | "mismatch" | "empty" };

/** What the file is, if it is one of `allowed` and its name does not claim something else. */
export function sniffFile(
  bytes: Uint8Array,
  filename: string,
  allowed: readonly FileKind[] = Object.keys(MIME) as FileKind[],
): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const ext = extension(filename);
  let kind: FileKind | null = null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    kind = "pdf"; // %PDF-
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) kind = "png";
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) kind = "jpg";
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Old Office files share one container format; the name decides between doc and xls.
    kind = ext === "xls" ? "xls" : ext === "doc" ? "doc" : null;
  } else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (contains(bytes, "word/")) kind = "docx";
    else if (contains(bytes, "xl/")) kind = "xlsx";
  }
  if (!kind || !allowed.includes(kind)) return { ok: false, reason: "unsupported" };
  if (ext && ext !== kind) return { ok: false, reason: "mismatch" };
  return { ok: true, kind, mime: MIME[kind] };
}
