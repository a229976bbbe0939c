import type { ReportFacts } from "../analyse/report-facts";
import { excelNumberText, fenOfDecimal } from "../base/money";
import { FILL, NAME_BREAKS, REPORT_TITLES } from "../catalogue/report";
import type { CheckResult } from "../score/check-result";
import { reportFacts } from "./facts";
import { finalAccountsBlocks } from "./final-accounts";
import { placeholder, text } from "./model";
import type { ReportModel, Run } from "./model";
import type { ReportOptions } from "./options";
import { performanceBlocks } from "./performance";
import { selfEvaluationBlocks } from "./self-evaluation";
import { thresholdBp } from "./write";
import type { Ctx } from "./write";

export const TEMPLATES = {
  performance: REPORT_TITLES.performance.id,
  "final-accounts": REPORT_TITLES.finalAccounts.id,
  "self-evaluation": REPORT_TITLES.selfEvaluation.id,
} as const;
export type TemplateId = keyof typeof TEMPLATES;

/** Characters of the 22 pt title that fit on the 15.6 cm text width of an A4 公文 page. */
export const TITLE_LINE_CHARS = 20;

/**
 * The title broken between words (GB/T 9704 回行): the unit's name on its own line(s), cut after 县/乡/人民政府 … when it
 * is too long itself, and the report's name after it; never inside a word.
 */
export function titleLines(unitName: string, main: string, width = TITLE_LINE_CHARS): string[] {
  if ((unitName + main).length <= width) return [unitName + main];
  const lines: string[] = [];
  if (unitName) lines.push(...breakName(unitName, width));
  lines.push(...(main.length <= width ? [main] : breakMain(main, width)));
  return lines;
}

function breakName(name: string, width: number): string[] {
  if (name.length <= width) return [name];
  // Segments end after a place or organ word; pack them greedily into lines.
  const segments: string[] = [];
  let rest = name;
  while (rest.length > 0) {
    let cut = -1;
    for (const w of [...NAME_BREAKS].sort((a, b) => b.length - a.length)) {
      const at = rest.indexOf(w);
      if (at >= 0 && (cut < 0 || at + w.length < cut) && at + w.length < rest.length) cut = at + w.length;
    }
    if (cut < 0) {
      segments.push(rest);
      break;
    }
    segments.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  const lines: string[] = [];
  for (const s of segments) {
    if (lines.length > 0 && (lines[lines.length - 1] + s).length <= width) lines[lines.length - 1] += s;
    else lines.push(s);
  }
  return lines;
}

function breakMain(main: string, width: number): string[] {
  // "2023年度部门整体支出绩效评价报告": after the year, else after 支出.
  const m = /^(\d{4}年度?)(.*)$/.exec(main);
  if (m && m[2].length <= width) return [m[1] + m[2].slice(0, Math.max(0, m[2].length - 4)), m[2].slice(-4)].filter(Boolean);
  const at = main.indexOf("支出");
  return at > 0 ? [main.slice(0, at + 2), main.slice(at + 2)] : [main];
}

/** The context every section writer uses. */
export function contextFor(facts: ReportFacts, s: ReportOptions): Ctx {
  const floor = fenOfDecimal(excelNumberText(s.floorWanYuan ?? 0), "万元");
  return {
    f: facts,
    st: { unit: s.displayUnit, decimals: s.decimals },
    threshold: thresholdBp(s.thresholdPercent),
    floor: floor && floor !== "too-large" ? floor.fen : 0,
    year: facts.unit.year ? String(facts.unit.year) : null,
    charts: 0,
  };
}

/** 落款: the unit and the date the clerk gave, or one placeholder for the whole date (never inside one). */
function signature(f: ReportFacts): Run[][] {
  return [
    f.unit.name ? [text(f.unit.name)] : [placeholder(FILL.unitName)],
    f.texts.date ? [text(f.texts.date.text)] : [placeholder(FILL.date)],
  ];
}

/** A draft from the facts (hand-built, from the national forms, or from a check's result). */
export function buildFromFacts(template: TemplateId, facts: ReportFacts, s: ReportOptions): ReportModel {
  const c = contextFor(facts, s);
  const unitName = facts.unit.name ?? "";
  const unitRuns = unitName ? [text(unitName)] : [placeholder(FILL.unitName)];
  const yearRuns = c.year ? [text(c.year)] : [placeholder(FILL.year)];
  const yearText = c.year ?? "";
  const main =
    template === "final-accounts"
      ? REPORT_TITLES.finalAccounts.main(yearText)
      : template === "self-evaluation"
        ? REPORT_TITLES.selfEvaluation.main(yearText)
        : REPORT_TITLES.performance.main(yearText);
  const mainTitle = yearText ? main : main.replace(/^年度?/, "");
  const blocks =
    template === "final-accounts"
      ? finalAccountsBlocks(c)
      : template === "self-evaluation"
        ? selfEvaluationBlocks(c, unitRuns, yearRuns)
        : performanceBlocks(c, unitRuns, yearRuns);
  return {
    template,
    title: unitName + mainTitle,
    titleLines: titleLines(unitName, mainTitle),
    blocks,
    signature: signature(facts),
  };
}

export function buildReport(template: TemplateId, a: CheckResult, s: ReportOptions): ReportModel {
  return buildFromFacts(template, reportFacts(a), s);
}
