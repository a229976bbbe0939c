import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Block, ChartBlock, ReportModel, Run } from "../core";
import { addCharts, chartMarker } from "./charts";

/**
 * ReportModel → .docx in 公文 layout (GB/T 9704): A4; margins 3.7 / 2.6 / 3.5 / 2.8 cm (top/right/bottom/left);
 * title in 方正小标宋简体 22 pt; body 仿宋_GB2312 16 pt, fixed 28 pt line spacing, two-character first-line
 * indent; headings 黑体 (一、), 楷体_GB2312 (（一）), 仿宋 bold (1.); page numbers at the foot; unit and date
 * at the end. Placeholders are highlighted. Works in Node (Buffer) and the browser (Blob).
 */
export interface Fonts {
  title: string;
  body: string;
  h1: string;
  h2: string;
  h3: string;
}

/** GB/T 9704 names; Word substitutes 仿宋/楷体/宋体 where the GB2312 fonts are not installed. */
export const GB_FONTS: Fonts = { title: "方正小标宋简体", body: "仿宋_GB2312", h1: "黑体", h2: "楷体_GB2312", h3: "仿宋_GB2312" };
/** Fonts every Chinese Windows has, for machines without the GB2312 set. */
export const WINDOWS_FONTS: Fonts = { title: "宋体", body: "仿宋", h1: "黑体", h2: "楷体", h3: "仿宋" };

const CM = 567; // twips per cm
const PT = 2; // half-points per point
const BODY_SIZE = 16 * PT;
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };

function runsOf(runs: Run[], font: string, size: number, bold = false): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        font: { name: font, eastAsia: font, ascii: font, hAnsi: font },
        size,
        bold,
        // 【请填写】 yellow, 【请核对】 cyan: a fact to write, a figure to check.
        highlight: r.kind === "placeholder" ? (r.purpose === "check" ? "cyan" : "yellow") : undefined,
      }),
  );
}

function block(b: Block, f: Fonts, charts: ChartBlock[]): (Paragraph | Table)[] {
  if (b.kind === "heading" && b.level === 0) {
    // 第一部分 …: centred, 黑体, a line above.
    return [
      new Paragraph({
        spacing: { ...LINE, before: 28 * 10 },
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: runsOf(b.runs, f.h1, BODY_SIZE),
      }),
    ];
  }
  if (b.kind === "chart") {
    charts.push(b);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120 },
        children: [new TextRun(chartMarker(charts.length))],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: runsOf([{ kind: "text", text: `${b.caption}（单位：${b.unit}）` }], f.body, 12 * PT),
      }),
    ];
  }
  if (b.kind === "heading") {
    const font = b.level === 1 ? f.h1 : b.level === 2 ? f.h2 : f.h3;
    return [
      new Paragraph({
        spacing: LINE,
        indent: { firstLine: 2 * BODY_SIZE * 10 },
        keepNext: true,
        children: runsOf(b.runs, font, BODY_SIZE, b.level === 3),
      }),
    ];
  }
  if (b.kind === "paragraph") {
    const align = b.align === "right" ? AlignmentType.RIGHT : b.align === "center" ? AlignmentType.CENTER : AlignmentType.JUSTIFIED;
    return [
      new Paragraph({
        spacing: LINE,
        alignment: align,
        indent: b.indent === false ? undefined : { firstLine: 2 * BODY_SIZE * 10 },
        children: runsOf(b.runs, f.body, BODY_SIZE),
      }),
    ];
  }
  // Tables: 仿宋 12 pt (小四), single spacing, caption above, unit at the right.
  const size = 12 * PT;
  const textWidth = Math.round((21 - 2.8 - 2.6) * CM);
  const cell = (runs: Run[], numeric: boolean, width: number, header = false) =>
    new TableCell({
      width: { size: Math.round((textWidth * width) / 100), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runsOf(runs, f.body, size, header),
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const table = new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: b.widths.map((w) => Math.round((textWidth * w) / 100)),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell([{ kind: "text", text: h }], false, b.widths[i], true)) }),
      ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, b.numeric[i], b.widths[i])) })),
    ],
  });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: runsOf([{ kind: "text", text: b.caption }], f.h1, 14 * PT),
    }),
    ...(b.unit
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: runsOf([{ kind: "text", text: `单位：${b.unit}` }], f.body, size) })]
      : []),
    table,
    new Paragraph({ spacing: LINE, children: [] }),
  ];
}

export function reportDocument(m: ReportModel, fonts: Fonts = GB_FONTS, charts: ChartBlock[] = []): Document {
  // The title broken between words (GB/T 9704 回行): one line break between the model's lines, never inside a word.
  const lines = m.titleLines && m.titleLines.length > 0 ? m.titleLines : [m.title];
  const font = { name: fonts.title, eastAsia: fonts.title, ascii: fonts.title, hAnsi: fonts.title };
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, after: 28 * 20 },
    children: lines.map((t, i) => new TextRun({ text: t, font, size: 22 * PT, break: i > 0 ? 1 : undefined })),
  });
  const signature = [
    new Paragraph({ spacing: LINE, children: [] }),
    ...m.signature.map(
      (s) =>
        new Paragraph({
          spacing: LINE,
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * BODY_SIZE * 10 },
          children: runsOf(s, fonts.body, BODY_SIZE),
        }),
    ),
  ];
  const pageNumber = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: "宋体", size: 14 * PT })],
      }),
    ],
  });
  return new Document({
    creator: "决算助手",
    title: m.title,
    styles: { default: { document: { run: { font: fonts.body, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips
            margin: {
              top: Math.round(3.7 * CM),
              right: Math.round(2.6 * CM),
              bottom: Math.round(3.5 * CM),
              left: Math.round(2.8 * CM),
              footer: Math.round(2.8 * CM),
            },
          },
        },
        footers: { default: pageNumber },
        children: [title, ...m.blocks.flatMap((b) => block(b, fonts, charts)), ...signature],
      },
    ],
  });
}

/** The .docx bytes, charts included (DrawingML chart parts Word and LibreOffice draw natively). */
export async function reportBytes(m: ReportModel, fonts: Fonts = GB_FONTS): Promise<Uint8Array> {
  const charts: ChartBlock[] = [];
  const doc = reportDocument(m, fonts, charts);
  const bytes = await Packer.toArrayBuffer(doc);
  return addCharts(new Uint8Array(bytes), charts, fonts.body);
}

export async function reportBuffer(m: ReportModel, fonts?: Fonts): Promise<Buffer> {
  return Buffer.from(await reportBytes(m, fonts));
}

export async function reportBlob(m: ReportModel, fonts?: Fonts): Promise<Blob> {
  const bytes = await reportBytes(m, fonts);
  return new Blob([bytes as unknown as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
}
