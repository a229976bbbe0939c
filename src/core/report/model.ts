/**
 * The report as data: headings, paragraphs of runs, tables. One renderer turns it into .docx; the
 * self-check reads it back. A number run keeps the value it prints and, for rates, what it was computed
 * from; a placeholder run is text the clerk must write (shown highlighted): 【请填写：…】.
 */
export type Run = { kind: "text"; text: string } | NumberRun | { kind: "placeholder"; text: string };

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

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; indent?: boolean; align?: "left" | "right" | "center" }
  | { kind: "table"; caption: string; unit: string | null; header: string[]; rows: Run[][][]; numeric: boolean[]; widths: number[] };

export interface ReportModel {
  template: string;
  title: string;
  blocks: Block[];
  /** Right-aligned at the end: the unit's name and the date (either may be a placeholder). */
  signature: Run[][];
}

export const text = (t: string): Run => ({ kind: "text", text: t });
export const placeholder = (what: string): Run => ({ kind: "placeholder", text: `【请填写：${what}】` });

export function plainText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** The whole report as plain text, one block per line: what the audit and the clipboard fallback use. */
export function reportText(m: ReportModel): string {
  const lines = [m.title];
  for (const b of m.blocks) {
    if (b.kind === "table") {
      lines.push(b.caption + (b.unit ? `（单位：${b.unit}）` : ""));
      lines.push(b.header.join("\t"));
      for (const row of b.rows) lines.push(row.map(plainText).join("\t"));
    } else lines.push(plainText(b.runs));
  }
  for (const s of m.signature) lines.push(plainText(s));
  return lines.join("\n");
}
