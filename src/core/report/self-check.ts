import type { Analysis } from "../analyse/analysis";
import { auditText } from "../audit/audit";
import { findingMessage } from "../catalogue/findings";
import { Decimal, percentRate } from "../base/money";
import { reportText } from "./model";
import type { Block, ReportModel, Run } from "./model";
import { formatOf } from "./number-runs";
import type { NumberStyle } from "./number-runs";

export interface SelfCheck {
  problems: string[];
  numbers: number;
  placeholders: number;
}

function runsOf(b: Block): Run[] {
  return b.kind === "table" ? b.rows.flat(2) : b.runs;
}

/**
 * Before a draft is written, every number in it is checked: its text is what its value formats to, a
 * percentage equals its numerator over its base, and no rate stands on a zero base; then the report
 * audit reads the draft as a reviewer would (sums, changes, rates, directions, units, the workbook). A draft with a
 * problem is a bug in the report code (the CLI exits 1), never a clerk's error.
 */
export function selfCheck(m: ReportModel, style: NumberStyle, analysis: Analysis | null = null): SelfCheck {
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
    if (r.format === "percent") {
      if (!r.of) problems.push(`百分比“${r.text}”没有计算依据`);
      else {
        const rate = percentRate(r.of.numerator, r.of.base);
        if (rate === null) problems.push(`百分比“${r.text}”的基数为0`);
        else if (!rate.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).eq(r.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))) problems.push(`百分比“${r.text}”与其分子分母不符（应为${rate.toFixed(2)}）`);
      }
    }
  }
  // The same checks a reviewer's audit runs, on the draft's own text and against the workbook.
  for (const f of auditText(reportText(m), analysis).findings) if (f.severity === "error") problems.push(`核对未通过：${findingMessage(f)}`);
  return { problems, numbers, placeholders };
}
