/**
 * The report as data: headings, paragraphs of runs, tables, charts. One renderer turns it into .docx; the
 * self-check reads it back. A number run keeps the value it prints and, for rates, what it was computed
 * from; a placeholder run is shown highlighted: 【请填写：…】 for a fact the workbook does not hold (the clerk writes it),
 * 【请核对：…】 where a check found an error in a figure the sentence uses (the clerk checks the named cell).
 */
export type Run = { kind: "text"; text: string } | NumberRun | PlaceholderRun;

export interface PlaceholderRun {
  kind: "placeholder";
  text: string;
  /** fill: a fact to write; check: a figure to verify (its cell named). */
  purpose?: "fill" | "check";
}

/**
 * A number as printed and the exact value it prints, in hundredths of its unit: 分 for amounts (元), basis points for
 * percentages, hundredths of a point or of a person for points and counts.
 */
export interface NumberRun {
  kind: "number";
  text: string;
  value: number;
  format: "amount" | "percent" | "points" | "count";
  of?: { numerator: number; base: number };
}

/**
 * A chart drawn from figures the text also states: 柱状图 (bars per category, one series per year or kind) or 饼图 (one
 * series, its slices). Values are number runs (amounts), checked like any other number; zero slices are left out.
 */
export interface ChartBlock {
  kind: "chart";
  chart: "bar" | "pie";
  caption: string;
  unit: string;
  categories: string[];
  series: { name: string; values: NumberRun[] }[];
}

export type Block =
  /** 0: 第一部分 (centred); 1: 一、; 2: （一）; 3: 1． */
  | { kind: "heading"; level: 0 | 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; indent?: boolean; align?: "left" | "right" | "center" }
  | { kind: "table"; caption: string; unit: string | null; header: string[]; rows: Run[][][]; numeric: boolean[]; widths: number[] }
  | ChartBlock;

export interface ReportModel {
  template: string;
  title: string;
  /** The title as printed: broken between words, never inside one (GB/T 9704 回行). */
  titleLines: string[];
  blocks: Block[];
  /** Right-aligned at the end: the unit's name and the date (either may be a placeholder). */
  signature: Run[][];
}

export const text = (t: string): Run => ({ kind: "text", text: t });
export const placeholder = (what: string): Run => ({ kind: "placeholder", text: `【请填写：${what}】`, purpose: "fill" });
/** How a mark on a figure to verify begins (the draft's own audit lets a sentence so marked keep the workbook's error). */
export const CHECK_MARK = "【请核对：";
/** A figure to verify: names the cell and what the check found. */
export const checkMark = (cell: string, what: string): Run => ({
  kind: "placeholder",
  text: `${CHECK_MARK}${cell}${what}】`,
  purpose: "check",
});

export function plainText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** The whole report as plain text, one block per line: what the audit and the clipboard fallback use. */
export function reportText(m: ReportModel): string {
  const lines = [m.title];
  for (const b of m.blocks) {
    if (b.kind === "chart") {
      lines.push(b.caption);
      continue;
    }
    if (b.kind === "table") {
      lines.push(b.caption + (b.unit ? `（单位：${b.unit}）` : ""));
      lines.push(b.header.join("\t"));
      for (const row of b.rows) lines.push(row.map(plainText).join("\t"));
    } else lines.push(plainText(b.runs));
  }
  for (const s of m.signature) lines.push(plainText(s));
  return lines.join("\n");
}
