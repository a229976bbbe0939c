import { finding } from "../base/findings";
import type { Finding, Severity } from "../base/findings";
import { FEN_PER, yuanString } from "../base/money";
import type { Unit } from "../base/money";
import { squash } from "../base/text";
import type { ColumnRole } from "../recognise/column-roles";
import type { AmountCell, Table } from "../recognise/table";
import type { SangongResult } from "./sangong";
import { tableDecimals } from "./variance";

/**
 * What the national forms must agree on across tables, as data. A figure is named by its form (form-catalogue.ts), the
 * side of a side-by-side form, the line (by name, without its 一、 numbering) or the 科目编码, and the column role; or it is
 * the sum of a form's 类-level lines; or an item of the 三公 table. Severity: error where the forms define the same number
 * twice; warning where a difference can be legitimate (三公 paid from 项目支出 is not in the 基本支出 table).
 */
type Figure =
  | { form: string; side?: string; line?: string; code?: string; role: ColumnRole; label: string }
  | { form: string; classLines: true; role: ColumnRole; label: string }
  | { sangong: "reception" | "carRun" | "abroad" | "carPurchase"; label: string };

interface Identity {
  left: Figure;
  right: Figure[];
  severity: Severity;
}

const IDENTITIES: Identity[] = [
  {
    left: { form: "final-01", side: "收入", line: "本年收入合计", role: "actual", label: "收入支出决算总表·本年收入合计" },
    right: [{ form: "final-02", line: "合计", role: "actual", label: "收入决算表·合计" }],
    severity: "error",
  },
  {
    left: { form: "final-01", side: "支出", line: "本年支出合计", role: "actual", label: "收入支出决算总表·本年支出合计" },
    right: [{ form: "final-03", line: "合计", role: "actual", label: "支出决算表·合计" }],
    severity: "error",
  },
  {
    left: {
      form: "final-01",
      side: "收入",
      line: "一般公共预算财政拨款收入",
      role: "actual",
      label: "收入支出决算总表·一般公共预算财政拨款收入",
    },
    right: [
      {
        form: "final-04",
        side: "收入",
        line: "一般公共预算财政拨款",
        role: "actual",
        label: "财政拨款收入支出决算总表·一般公共预算财政拨款",
      },
    ],
    severity: "error",
  },
  {
    left: {
      form: "final-04",
      side: "支出",
      line: "本年支出合计",
      role: "srcGeneral",
      label: "财政拨款收入支出决算总表·一般公共预算财政拨款·本年支出合计",
    },
    right: [{ form: "final-05", line: "合计", role: "actual", label: "一般公共预算财政拨款支出决算表·合计" }],
    severity: "error",
  },
  {
    left: { form: "final-05", line: "合计", role: "expBasic", label: "一般公共预算财政拨款支出决算表·基本支出" },
    right: [{ form: "final-06", classLines: true, role: "actual", label: "基本支出决算表·人员经费与公用经费" }],
    severity: "error",
  },
  {
    left: { sangong: "reception", label: "“三公”经费支出决算表·公务接待费" },
    right: [{ form: "final-06", code: "30217", role: "actual", label: "基本支出决算表·30217 公务接待费" }],
    severity: "warning",
  },
  {
    left: { sangong: "carRun", label: "“三公”经费支出决算表·公务用车运行费" },
    right: [{ form: "final-06", code: "30231", role: "actual", label: "基本支出决算表·30231 公务用车运行维护费" }],
    severity: "warning",
  },
  {
    left: { form: "budget-01", side: "支出", line: "本年支出合计", role: "budget", label: "部门收支总表·本年支出合计" },
    right: [{ form: "budget-03", line: "合计", role: "budget", label: "部门支出总表·合计" }],
    severity: "error",
  },
  {
    left: { form: "budget-01", side: "收入", line: "本年收入合计", role: "budget", label: "部门收支总表·本年收入合计" },
    right: [{ form: "budget-02", line: "合计", role: "budget", label: "部门收入总表·合计" }],
    severity: "error",
  },
  {
    left: {
      form: "budget-04",
      side: "支出",
      line: "本年支出合计",
      role: "srcGeneral",
      label: "财政拨款收支总表·一般公共预算·本年支出合计",
    },
    right: [{ form: "budget-05", line: "合计", role: "budget", label: "一般公共预算支出表·合计" }],
    severity: "error",
  },
  {
    left: {
      form: "budget-04",
      side: "支出",
      line: "本年支出合计",
      role: "srcFund",
      label: "财政拨款收支总表·政府性基金预算·本年支出合计",
    },
    right: [{ form: "budget-08", line: "合计", role: "budget", label: "政府性基金预算支出表·合计" }],
    severity: "error",
  },
  {
    left: { form: "budget-05", line: "合计", role: "expBasic", label: "一般公共预算支出表·基本支出" },
    right: [{ form: "budget-06", line: "合计", role: "budget", label: "一般公共预算基本支出表·合计" }],
    severity: "error",
  },
];

