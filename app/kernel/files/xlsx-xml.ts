// The XML of a minimal SpreadsheetML workbook (what Excel and LibreOffice need to open it), and
// the cell/row markup the streaming writer emits. Pure string building: no I/O here.
//
// Cells are inline strings (t="inlineStr") or plain numbers, so there is no shared-strings table
// to hold in memory however many rows there are.

// Characters XML 1.0 forbids outright. Excel's own escape for them is _xHHHH_ (ST_Xstring), which
// Excel and LibreOffice decode back to the character; a literal "_xHHHH_" in the text must then
// have its underscore escaped (_x005F_) or Excel would decode it too. CR is legal but XML parsers
// turn it into LF, so it goes as a character reference to survive the round trip.
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const ESCAPES = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

function escapeChar(ch: string): string {
  switch (ch) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case "\r":
      return "&#13;";
    case "_":
      return "_x005F_";
    default:
      return `_x${hex4(ch.charCodeAt(0))}_`;
  }
}

/** Text for an element's content. */
export function xmlText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPES, escapeChar) : s;
}

/** Text for a double-quoted attribute (sheet names). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;");
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA … */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const columns: string[] = [];
function column(i: number): string {
  return (columns[i] ??= columnName(i));
}

/** One <row>: numbers as numeric cells, strings as inline strings, null/undefined/NaN left out. */
export function rowXml(rowNumber: number, cells: readonly (string | number | null | undefined)[]): string {
  // Pieces gathered and joined once: appended one by one they stayed a chain of small strings
  // until written, which the young-generation garbage collector copied again and again (issue 18).
  const parts: string[] = [`<row r="${rowNumber}">`];
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    if (typeof v === "number") {
      if (Number.isFinite(v)) parts.push(`<c r="${column(i)}${rowNumber}"><v>${v}</v></c>`);
      continue;
    }
    // Leading or trailing spaces are dropped by XML readers unless the element says otherwise.
    const space =
      v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? ' xml:space="preserve"' : "";
    parts.push(`<c r="${column(i)}${rowNumber}" t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`);
  }
  parts.push("</row>");
  return parts.join("");
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string, index: number): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, " ")
    .slice(0, 31)
    .trim();
  return clean || `Sheet${index + 1}`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const SHEET_START = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>`;
export const SHEET_END = "</sheetData></worksheet>";

export function contentTypesXml(sheetCount: number): string {
  let sheets = "";
  for (let i = 1; i <= sheetCount; i++) {
    sheets += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  }
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets +
    "</Types>"
  );
}

export const ROOT_RELS_XML =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  "</Relationships>";

export function workbookXml(names: string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${xmlAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets></workbook>`;
}

export function workbookRelsXml(sheetCount: number): string {
  let rels = "";
  for (let i = 1; i <= sheetCount; i++) {
    rels += `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  }
  rels += `<Relationship Id="rId${sheetCount + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`;
}

// One font, fill, border and cell format: the least Excel accepts without a repair prompt.
export const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";
