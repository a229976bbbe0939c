import { parseAddress } from "../base/cell-grid";
import { finding } from "../base/findings";
import type { Finding, Severity } from "../base/findings";
import { addFen, FEN_PER, yuanString } from "../base/money";
import type { Unit } from "../base/money";
import { squash } from "../base/text";
import type { ColumnRole } from "../recognise/column-roles";
import type { AmountCell, Table, TableRow } from "../recognise/table";
import type { SangongResult } from "./sangong";
import { tableDecimals } from "./variance";

/**
 * What the national forms must agree on across tables, as data. A figure is named by its form (form-catalogue.ts), the
 * side of a side-by-side form, the line (by name, without its 一、 or 1. numbering; a list when templates word it
 * differently), the 科目编码, or the side's 总计 line; and the column role. Or it is the sum of a form's 类-level lines,
 * or an item of the 三公 table. Severity: error where the forms define the same number twice; warning where a
 * difference can be legitimate (三公 paid from 项目支出 is not in the 基本支出 table).
 */
type Figure =
  | { form: string; side?: string; line?: string | readonly string[]; code?: string; grand?: true; role: ColumnRole; label: string }
  | { form: string; classLines: true; role: ColumnRole; label: string }
  | { sangong: "reception" | "carRun" | "abroad" | "carPurchase"; label: string };

/**
 * Why two figures agree only on a condition, as the message says it (catalogue: FORM_CONDITIONS): "general-only" is a
 * unit whose income is all 一般公共预算拨款.
 */
type Condition = "general-only";

/** An identity that holds only when its two figures are equal (and not zero): see GENERAL_ONLY. */
interface Guard {
  equal: [Figure, Figure];
  condition: Condition;
}

interface Identity {
  /** Named when the 类 lines of the same two tables are compared too (ClassIdentity.total). */
  id?: string;
  left: Figure;
  right: Figure[];
  severity: Severity;
  when?: Guard;
}

/**
 * The 部门收支总表 lists spending by 功能分类 类 for all the unit's money (一般公共预算, 政府性基金, 财政专户, 事业收入 …);
 * the 一般公共预算支出表 only what 一般公共预算拨款 pays. The two agree by definition only when all the unit's income is
 * 一般公共预算拨款: its 一般公共预算 line on the 收入 side equals the side's 总计 (nothing else, no 上年结转). The line
 * is worded 一般公共预算拨款收入 (national template), 一般公共预算资金 (上海, under 财政拨款收入), 一般公共预算拨款.
 */
const GENERAL_ONLY: Guard = {
  equal: [
    {
      form: "budget-01",
      side: "收入",
      line: ["一般公共预算拨款收入", "一般公共预算资金", "一般公共预算拨款"],
      role: "budget",
      label: "部门收支总表·一般公共预算拨款收入",
    },
    { form: "budget-01", side: "收入", grand: true, role: "budget", label: "部门收支总表·收入总计" },
  ],
  condition: "general-only",
};

