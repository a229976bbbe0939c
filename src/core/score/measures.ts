import type { Analysis } from "../analyse/analysis";
import { hundredths, rateBp, sumFen } from "../base/money";
import type { Bp } from "../base/money";
import { squash } from "../base/text";
import { SCORING_TEXT } from "../catalogue/scoring";
import type { Measure } from "./framework";

/**
 * One input of a measured rate, with the cell it came from. `value` is in hundredths of its unit: 分 for amounts (元),
 * hundredths of a person for counts, basis points for a rate the clerk entered.
 */
export interface MeasureInput {
  label: string;
  value: number;
  kind: "amount" | "count" | "rate";
  sheet: string | null;
  cell: string | null;
}

export interface MeasureResult {
  rate: Bp | null;
  inputs: MeasureInput[];
  /** Why the rate cannot be computed: what the clerk must supply. */
  missing: string | null;
}

const T = SCORING_TEXT;
const missing = (why: string, inputs: MeasureInput[] = []): MeasureResult => ({ rate: null, inputs, missing: why });

function budgetTotals(a: Analysis) {
  // The department's whole spending: the budget table with the largest stated total (the first of equals). Its total
  // line and table are looked up for that one table only: a county's 200 tables × 60,000 lines stay linear.
  let t: Analysis["totals"][number] | undefined;
  for (const x of a.totals) if (x.actual !== null && x.budget !== null && (t === undefined || x.actual > (t.actual as number))) t = x;
  if (t === undefined) return undefined;
  const id = t.tableId;
  return { t, line: a.lines.find((l) => l.tableId === id && l.isTotal) ?? null, table: a.tables.find((x) => x.id === id)! };
}

function amountInput(label: string, value: number | null, sheet: string | null, cell: string | undefined): MeasureInput[] {
  return value === null ? [] : [{ label, value, kind: "amount", sheet, cell: cell ?? null }];
}

/** Computes a measure from the analysed workbook; `entered` holds rates the clerk typed (percent), by indicator id. */
export function measure(m: Measure, a: Analysis, entered: number | undefined): MeasureResult {
  switch (m) {
    case "entered": {
      if (entered === undefined) return missing(T.enterRate);
      const rate = hundredths(entered);
      return { rate, inputs: [{ label: T.enteredLabel, value: rate, kind: "rate", sheet: null, cell: null }], missing: null };
    }

    case "budgetExecutionRate": {
      const b = budgetTotals(a);
      if (!b) return missing(T.noBudgetTable);
      const inputs = [
        ...amountInput(T.inputs.budgetFinal, b.t.budget, b.table.sheet, b.line?.cells[b.line.budgetRole ?? "budget"]),
        ...amountInput(T.inputs.actual, b.t.actual, b.table.sheet, b.line?.cells.actual),
      ];
      const rate = rateBp(b.t.actual, b.t.budget);
      return rate === null ? missing(T.budgetZero, inputs) : { rate, inputs, missing: null };
    }

    case "budgetAdjustmentRate": {
      const t = a.tables.find(
        (x) => x.roles.budgetInitial && x.roles.budgetFinal && x.rows.some((r) => r.isTotal && r.totalKind === "total"),
      );
      if (!t) return missing(T.noAdjustmentTable);
      const total = t.rows.find((r) => r.isTotal && r.totalKind === "total")!;
      const initial = total.amounts.budgetInitial?.value ?? null;
      const final = total.amounts.budgetFinal?.value ?? null;
      if (initial === null || final === null) return missing(T.adjustmentBlank);
      const inputs = [
        ...amountInput(T.inputs.budgetInitial, initial, t.sheet, total.amounts.budgetInitial?.cell),
        ...amountInput(T.inputs.budgetFinal, final, t.sheet, total.amounts.budgetFinal?.cell),
      ];
      const rate = rateBp(final - initial, initial);
      return rate === null ? missing(T.initialZero, inputs) : { rate, inputs, missing: null };
    }

    case "staffControlRate": {
      const staff = a.tables.filter((t) => t.kind === "staff");
      const find = (re: RegExp) => {
        for (const t of staff) {
          const row = t.rows.find((r) => re.test(squash(r.name)) && !r.isPart);
          const v = row?.amounts.count;
          if (row && v?.value) return { value: v.value, sheet: t.sheet, cell: v.cell };
        }
        return null;
      };
      const quota = find(/^编制(数|人数)?$|^核定编制/);
      const onDuty = find(/^(实有|实际)?在职(人员)?(人数)?$|^实有(在职)?人数$/);
      const inputs: MeasureInput[] = [];
      if (quota) inputs.push({ label: T.inputs.quota, value: quota.value, kind: "count", sheet: quota.sheet, cell: quota.cell });
      if (onDuty) inputs.push({ label: T.inputs.onDuty, value: onDuty.value, kind: "count", sheet: onDuty.sheet, cell: onDuty.cell });
      if (!quota || !onDuty) return missing(T.noStaff, inputs);
      const rate = rateBp(onDuty.value, quota.value);
      return rate === null ? missing(T.quotaZero, inputs) : { rate, inputs, missing: null };
    }

    case "sangongChangeRate":
    case "sangongControlRate": {
      const g = a.sangong?.total;
      if (!g) return missing(T.noSangong);
      const change = m === "sangongChangeRate";
      const base = change ? g.previous : g.budget;
      const inputs = [
        ...amountInput(T.inputs.sangongActual, g.actual, g.sheet, g.cells.actual),
        ...amountInput(
          change ? T.inputs.sangongPrevious : T.inputs.sangongBudget,
          base,
          change ? (g.previousSheet ?? g.sheet) : g.sheet,
          change ? g.cells.previous : g.cells.budget,
        ),
      ];
      const rate = change ? g.yoyRate : g.completionRate;
      // A 预算-only 三公 table (部门预算) has no 决算 column: that is a missing column, not a zero base.
      if (rate === null) return missing(base === null || g.actual === null ? T.noColumn : T.baseZero, inputs);
      return { rate, inputs, missing: null };
    }

    case "publicFundControlRate": {
      // 公用经费 = 302 商品和服务支出 + 310 资本性支出, within 基本支出 (domain.md §4.5).
      const lines = a.lines.filter((l) => l.code === "302" || l.code === "310");
      if (lines.length === 0 || lines.some((l) => l.budget === null || l.actual === null)) return missing(T.noPublicFund);
      const budget = sumFen(lines.map((l) => l.budget));
      const actual = sumFen(lines.map((l) => l.actual));
      const inputs = lines.flatMap((l) => [
        ...amountInput(T.inputs.budgetOf(`${l.code} ${l.name}`), l.budget, l.sheet, l.cells[l.budgetRole ?? "budget"]),
        ...amountInput(T.inputs.actualOf(`${l.code} ${l.name}`), l.actual, l.sheet, l.cells.actual),
      ]);
      const rate = rateBp(actual, budget);
      return rate === null ? missing(T.publicFundZero, inputs) : { rate, inputs, missing: null };
    }
  }
}
