import { sniffFile } from "~/kernel/http/file-type";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffFile", () => {
  it("recognises the accepted kinds by content", () => {
    expect(sniffFile(bytes("%PDF-1.7\n..."), "don.pdf")).toMatchObject({ ok: true, kind: "pdf" });
    expect(sniffFile(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "anh.png")).toMatchObject({
      ok: true,
      kind: "png",
    });
    expect(sniffFile(bytes([0xff, 0xd8, 0xff, 0xe0]), "anh.JPEG")).toMatchObject({ ok: true, kind: "jpg" });
    expect(
      sniffFile(bytes([0x50, 0x4b, 3, 4], "....[Content_Types].xml...word/document.xml"), "to-trinh.docx"),
    ).toMatchObject({ ok: true, kind: "docx" });
    expect(sniffFile(bytes([0x50, 0x4b, 3, 4], "....xl/workbook.xml"), "bang.xlsx")).toMatchObject({
      ok: true,
      kind: "xlsx",
    });
    expect(sniffFile(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "cu.xls")).toMatchObject({
      ok: true,
      kind: "xls",
    });
  });

  it("refuses a renamed executable, a mismatched name, other zips and empty files", () => {
    expect(sniffFile(bytes("MZ\x90\x00\x03"), "hoa-don.pdf")).toEqual({ ok: false, reason: "unsupported" });
    expect(sniffFile(bytes([0x7f, 0x45, 0x4c, 0x46]), "anh.png")).toEqual({ ok: false, reason: "unsupported" });
    expect(sniffFile(bytes("%PDF-1.4"), "virus.exe")).toEqual({ ok: false, reason: "mismatch" });
    expect(sniffFile(bytes([0x50, 0x4b, 3, 4], "payload.js"), "x.docx")).toEqual({ ok: false, reason: "unsupported" });
    expect(sniffFile(new Uint8Array(), "x.pdf")).toEqual({ ok: false, reason: "empty" });
    expect(sniffFile(bytes("%PDF-1.4"), "x.pdf", ["png", "jpg"])).toEqual({ ok: false, reason: "unsupported" });
  });
});
