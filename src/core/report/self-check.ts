import { rateBp, scaledText } from "../base/money";
import type { Block, ReportModel, Run } from "./model";
import { formatOf } from "./number-runs";
import type { NumberStyle } from "./number-runs";

export interface NumberCheck {
  problems: string[];
  numbers: number;
  placeholders: number;
}

function runsOf(b: Block): Run[] {
  return b.kind === "table" ? b.rows.flat(2) : b.runs;
}

/**
 * Every number in a draft: its text is what its value formats to, a percentage equals its numerator over its base,
 * and no rate stands on a zero base. (The run stage then reads the draft with the report audit, as a reviewer would.)
 */
export function checkNumbers(m: ReportModel, style: NumberStyle): NumberCheck {
  const problems: string[] = [];
  let numbers = 0;
  let placeholders = 0;
  const all = [...m.blocks.flatMap(runsOf), ...m.signature.flat()];
  for (const r of all) {
    if (r.kind === "placeholder") placeholders++;
    if (r.kind !== "number") continue;
    numbers++;
    const expected = formatOf(r, style);
    if (expected !== r.text) problems.push(`数字“${r.text}”应为“${expected}”`);
    if (r.format !== "percent") continue;
    if (!r.of) {
      problems.push(`百分比“${r.text}”没有计算依据`);
      continue;
    }
    const rate = rateBp(r.of.numerator, r.of.base);
    if (rate === null) problems.push(`百分比“${r.text}”的基数为0`);
    else if (rate !== r.value) problems.push(`百分比“${r.text}”与其分子分母不符（应为${scaledText(rate, 2)}）`);
  }
  return { problems, numbers, placeholders };
}
