// The pure pieces of the XLSX export: XML escaping, cell markup, column names, ZIP records, and
// the pivot of a response's answers into columns.
import zlib from "node:zlib";
import { csvCell, csvLine } from "~/kernel/files/csv";
import { answerCells, columnMap } from "~/features/reports/export-row";
import { columnName, rowXml, sheetName, xmlAttr, xmlText } from "~/kernel/files/xlsx-xml";
import {
  centralHeader,
  dataDescriptor,
  dosDateTime,
  endOfCentralDirectory,
  localHeader,
} from "~/kernel/files/zip-records";

describe("xlsx xml", () => {
  it("escapes markup, CR, characters XML forbids and literal _xHHHH_ the way Excel reads them", () => {
    expect(xmlText("plain Tiếng Việt")).toBe("plain Tiếng Việt");
    expect(xmlText('<a href="x">&</a>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;');
    expect(xmlText("a\u0000b\u0008c\u000bd\u001fe\ufffe")).toBe("a_x0000_b_x0008_c_x000B_d_x001F_e_xFFFE_");
    expect(xmlText("tab\tnl\ncr\r")).toBe("tab\tnl\ncr&#13;");
    expect(xmlText("_x0041_ and _x12")).toBe("_x005F_x0041_ and _x12");
    expect(xmlAttr('a"b')).toBe("a&quot;b");
  });

  it("names columns like Excel", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("writes numbers as numbers, text inline, skips empty cells and keeps edge spaces", () => {
    expect(rowXml(3, ["x", 5, null, undefined, NaN, " y", -1.5])).toBe(
      '<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c><c r="B3"><v>5</v></c>' +
        '<c r="F3" t="inlineStr"><is><t xml:space="preserve"> y</t></is></c><c r="G3"><v>-1.5</v></c></row>',
    );
  });

  it("keeps sheet names within Excel's rules", () => {
    expect(sheetName("a/b:c", 0)).toBe("a b c");
    expect(sheetName("x".repeat(40), 0)).toHaveLength(31);
    expect(sheetName("", 2)).toBe("Sheet3");
  });
});

describe("zip records", () => {
  it("lay out the headers APPNOTE describes", () => {
    const name = Buffer.from("xl/tệp.xml");
    const { time, date } = dosDateTime(new Date(2026, 10, 27, 13, 45, 30));
    expect(date).toBe(((2026 - 1980) << 9) | (11 << 5) | 27);
    expect(time).toBe((13 << 11) | (45 << 5) | 15);
    const l = localHeader(name, time, date);
    expect(l.readUInt32LE(0)).toBe(0x04034b50);
    expect(l.readUInt16LE(6)).toBe(0x0808);
    expect(l.subarray(30).toString()).toBe("xl/tệp.xml");
    const crc = zlib.crc32("hello");
    const d = dataDescriptor({ crc, compressedSize: 7, size: 5 });
    expect([d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12)]).toEqual([
      0x08074b50,
      crc,
      7,
      5,
    ]);
    const c = centralHeader({ name, crc, compressedSize: 7, size: 5, offset: 1234, time, date });
    expect([c.readUInt32LE(0), c.readUInt32LE(16), c.readUInt32LE(42), c.readUInt16LE(28)]).toEqual([
      0x02014b50,
      crc,
      1234,
      name.length,
    ]);
    const e = endOfCentralDirectory(3, 200, 5000);
    expect([e.readUInt32LE(0), e.readUInt16LE(10), e.readUInt32LE(12), e.readUInt32LE(16)]).toEqual([
      0x06054b50, 3, 200, 5000,
    ]);
  });
});

describe("export rows", () => {
  const map = columnMap([
    { code: "Q1", type: "L5", ids: [10, 20] },
    { code: "NOTE", type: "textarea", ids: [11] },
    { code: "PICK", type: "multi", ids: [12] },
  ]);

  it("pivots answers by item id across versions and masks only free text", () => {
    expect(answerCells(map, { scores: "20:4", str_ids: [11, 12], strs: ["gọi 0912 345 678", "0912345678;b"] })).toEqual(
      [4, "gọi [***]", "0912345678;b"],
    );
    expect(answerCells(map, { scores: null, str_ids: null, strs: null })).toEqual([null, null, null]);
    expect(answerCells(map, { scores: "99:1", str_ids: [11], strs: [null] })).toEqual([null, null, null]);
  });

  it("reads the scores text: several pairs, several digits, zero and negative scores, unknown items", () => {
    const wide = columnMap([
      { code: "A", type: "L5", ids: [7] },
      { code: "B", type: "L5", ids: [123456] },
      { code: "C", type: "L5", ids: [9] },
      { code: "D", type: "L5", ids: [10] },
    ]);
    expect(answerCells(wide, { scores: "7:0,99:3,123456:15,10:-2", str_ids: null, strs: null })).toEqual([
      0,
      15,
      null,
      -2,
    ]);
    expect(answerCells(wide, { scores: "", str_ids: null, strs: null })).toEqual([null, null, null, null]);
  });

  it("builds CSV lines exactly as cell-by-cell quoting did", () => {
    const values = [1, null, undefined, "a,b", '=x"', "-3", 2.5, "", "Tiếng;Việt", new Date(0), true];
    expect(csvLine(values)).toBe(values.map(csvCell).join(",") + "\r\n");
  });
});
