// A streaming XLSX writer: sheets are written row by row into a ZIP entry as they come, and the
// workbook's small parts (sheet list, relationships, content types, styles) at the end, once the
// sheets are known. Replaces exceljs's WorkbookWriter for exports (with the query changes the
// 100k-response XLSX export went from 32 s to 8 s); its memory does not grow with the row count.
import type { Writable } from "node:stream";
import {
  ROOT_RELS_XML,
  SHEET_END,
  SHEET_START,
  STYLES_XML,
  contentTypesXml,
  rowXml,
  sheetName,
  workbookRelsXml,
  workbookXml,
} from "~/kernel/files/xlsx-xml";
import { ZipWriter, type ZipEntryWriter } from "./zip-writer.server";

// Rows are gathered into strings of about this many characters before one Buffer conversion and
// one write: per-row writes cost more than building the rows.
const BATCH_CHARS = 256 * 1024;

export type Cell = string | number | null | undefined;

export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly names: string[] = [];
  private sheet: ZipEntryWriter | null = null;
  private rowNumber = 0;
  // Rows waiting, joined into one string per write (appending kept a chain of small strings alive).
  private pending: string[] = [];
  private size = 0;

  constructor(out: Writable, level?: number) {
    this.zip = new ZipWriter(out, level);
  }

  async addSheet(name: string): Promise<void> {
    await this.closeSheet();
    this.names.push(sheetName(name, this.names.length));
    this.sheet = await this.zip.entry(`xl/worksheets/sheet${this.names.length}.xml`);
    this.rowNumber = 0;
    this.add(SHEET_START);
  }

  async addRow(cells: readonly Cell[]): Promise<void> {
    if (!this.sheet) throw new Error("XlsxWriter: addSheet before addRow");
    this.add(rowXml(++this.rowNumber, cells));
    if (this.size >= BATCH_CHARS) await this.flush();
  }

  private add(text: string): void {
    this.pending.push(text);
    this.size += text.length;
  }

  private async flush(): Promise<void> {
    const text = this.pending.join("");
    this.pending = [];
    this.size = 0;
    if (text) await this.sheet!.write(Buffer.from(text, "utf8"));
  }

  private async closeSheet(): Promise<void> {
    if (!this.sheet) return;
    this.add(SHEET_END);
    await this.flush();
    await this.sheet.close();
    this.sheet = null;
  }

  async finish(): Promise<void> {
    if (!this.names.length) await this.addSheet("Sheet1");
    await this.closeSheet();
    await this.zip.file("[Content_Types].xml", contentTypesXml(this.names.length));
    await this.zip.file("_rels/.rels", ROOT_RELS_XML);
    await this.zip.file("xl/workbook.xml", workbookXml(this.names));
    await this.zip.file("xl/_rels/workbook.xml.rels", workbookRelsXml(this.names.length));
    await this.zip.file("xl/styles.xml", STYLES_XML);
    await this.zip.finish();
  }
}
