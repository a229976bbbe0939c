import { cellAddress } from "../base/cell-grid";
import type { CellGrid } from "../base/cell-grid";
import { cellText, squash } from "../base/text";

/**
 * What the data cannot say — duties, key work, problems, measures — may sit in a text sheet the clerk keeps
 * (a sheet named 报告文字/说明/文字材料 with 项目 | 内容 rows). Its sentences go into the draft as written;
 * anything missing stays a visible placeholder.
 */
export const TEXT_KEYS = {
  unitName: ["单位名称", "部门名称", "单位"],
  year: ["年度", "年份", "决算年度"],
  duties: ["主要职能", "职能职责", "部门职责", "主要职责"],
  organization: ["机构设置", "组织架构", "人员编制", "机构设置和人员编制"],
  composition: ["决算单位构成", "单位构成", "部门构成", "预算单位构成"],
  keyWork: ["年度重点工作", "重点工作", "主要工作"],
  projects: ["项目支出", "项目支出情况"],
  evaluationWork: ["绩效评价工作情况", "绩效评价工作开展情况", "自评工作情况"],
  achievements: ["主要绩效", "绩效情况", "部门整体支出绩效情况"],
  problems: ["存在的主要问题", "存在问题", "主要问题"],
  measures: ["改进措施和有关建议", "改进措施", "下一步措施", "努力方向"],
  sangongReason: ["三公经费变动原因", "三公经费增减原因"],
  totalsReason: ["收入支出变动原因", "收支总计变动原因", "收入支出总计变动原因"],
  fiscalReason: ["财政拨款收支变动原因", "财政拨款收入支出变动原因"],
  operatingReason: ["机关运行经费变动原因", "机关运行经费增减原因"],
  performanceManagement: ["预算绩效管理情况", "预算绩效管理工作开展情况", "预算绩效情况"],
  date: ["报告日期", "日期", "落款日期"],
} as const;
export type TextKey = keyof typeof TEXT_KEYS;

export interface WorkbookTexts {
  texts: Partial<Record<TextKey, string>>;
  source: string | null; // the sheet they came from
  /** Where each text was read (the first value cell of its row). */
  cells?: Partial<Record<TextKey, string>>;
  /** Every 项目 | 内容 row of the sheet as written (figures the drafts read by name: 政府采购, 国有资产, counts). */
  entries?: { key: string; value: string; cell: string }[];
}

const TEXT_SHEET = /(报告文字|文字材料|报告说明|说明材料|^说明$|文字说明|报告内容|单位情况|单位基本情况|部门概况)/;

export function readWorkbookTexts(grids: CellGrid[]): WorkbookTexts {
  const sheet = grids.find((g) => TEXT_SHEET.test(squash(g.sheet)));
  if (!sheet) return { texts: {}, source: null };
  const texts: Partial<Record<TextKey, string>> = {};
  const cells: Partial<Record<TextKey, string>> = {};
  const entries: { key: string; value: string; cell: string }[] = [];
  sheet.values.forEach((row, r) => {
    const key = squash(cellText(row[0] ?? null)).replace(/[:：]$/, "");
    const value = row
      .slice(1)
      .map((v) => cellText(v).trim())
      .filter(Boolean)
      .join("\n");
    if (!key || !value) return;
    const first = row.findIndex((v, c) => c > 0 && cellText(v).trim() !== "");
    const cell = cellAddress(sheet, r, first);
    entries.push({ key, value, cell });
    for (const [k, names] of Object.entries(TEXT_KEYS) as [TextKey, readonly string[]][]) {
      if (!texts[k] && names.some((n) => key === n)) {
        texts[k] = value;
        cells[k] = cell;
      }
    }
  });
  return { texts, source: sheet.sheet, cells, entries };
}

/**
 * The unit's name from "编制单位：…" lines, or else from titles that begin with it ("青山乡人民政府2024年部门收支总表",
 * as the budget system prints them) when two titles agree; and the year most titles name ("2020年…").
 */
export function workbookMeta(grids: CellGrid[]): { unitName: string | null; year: number | null } {
  let unitName: string | null = null;
  const years = new Map<number, number>();
  const prefixes = new Map<string, number>();
  for (const g of grids) {
    for (const row of g.values.slice(0, 6)) {
      // A form's label cell with the name beside it (自评表: 实施单位 | 219001-青神县发展和改革局), its budget code taken off.
      const label = row.findIndex((v) => /^(实施单位|单位名称|部门名称|预算单位)(\(盖章\))?[:：]?$/.test(squash(cellText(v))));
      const beside = label >= 0 ? row.slice(label + 1).find((v) => cellText(v).trim() !== "") : undefined;
      if (beside !== undefined && !unitName)
        unitName =
          cellText(beside)
            .trim()
            .replace(/^\d+\s*[-－]\s*/, "") || null;
      for (const v of row) {
        const t = cellText(v);
        const m = /(?:^|\s)(?:(?:编制|填报)(?:单位|部门)|部门|单位名称|部门名称)[:：]\s*([^\s（(]+)/.exec(t);
        if (m && !unitName) unitName = m[1].trim();
        for (const y of t.matchAll(/((?:19|20)\d{2})\s*年/g)) years.set(Number(y[1]), (years.get(Number(y[1])) ?? 0) + 1);
        const p = /^\s*([^\s\d（(：:]{2,40}?)(?:19|20)\d{2}\s*年(?:度)?[^\s]*表/.exec(t);
        if (p) prefixes.set(p[1], (prefixes.get(p[1]) ?? 0) + 1);
      }
    }
  }
  if (!unitName) unitName = [...prefixes.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const year = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  return { unitName, year };
}
