import { rateBp, scaledText } from "../base/money";
import type { Block, ReportModel, Run } from "./model";
import { formatOf, quantum } from "./number-runs";
import type { NumberStyle } from "./number-runs";

export interface NumberCheck {
  problems: string[];
  numbers: number;
  /** Placeholders for facts the workbook does not hold (【请填写：…】). */
  placeholders: number;
  /** Marks on figures a check objected to (【请核对：…】). */
  checks: number;
}

function runsOf(b: Block): Run[] {
  if (b.kind === "table") return b.rows.flat(2);
  if (b.kind === "chart") return b.series.flatMap((s) => s.values);
  return b.runs;
}

/**
 * Every number in a draft: its text is what its value formats to; an amount is stated at the draft's precision; a
 * percentage equals its numerator over its base, both as printed (one precision for the sentence and its check), and no
 * rate stands on a base that prints as zero. (The run stage then reads the draft with the report audit, as a reviewer would.)
 */
export function checkNumbers(m: ReportModel, style: NumberStyle): NumberCheck {
  const problems: string[] = [];
  let numbers = 0;
  let placeholders = 0;
  let checks = 0;
  const q = quantum(style);
  const all = [...m.blocks.flatMap(runsOf), ...m.signature.flat()];
  for (const r of all) {
    if (r.kind === "placeholder") {
      if (r.purpose === "check") checks++;
      else placeholders++;
      if (/[【】]/.test(r.text.slice(1, -1))) problems.push(`占位“${r.text}”中套有占位`);
    }
    if (r.kind === "text" && /【请(填写|核对)/.test(r.text)) problems.push(`正文中有未标出的占位：“${r.text}”`);
    if (r.kind !== "number") continue;
    numbers++;
    const expected = formatOf(r, style);
    if (expected !== r.text) problems.push(`数字“${r.text}”应为“${expected}”`);
    if (r.format === "amount" && r.value % q !== 0) problems.push(`金额“${r.text}”不是按所示精度取整的数`);
    if (r.format !== "percent") continue;
    if (!r.of) {
      problems.push(`百分比“${r.text}”没有计算依据`);
      continue;
    }
    const rate = rateBp(r.of.numerator, r.of.base);
    if (rate === null) problems.push(`百分比“${r.text}”的基数为0`);
    else if (rate !== r.value) problems.push(`百分比“${r.text}”与其分子分母不符（应为${scaledText(rate, 2)}）`);
  }
  // A date is written whole or left whole to the clerk: never "2021年【请填写：月】月".
  for (const s of m.signature) {
    const line = s.map((r) => r.text).join("");
    if (/\d+年【|】月|】日/.test(line)) problems.push(`落款日期中有占位：“${line}”`);
  }
  return { problems, numbers, placeholders, checks };
}
