import type { Analysis } from "../core/analyse/analysis";
import { AMOUNT_ROLES, ROLE_LABELS } from "../core/recognise/column-roles";
import type { ColumnRole } from "../core/recognise/column-roles";
import type { Finding, Severity } from "../core/base/findings";
import { findingMessage, RULE_TITLES } from "../core/catalogue/findings";
import type { Decimal } from "../core/base/money";
import { amountText, changeText, rateText } from "../core/present/phrasing";
import type { Settings } from "../core/run/settings";
import type { TableKind } from "../core/recognise/table";

const KIND_LABELS: Record<TableKind, string> = {
  "budget-actual": "预决算对比表",
  comparison: "本年与上年对比表",
  sangong: "三公经费表",
  staff: "人员情况表",
  scoring: "绩效评分表",
  bonus: "加分项目表",
  amounts: "金额表",
};
const SEVERITY_LABELS: Record<Severity, string> = { error: "错误（需更正）", warning: "提示（需说明或核实）", info: "参考" };
const UNIT_SOURCE = { title: "标题行", header: "表头", assumed: "未注明，按元处理", confirmed: "已确认" } as const;

/** A short review a clerk can act on: what was read, the totals, then findings by importance. */
export function plainReview(fileName: string, a: Analysis, s: Settings): string {
  const out: string[] = [];
  const money = (d: Decimal | null) => amountText(d, s);
  const pct = (d: Decimal | null) => rateText(d);
  out.push(`决算助手 · 检查 ${fileName}`);
  out.push("");
  out.push(`识别到 ${a.tables.length} 张表：`);
  a.tables.forEach((t, i) => {
    const money = t.columns.some((c) => c.role !== null && AMOUNT_ROLES.has(c.role));
    out.push(`  ${i + 1}. 「${t.title}」 ${t.sheet}!${t.range}  ${KIND_LABELS[t.kind]}，${t.rows.length} 行${money ? `，单位：${t.unit}（${UNIT_SOURCE[t.unitSource]}）` : ""}`);
    const cols = t.columns.filter((c) => c.role).map((c) => `${c.letter}=${ROLE_LABELS[c.role as ColumnRole]}`);
    out.push(`     列：${cols.join("  ")}`);
    for (const n of t.notes) out.push(`     注意：${n}`);
  });
  if (a.totals.length > 0) {
    out.push("");
    out.push("预决算汇总：");
    for (const t of a.totals) {
      const table = a.tables.find((x) => x.id === t.tableId);
      const budget = t.budget === null ? "" : `预算 ${money(t.budget)}，`;
      const diff = t.diff === null ? "" : `，差异 ${money(t.diff)}（差异率 ${pct(t.diffRate)}）`;
      out.push(`  「${table?.title ?? t.tableId}」：${budget}决算 ${money(t.actual)}${diff}`);
    }
  }
  if (a.sangong) {
    const g = a.sangong.total;
    out.push("");
    const yoy = g.yoyDiff === null ? "" : `，${changeText(g.yoyDiff, g.yoyRate, g.previous, s)}`;
    const budget = g.budget === null ? "" : `，预算 ${money(g.budget)}，完成预算 ${pct(g.completionRate)}`;
    out.push(`三公经费：本年 ${money(g.actual)}${yoy}${budget}`);
    for (const i of a.sangong.items) {
      const change = i.yoyDiff === null ? "" : `，${changeText(i.yoyDiff, i.yoyRate, i.previous, s)}`;
      out.push(`  ${i.item}：${money(i.actual)}${i.share === null ? "" : `，占 ${i.share.toFixed(2)}%`}${change}`);
    }
    for (const i of a.sangong.related) out.push(`  （另列）${i.item}：${money(i.actual)}，上年 ${money(i.previous)}`);
  }
  if (a.scoringSheet) {
    const v = a.scoringSheet;
    const p = (d: Decimal | null) => (d === null ? "—" : d.toString());
    out.push("");
    out.push(`工作簿中的评分表 ${v.sheet}!${v.range}：${v.items.length} 项，基础分 ${p(v.baseTotal)}，加分 ${p(v.bonusTotal)}，总分 ${p(v.total)}，等级 ${v.grade ?? "未写明"}`);
  }
  if (a.scoring) {
    const r = a.scoring;
    const auto = r.items.filter((i) => i.status === "auto").length;
    const manual = r.items.filter((i) => i.status === "manual").length;
    const waiting = r.items.filter((i) => i.status === "pending").length;
    const missing = r.items.filter((i) => i.status === "missing").length;
    out.push("");
    out.push(`绩效评分（${r.framework.name}）：`);
    out.push(`  自动评分 ${auto} 项、已填评分 ${manual} 项，合计 ${r.baseTotal.toFixed(2)} 分${r.bonusTotal.isZero() ? "" : `，加分 ${r.bonusTotal.toFixed(2)} 分`}；` +
      (r.pending === 0 ? `总分 ${r.total.toFixed(2)} 分，等级“${r.grade}”` : `待评分 ${waiting} 项、缺数据 ${missing} 项，等级待定`));
    for (const i of r.items.filter((x) => x.status === "auto")) {
      out.push(`  ${i.indicator.name}：${i.rate === null ? "" : `${i.rate.toFixed(2)}%，`}得 ${i.score?.toFixed(2)} 分（满分 ${i.indicator.weight}）`);
    }
  }
  out.push("");
  const counts = (sev: Severity) => a.findings.filter((f) => f.severity === sev).length;
  out.push(`发现 ${a.findings.length} 项：错误 ${counts("error")}，提示 ${counts("warning")}，参考 ${counts("info")}`);
  for (const sev of ["error", "warning", "info"] as Severity[]) {
    const list = a.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    out.push(`【${SEVERITY_LABELS[sev]}】`);
    list.forEach((f: Finding, i) => out.push(`  ${i + 1}. ${f.sheet}!${f.cell}  ${RULE_TITLES[f.rule]}：${findingMessage(f)}`));
  }
  return out.join("\n") + "\n";
}
