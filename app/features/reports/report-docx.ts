// The report document as a DOCX file, for the Office to edit before signing. Layout from Nghị
// định 30/2020/NĐ-CP, Phụ lục I (docs/rules/report-document.md): A4, margins top and bottom
// 20 mm, left 30 mm, right 15 mm; Times New Roman, body 14 pt; page numbers from page 2, centred
// at the top. The chart is a table whose cells are the bars (a grey cell as long as the rate,
// a dashed mark at the target): Word and LibreOffice open it, the clerk can edit it, its labels
// stay real text, and it prints in greyscale; drawing a picture would need an image library.
// Pure apart from zipping in memory.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from "docx";
import type { DocChart, DocTable, ReportDocument } from "./report-document";

const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = "Times New Roman";
const pt = (x: number) => x * 2; // docx sizes are half-points
const INDENT = Math.round(10 * MM); // first-line indent 1 cm

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000" };

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, bold: o.bold, italics: o.italics, size: pt(o.size ?? 14) });

function para(
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    center?: boolean;
    body?: boolean;
    keepNext?: boolean;
    after?: number;
    before?: number;
  } = {},
) {
  const { bold, italics, size, center, body, keepNext, after, before } = o;
  return new Paragraph({
    // Body text: justified with a 1 cm first-line indent.
    alignment: center ? AlignmentType.CENTER : body ? AlignmentType.JUSTIFIED : undefined,
    indent: body ? { firstLine: INDENT } : undefined,
    keepNext,
    spacing: { before: before ?? 0, after: after ?? 0, line: 276 },
    children: [run(text, { bold, italics, size })],
  });
}

/** A short centred rule under a heading, as the decree draws under the agency and the motto. */
const rule = (widthShare: number, cellWidth: number) => {
  const side = Math.round((cellWidth * (1 - widthShare)) / 2);
  return new Paragraph({
    border: { top: LINE },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120 },
    children: [],
  });
};

function headerBlock(d: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.42);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: CELL_NO_BORDERS,
            children: [
              para(d.parentAgency, { size: 13, center: true }),
              para(d.agency, { size: 13, bold: true, center: true }),
              rule(0.35, left),
              para(d.number, { size: 13, center: true }),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: CELL_NO_BORDERS,
            children: [
              para(d.nation, { size: 12, bold: true, center: true }),
              para(d.motto, { size: 13, bold: true, center: true }),
              rule(0.6, right),
              para(d.placeDate, { size: 14, italics: true, center: true }),
            ],
          }),
        ],
      }),
    ],
  });
}

function figuresTable(tb: DocTable): (Paragraph | Table)[] {
  const cols = tb.head.length;
  const first = Math.round(TEXT_WIDTH * 0.34);
  const rest = Math.floor((TEXT_WIDTH - first) / (cols - 1));
  const widths = [first, ...Array.from({ length: cols - 1 }, () => rest)];
  const cell = (text: string, i: number, o: { bold?: boolean; span?: number } = {}) =>
    new TableCell({
      columnSpan: o.span,
      width: { size: o.span ? widths.slice(i, i + o.span).reduce((a, b) => a + b, 0) : widths[i], type: WidthType.DXA },
      children: [para(text, { size: 12, bold: o.bold, center: i > 0, keepNext: true })],
    });
  return [
    para(tb.caption, { bold: true, italics: true, size: 13, center: true, keepNext: true, before: 120, after: 60 }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: tb.head.map((h, i) => cell(h, i, { bold: true })),
        }),
        ...tb.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children:
                r.length === cols
                  ? r.map((c, i) => cell(c, i, { bold: i === 0 }))
                  : [cell(r[0], 0, { bold: true }), cell(r[1], 1, { span: cols - 1 })],
            }),
        ),
      ],
    }),
  ];
}

const BAR_FILL = { fill: "808080", type: ShadingType.CLEAR, color: "auto" };
const TARGET_MARK: IBorderOptions = { style: BorderStyle.DASHED, size: 12, color: "000000" };