interface Value {
  fen: number;
  sheet: string;
  cell: string;
  /** Half a unit of the written precision, in 分, per figure added. */
  slack: number;
}

const lineKey = (name: string) => squash(name).replace(/^[一二三四五六七八九十]+[、.．]/, "");

function slackOf(unit: Unit, decimals: number): number {
  return Math.max(FEN_PER[unit] / 10 ** decimals / 2, 0.5);
}

function valueOf(f: Figure, tables: Table[], sangong: SangongResult | null): Value | null {
  if ("sangong" in f) {
    const item = sangong?.items.find((i) => i.key === f.sangong);
    const table = tables.find((t) => t.id === sangong?.tableId);
    if (!item || item.actual === null || !item.cells.actual || !table) return null;
    return { fen: item.actual, sheet: item.sheet, cell: item.cells.actual, slack: slackOf(table.unit, tableDecimals(table)) };
  }
  const candidates = tables.filter((t) => t.form === f.form && (!("side" in f) || !f.side || (t.side ?? "").startsWith(f.side)));
  if ("classLines" in f) {
    // Every 类-level line of the form, across its blocks (公开06: 301 + 303 ‖ 302 + 310 …).
    const cells = candidates.flatMap((t) => t.rows.filter((r) => r.code?.length === 3).map((r) => ({ t, a: r.amounts[f.role] })));
    const filled = cells.filter((x): x is { t: Table; a: AmountCell } => x.a !== undefined && !x.a.bad);
    if (candidates.length === 0 || filled.length === 0) return null;
    const first = filled[0];
    const slack = filled.reduce((s, x) => s + slackOf(x.t.unit, tableDecimals(x.t)), 0);
    return { fen: filled.reduce((s, x) => s + (x.a.value ?? 0), 0), sheet: first.t.sheet, cell: first.a.cell, slack };
  }
  for (const t of candidates) {
    const row = t.rows.find((r) => (f.code ? r.code === f.code : f.line !== undefined && lineKey(r.name) === f.line));
    const a = row?.amounts[f.role];
    if (!row || !a || a.bad) continue;
    return { fen: a.value ?? 0, sheet: t.sheet, cell: a.cell, slack: slackOf(t.unit, tableDecimals(t)) };
  }
  return null;
}

/** Checks every identity whose figures the workbook(s) hold; an identity with a figure missing is not checked. */
export function checkFormIdentities(tables: Table[], sangong: SangongResult | null, findings: Finding[]): void {
  for (const id of IDENTITIES) {
    const left = valueOf(id.left, tables, sangong);
    const right = id.right.map((f) => valueOf(f, tables, sangong));
    if (!left || right.some((v) => v === null)) continue;
    const values = right as Value[];
    const computed = values.reduce((s, v) => s + v.fen, 0);
    const difference = left.fen - computed;
    if (difference === 0) continue;
    const slack = left.slack + values.reduce((s, v) => s + v.slack, 0);
    const data = {
      left: id.left.label,
      right: id.right.map((f) => f.label).join(" + "),
      stated: yuanString(left.fen),
      computed: yuanString(computed),
      difference: yuanString(difference),
      otherSheet: values[0].sheet,
      otherCell: values[0].cell,
    };
    if (Math.abs(difference) <= slack) findings.push(finding("rounding", "info", left.sheet, left.cell, { ...data, name: id.left.label }));
    else findings.push(finding("form-mismatch", id.severity, left.sheet, left.cell, data, Math.abs(difference)));
  }
}
