import { csvLine, safeCell } from "~/kernel/files/csv";

describe("csv", () => {
  it("quotes separators, quotes and newlines", () => {
    expect(csvLine(["a", 'say "hi"', "x,y", "line\nbreak", 3, null])).toBe('a,"say ""hi""","x,y","line\nbreak",3,\r\n');
    expect(csvLine(["Sở Khoa học và Công nghệ"])).toBe("Sở Khoa học và Công nghệ\r\n");
  });
  it("defuses formulas in text but leaves numbers alone", () => {
    expect(safeCell('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(safeCell("+84912345678")).toBe("'+84912345678");
    expect(safeCell("-1")).toBe("'-1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell(-1)).toBe("-1");
    expect(safeCell("Hài lòng")).toBe("Hài lòng");
  });
});