const IDENTITIES: Identity[] = [
  {
    left: { form: "final-01", side: "收入", line: "本年收入合计", role: "actual", label: "收入支出决算总表·本年收入合计" },
    right: [{ form: "final-02", line: "合计", role: "actual", label: "收入决算表·合计" }],
    severity: "error",
  },
  {
    id: "final-01/03",
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
      form: "final-01",
      side: "收入",
      line: "政府性基金预算财政拨款收入",
      role: "actual",
      label: "收入支出决算总表·政府性基金预算财政拨款收入",
    },
    right: [
      {
        form: "final-04",
        side: "收入",
        line: "政府性基金预算财政拨款",
        role: "actual",
        label: "财政拨款收入支出决算总表·政府性基金预算财政拨款",
      },
    ],
    severity: "error",
  },
  {
    id: "final-04/05",
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
    id: "budget-01/03",
    left: { form: "budget-01", side: "支出", line: "本年支出合计", role: "budget", label: "部门收支总表·本年支出合计" },
    right: [{ form: "budget-03", line: "合计", role: "budget", label: "部门支出总表·合计" }],
    severity: "error",
  },
  {
    id: "budget-01/05",
    left: { form: "budget-01", side: "支出", line: "本年支出合计", role: "budget", label: "部门收支总表·本年支出合计" },
    right: [{ form: "budget-05", line: "合计", role: "budget", label: "一般公共预算支出表·合计" }],
    severity: "error",
    when: GENERAL_ONLY,
  },
  {
    left: { form: "budget-01", side: "收入", line: "本年收入合计", role: "budget", label: "部门收支总表·本年收入合计" },
    right: [{ form: "budget-02", line: "合计", role: "budget", label: "部门收入总表·合计" }],
    severity: "error",
  },
  {
    // The year's 一般公共预算 appropriation, on the 收入 side of both 总表 (预算公开表1 and 表4).
    left: {
      form: "budget-01",
      side: "收入",
      line: ["一般公共预算拨款收入", "一般公共预算资金", "一般公共预算拨款"],
      role: "budget",
      label: "部门收支总表·一般公共预算拨款收入",
    },
    right: [
      {
        form: "budget-04",
        side: "收入",
        line: ["一般公共预算拨款收入", "一般公共预算资金", "一般公共预算拨款"],
        role: "budget",
        label: "财政拨款收支总表·一般公共预算拨款收入",
      },
    ],
    severity: "error",
  },
  {
    left: {
      form: "budget-01",
      side: "收入",
      line: ["政府性基金预算拨款收入", "政府性基金预算资金", "政府性基金预算拨款"],
      role: "budget",
      label: "部门收支总表·政府性基金预算拨款收入",
    },
    right: [
      {
        form: "budget-04",
        side: "收入",
        line: ["政府性基金预算拨款收入", "政府性基金预算资金", "政府性基金预算拨款"],
        role: "budget",
        label: "财政拨款收支总表·政府性基金预算拨款收入",
      },
    ],
    severity: "error",
  },
  {
    id: "budget-04/05",
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

/** One side of a 类-by-类 identity: a form's table (the side of a side-by-side form) and the column compared. */
interface ClassSide {
  form: string;
  side?: string;
  role: ColumnRole;
  label: string;
}

/**
 * 类 by 类: each 功能分类 类 (科目编码 of three digits; the side-by-side forms' 类 lines get theirs from their names) of
 * one table against the same 类 of the other, where the forms define both as the same spending: the 收支总表's 支出
 * side lists 本年支出 by 类 for all funds, as the 支出总表 does; the 财政拨款收支总表's 一般公共预算 column by 类 is the
 * 一般公共预算支出表. Only 类 both tables list are compared (one leaving a 类 out is the totals' business). `total`
 * names the identity of the two tables' totals: when the 类 found different account for its whole difference, it is
 * not said again.
 */
interface ClassIdentity {
  left: ClassSide;
  right: ClassSide;
  severity: Severity;
  total: string;
  when?: Guard;
}

const CLASS_IDENTITIES: ClassIdentity[] = [
  {
    left: { form: "final-01", side: "支出", role: "actual", label: "收入支出决算总表" },
    right: { form: "final-03", role: "actual", label: "支出决算表" },
    severity: "error",
    total: "final-01/03",
  },
  {
    left: { form: "final-04", side: "支出", role: "srcGeneral", label: "财政拨款收入支出决算总表·一般公共预算财政拨款" },
    right: { form: "final-05", role: "actual", label: "一般公共预算财政拨款支出决算表" },
    severity: "error",
    total: "final-04/05",
  },
  {
    left: { form: "budget-01", side: "支出", role: "budget", label: "部门收支总表" },
    right: { form: "budget-03", role: "budget", label: "部门支出总表" },
    severity: "error",
    total: "budget-01/03",
  },
  {
    left: { form: "budget-01", side: "支出", role: "budget", label: "部门收支总表" },
    right: { form: "budget-05", role: "budget", label: "一般公共预算支出表" },
    severity: "error",
    total: "budget-01/05",
    when: GENERAL_ONLY,
  },
  {
    left: { form: "budget-04", side: "支出", role: "srcGeneral", label: "财政拨款收支总表·一般公共预算" },
    right: { form: "budget-05", role: "budget", label: "一般公共预算支出表" },
    severity: "error",
    total: "budget-04/05",
  },
];

/**
 * 收支总表s whose two sides balance by the form's definition: 收入总计 (本年收入合计 + 上年结转 …) = 支出总计 (本年支出
 * 合计 + 结转下年 …), each side's 总计 line, in the column that holds the side's whole (预算数, 决算数, 合计).
 */
const BALANCED: { form: string; role: ColumnRole; label: string }[] = [
  { form: "budget-01", role: "budget", label: "部门收支总表" },
  { form: "budget-04", role: "budget", label: "财政拨款收支总表" },
  { form: "final-01", role: "actual", label: "收入支出决算总表" },
  { form: "final-04", role: "actual", label: "财政拨款收入支出决算总表" },
];

interface Value {
  fen: number;
  sheet: string;
  cell: string;
  /** Half a unit of the written precision, in 分, per figure added. */
  slack: number;
}

/** A line's name as identities match it: without its numbering (一、, 1., （一）). */
const lineKey = (name: string) => squash(name).replace(/^([一二三四五六七八九十]+|\d+)[、.．]|^[（(][一二三四五六七八九十\d]+[)）]/, "");

function slackOf(unit: Unit, decimals: number): number {
  return Math.max(FEN_PER[unit] / 10 ** decimals / 2, 0.5);
}

const onSide = (t: Table, side: string | undefined) => !side || (t.side ?? "").startsWith(side);

function lineMatches(row: TableRow, f: { line?: string | readonly string[]; code?: string; grand?: true }): boolean {
  if (f.code) return row.code === f.code;
  if (f.line === undefined) return false;
  const key = lineKey(row.name);
  return typeof f.line === "string" ? key === f.line : f.line.includes(key);
}

/** The side's 总计: its last 总计 line (a form may word an earlier line …总计 too). */
function grandRow(t: Table): TableRow | undefined {
  for (let i = t.rows.length - 1; i >= 0; i--) if (t.rows[i].totalKind === "grand") return t.rows[i];
  return undefined;
}

function valueOf(f: Figure, tables: Table[], sangong: SangongResult | null): Value | null {
  if ("sangong" in f) {
    const item = sangong?.items.find((i) => i.key === f.sangong);
    const table = tables.find((t) => t.id === sangong?.tableId);
    if (!item || item.actual === null || !item.cells.actual || !table) return null;
    return { fen: item.actual, sheet: item.sheet, cell: item.cells.actual, slack: slackOf(table.unit, tableDecimals(table)) };
  }
  const candidates = tables.filter((t) => t.form === f.form && onSide(t, "side" in f ? f.side : undefined));
  if ("classLines" in f) {
    // Every 类-level line of the form, across its blocks (公开06: 301 + 303 ‖ 302 + 310 …).
    const cells = candidates.flatMap((t) => t.rows.filter((r) => r.code?.length === 3).map((r) => ({ t, a: r.amounts[f.role] })));
    const filled = cells.filter((x): x is { t: Table; a: AmountCell } => x.a !== undefined && !x.a.bad);
    if (candidates.length === 0 || filled.length === 0) return null;
    const first = filled[0];
    const slack = filled.reduce((s, x) => s + slackOf(x.t.unit, tableDecimals(x.t)), 0);
    return { fen: filled.reduce((s, x) => addFen(s, x.a.value ?? 0), 0), sheet: first.t.sheet, cell: first.a.cell, slack };
  }
  for (const t of candidates) {
    const row = f.grand ? grandRow(t) : t.rows.find((r) => lineMatches(r, f));
    const a = row?.amounts[f.role];
    if (!row || !a || a.bad) continue;
    return { fen: a.value ?? 0, sheet: t.sheet, cell: a.cell, slack: slackOf(t.unit, tableDecimals(t)) };
  }
  return null;
}

/** Whether an identity's condition holds: its two figures found, equal and not zero. No guard: it always holds. */
function guardHolds(when: Guard | undefined, tables: Table[]): boolean {
  if (!when) return true;
  const [a, b] = when.equal.map((f) => valueOf(f, tables, null));
  return a !== null && b !== null && a.fen !== 0 && a.fen === b.fen;
}

type Data = Record<string, string | null>;

/** A difference beyond the rounding of the figures is a mismatch; within it, said as rounding (info). */
function report(findings: Finding[], severity: Severity, left: Value, difference: number, slack: number, data: Data): void {
  if (Math.abs(difference) <= slack) findings.push(finding("rounding", "info", left.sheet, left.cell, { ...data, name: data.left }));
  else findings.push(finding("form-mismatch", severity, left.sheet, left.cell, data, Math.abs(difference)));
}

/** A 类 line's figure in a role: blank is 0 (the form leaves a 类 without money blank), unreadable is none. */
function classValues(t: Table, role: ColumnRole): Map<string, { row: TableRow; a: AmountCell }> {
  const out = new Map<string, { row: TableRow; a: AmountCell }>();
  const twice = new Set<string>();
  for (const row of t.rows) {
    const a = row.amounts[role];
    if (row.code?.length !== 3 || row.isPart || !a || a.bad) continue;
    if (out.has(row.code)) twice.add(row.code);
    out.set(row.code, { row, a });
  }
  // A 类 listed twice (two blocks, a repeated page) has no one figure to compare.
  for (const code of twice) out.delete(code);
  return out;
}

/**
 * The 类 lines of two tables compared. Returns the sum of the differences found beyond rounding (null when none), for
 * the totals identity they break down (ClassIdentity.total).
 */
function checkClasses(id: ClassIdentity, tables: Table[], findings: Finding[]): number | null {
  if (!guardHolds(id.when, tables)) return null;
  const lefts = tables.filter((t) => t.form === id.left.form && onSide(t, id.left.side));
  const rights = tables.filter((t) => t.form === id.right.form && onSide(t, id.right.side));
  if (lefts.length === 0 || rights.length === 0) return null;
  const [lt, rt] = [lefts[0], rights[0]];
  const [lv, rv] = [classValues(lt, id.left.role), classValues(rt, id.right.role)];
  const slack = slackOf(lt.unit, tableDecimals(lt)) + slackOf(rt.unit, tableDecimals(rt));
  let said: number | null = null;
  for (const [code, l] of lv) {
    const r = rv.get(code);
    if (!r || (l.a.value === null && r.a.value === null)) continue;
    const difference = (l.a.value ?? 0) - (r.a.value ?? 0);
    if (difference === 0) continue;
    if (Math.abs(difference) > slack) said = addFen(said ?? 0, difference);
    // A line found different from one table already (部门收支总表 against 部门支出总表) is not said again against the next.
    const known = findings.some((f) => f.rule === "form-mismatch" && f.sheet === lt.sheet && f.cell === l.a.cell);
    if (known) continue;
    const data: Data = {
      left: `${id.left.label}·${lineKey(l.row.name)}`,
      right: `${id.right.label}·${lineKey(r.row.name)}`,
      stated: yuanString(l.a.value ?? 0),
      computed: yuanString(r.a.value ?? 0),
      difference: yuanString(difference),
      otherSheet: rt.sheet,
      otherCell: r.a.cell,
      ...(id.when ? { condition: id.when.condition } : {}),
    };
    report(findings, id.severity, { fen: l.a.value ?? 0, sheet: lt.sheet, cell: l.a.cell, slack: 0 }, difference, slack, data);
  }
  return said;
}

/** Both halves of a 收支总表: the 收入 side and the 支出 side set beside it (same sheet, same header row). */
function halves(tables: Table[], form: string): [Table, Table][] {
  const own = tables.filter((t) => t.form === form);
  const top = (t: Table) => parseAddress(t.range.split(":")[0]);
  const pairs: [Table, Table][] = [];
  for (const spending of own) {
    if (!(spending.side ?? "").startsWith("支出")) continue;
    const beside = own.filter(
      (t) =>
        (t.side ?? "").startsWith("收入") && t.book === spending.book && t.sheet === spending.sheet && top(t).row === top(spending).row,
    );
    if (beside.length === 1) pairs.push([beside[0], spending]);
  }
  if (pairs.length > 0) return pairs;
  // Halves on sheets of their own (收入方 | 支出方): only when the workbook holds one of each.
  const income = own.filter((t) => (t.side ?? "").startsWith("收入"));
  const spending = own.filter((t) => (t.side ?? "").startsWith("支出"));
  return income.length === 1 && spending.length === 1 && income[0].book === spending[0].book ? [[income[0], spending[0]]] : [];
}

/** 收入总计 = 支出总计 on each 收支总表 (BALANCED), said at the 支出总计 when they differ beyond rounding. */
function checkBalances(tables: Table[], findings: Finding[]): void {
  for (const form of BALANCED) {
    for (const [income, spending] of halves(tables, form.form)) {
      const [i, s] = [grandRow(income)?.amounts[form.role], grandRow(spending)?.amounts[form.role]];
      if (!i || !s || i.bad || s.bad || i.value === null || s.value === null) continue;
      const difference = s.value - i.value;
      if (difference === 0) continue;
      const slack = slackOf(income.unit, tableDecimals(income)) + slackOf(spending.unit, tableDecimals(spending));
      const within = Math.abs(difference) <= slack;
      // A 总计 its own side's sum check has spoken about already (合计不符, 取整): that finding says where to look; said
      // again here it would point at the other side's 总计, which may well be right.
      const spoken = findings.some(
        (f) =>
          (f.severity === "error" || within) &&
          ((f.sheet === income.sheet && f.cell === i.cell) || (f.sheet === spending.sheet && f.cell === s.cell)),
      );
      if (spoken) continue;
      const data = {
        name: form.label,
        left: `${form.label}·支出总计`,
        right: `${form.label}·收入总计`,
        stated: yuanString(s.value),
        computed: yuanString(i.value),
        difference: yuanString(difference),
        otherSheet: income.sheet,
        otherCell: i.cell,
      };
      if (within) findings.push(finding("rounding", "info", spending.sheet, s.cell, data));
      else findings.push(finding("balance-mismatch", "error", spending.sheet, s.cell, data, Math.abs(difference)));
    }
  }
}

/**
 * Checks every identity whose figures the workbook(s) hold (an identity with a figure missing, or whose condition does
 * not hold, is not checked), the 类 lines of the tables they join, and the balance of each 收支总表.
 */
export function checkFormIdentities(tables: Table[], sangong: SangongResult | null, findings: Finding[]): void {
  checkBalances(tables, findings);
  const explained = new Map<string, number>();
  for (const id of CLASS_IDENTITIES) {
    const said = checkClasses(id, tables, findings);
    if (said !== null) explained.set(id.total, said);
  }
  for (const id of IDENTITIES) {
    if (!guardHolds(id.when, tables)) continue;
    const left = valueOf(id.left, tables, sangong);
    const right = id.right.map((f) => valueOf(f, tables, sangong));
    if (!left || right.some((v) => v === null)) continue;
    const values = right as Value[];
    const computed = values.reduce((s, v) => addFen(s, v.fen), 0);
    const difference = left.fen - computed;
    if (difference === 0) continue;
    const slack = left.slack + values.reduce((s, v) => s + v.slack, 0);
    // The 类 lines said already account for all of it, but for rounding: the totals would only say it again.
    const byClass = id.id === undefined ? undefined : explained.get(id.id);
    if (byClass !== undefined && Math.abs(difference - byClass) <= slack) continue;
    const data: Data = {
      left: id.left.label,
      right: id.right.map((f) => f.label).join(" + "),
      stated: yuanString(left.fen),
      computed: yuanString(computed),
      difference: yuanString(difference),
      otherSheet: values[0].sheet,
      otherCell: values[0].cell,
      ...(id.when ? { condition: id.when.condition } : {}),
    };
    report(findings, id.severity, left, difference, slack, data);
  }
}