/** One bar: cells as long as the rate (grey) and the rest (white), split at the target, whose
 * edge carries the dashed target mark. */
function bar(value: number, target: number, width: number): Table {
  const v = Math.max(0, Math.min(1, value));
  const parts: { share: number; filled: boolean; mark: boolean }[] =
    v < target
      ? [
          { share: v, filled: true, mark: false },
          { share: target - v, filled: false, mark: true },
          { share: 1 - target, filled: false, mark: false },
        ]
      : [
          { share: target, filled: true, mark: true },
          { share: v - target, filled: true, mark: false },
          { share: 1 - v, filled: false, mark: false },
        ];
  // A cell narrower than a hair is left out; its mark moves to the cell before it.
  const kept: typeof parts = [];
  for (const p of parts) {
    if (Math.round(p.share * width) >= 15) kept.push({ ...p });
    else if (p.mark && kept.length) kept[kept.length - 1].mark = true;
  }
  const widths = kept.map((p) => Math.round(p.share * width));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        height: { value: 260, rule: "exact" },
        children: kept.map(
          (p, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              shading: p.filled ? BAR_FILL : undefined,
              borders: { ...CELL_NO_BORDERS, right: p.mark ? TARGET_MARK : NONE },
              children: [new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })],
            }),
        ),
      }),
    ],
  });
}

function chartTable(c: DocChart): (Paragraph | Table)[] {
  const label = Math.round(TEXT_WIDTH * 0.34);
  const value = Math.round(TEXT_WIDTH * 0.22);
  const barWidth = TEXT_WIDTH - label - value;
  const inner = barWidth - 240; // the cell's own padding
  return [
    para(c.caption, { bold: true, italics: true, size: 13, center: true, keepNext: true, before: 240, after: 60 }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [label, barWidth, value],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: c.bars.map(
        (b) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: label, type: WidthType.DXA },
                borders: CELL_NO_BORDERS,
                children: [para(b.label, { size: 12, keepNext: true })],
              }),
              new TableCell({
                width: { size: barWidth, type: WidthType.DXA },
                borders: CELL_NO_BORDERS,
                children: [
                  bar(b.value, c.target, inner),
                  new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
                ],
              }),
              new TableCell({
                width: { size: value, type: WidthType.DXA },
                borders: CELL_NO_BORDERS,
                children: [para(b.text, { size: 12 })],
              }),
            ],
          }),
      ),
    }),
  ];
}

function closingBlock(d: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: CELL_NO_BORDERS,
            children: [
              para(d.recipientsTitle, { bold: true, italics: true, size: 12 }),
              ...d.recipients.map((r, i) => para(`- ${r}${i === d.recipients.length - 1 ? "." : ";"}`, { size: 11 })),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: CELL_NO_BORDERS,
            // Room for the signature and seal between the title and the name.
            children: [
              para(d.signerTitle, { bold: true, center: true }),
              ...[1, 2, 3, 4].map(() => para("", { center: true })),
              para(d.signerName, { bold: true, center: true }),
            ],
          }),
        ],
      }),
    ],
  });
}

export function reportDocx(d: ReportDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    headerBlock(d),
    para(d.kind, { bold: true, center: true, before: 360 }),
    para(d.summary, { bold: true, center: true }),
    rule(0.25, TEXT_WIDTH),
    ...d.coverage.map((c) => para(c, { body: true, italics: true, after: 120 })),
  ];
  for (const s of d.sections) {
    body.push(para(s.heading, { bold: true, keepNext: true, before: 120, after: 120 }));
    for (const p of s.paragraphs) body.push(para(p, { body: true, after: 120 }));
    if (s.table) body.push(...figuresTable(s.table));
    if (s.chart) body.push(...chartTable(s.chart));
  }
  body.push(para("", { after: 240 }), closingBlock(d));
  const doc = new Document({
    creator: d.agency,
    title: `${d.kind} ${d.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true, // no number on page 1
          page: { size: PAGE, margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM) } },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: FONT, size: pt(13), children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
