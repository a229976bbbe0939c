import type { Analysis } from "../analyse/analysis";
import { Decimal, percentRate, sumMoney } from "../base/money";
import { squash } from "../base/text";
import type { Measure } from "./framework";

/** One input of a measured rate, with the cell it came from (amounts in 元, counts as they are). */
export interface MeasureInput {
  label: string;
  value: Decimal;
  kind: "amount" | "count" | "rate";
  sheet: string | null;
  cell: string | null;
}

export interface MeasureResult {
  rate: Decimal | null;
  inputs: MeasureInput[];
  /** Why the rate cannot be computed: what the clerk must supply. */
  missing: string | null;
}

const missing = (why: string, inputs: MeasureInput[] = []): MeasureResult => ({ rate: null, inputs, missing: why });

function budgetTotals(a: Analysis) {
  // The department's whole spending: the budget table with the largest stated total.
  return a.totals
    .filter((t) => t.actual !== null && t.budget !== null)
    .map((t) => ({ t, line: a.lines.find((l) => l.tableId === t.tableId && l.isTotal) ?? null, table: a.tables.find((x) => x.id === t.tableId)! }))
    .sort((x, y) => (y.t.actual as Decimal).comparedTo(x.t.actual as Decimal))[0];
}

function amountInput(label: string, value: Decimal | null, sheet: string | null, cell: string | undefined): MeasureInput[] {
  return value === null ? [] : [{ label, value, kind: "amount", sheet, cell: cell ?? null }];
}

/** Computes a measure from the analysed workbook; `entered` holds rates the clerk typed, by indicator id. */
export function measure(m: Measure, a: Analysis, entered: number | undefined): MeasureResult {
  switch (m) {
    case "entered":
      return entered === undefined ? missing("请填写该指标的完成值（%）") : { rate: new Decimal(entered), inputs: [{ label: "填报值（%）", value: new Decimal(entered), kind: "rate", sheet: null, cell: null }], missing: null };

    case "budgetExecutionRate": {
      const b = budgetTotals(a);
      if (!b) return missing("未找到带预算数和决算数的支出表");
      const inputs = [
        ...amountInput("全年预算数", b.t.budget, b.table.sheet, b.line?.cells[b.line.budgetRole ?? "budget"]),
        ...amountInput("决算数", b.t.actual, b.table.sheet, b.line?.cells.actual),
      ];
      const rate = percentRate(b.t.actual, b.t.budget);
      return rate === null ? missing("预算数为0，无法计算执行率", inputs) : { rate, inputs, missing: null };
    }

    case "budgetAdjustmentRate": {
      const t = a.tables.find((x) => x.roles.budgetInitial && x.roles.budgetFinal && x.rows.some((r) => r.isTotal && r.totalKind === "total"));
      if (!t) return missing("未找到同时列有年初预算数和全年（调整）预算数、并有合计行的表");
      const total = t.rows.find((r) => r.isTotal && r.totalKind === "total")!;
      const initial = total.amounts.budgetInitial?.value ?? null;
      const final = total.amounts.budgetFinal?.value ?? null;
      if (initial === null || final === null) return missing("合计行的年初预算数或全年预算数为空");
      const inputs = [
        ...amountInput("年初预算数", initial, t.sheet, total.amounts.budgetInitial?.cell),
        ...amountInput("全年预算数", final, t.sheet, total.amounts.budgetFinal?.cell),
      ];
      const rate = percentRate(final.minus(initial), initial);
      return rate === null ? missing("年初预算数为0，无法计算调整率", inputs) : { rate, inputs, missing: null };
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
      if (quota) inputs.push({ label: "编制数", value: quota.value, kind: "count", sheet: quota.sheet, cell: quota.cell });
      if (onDuty) inputs.push({ label: "实有在职人数", value: onDuty.value, kind: "count", sheet: onDuty.sheet, cell: onDuty.cell });
      if (!quota || !onDuty) return missing("未找到“编制数”和“实有在职人数”", inputs);
      const rate = percentRate(onDuty.value, quota.value);
      return rate === null ? missing("编制数为0", inputs) : { rate, inputs, missing: null };
    }

    case "sangongChangeRate":
    case "sangongControlRate": {
      const g = a.sangong?.total;
      if (!g) return missing("未找到三公经费表");
      const base = m === "sangongChangeRate" ? g.previous : g.budget;
      const inputs = [
        ...amountInput("本年“三公经费”", g.actual, g.sheet, g.cells.actual),
        ...amountInput(m === "sangongChangeRate" ? "上年“三公经费”" : "“三公经费”预算数", base, g.sheet, m === "sangongChangeRate" ? g.cells.previous : g.cells.budget),
      ];
      const rate = m === "sangongChangeRate" ? g.yoyRate : g.completionRate;
      if (rate === null) return missing(base === null ? "表中没有对应的列" : "基数为0，无法计算比率", inputs);
      return { rate, inputs, missing: null };
    }

    case "publicFundControlRate": {
      // 公用经费 = 302 商品和服务支出 + 310 资本性支出, within 基本支出 (domain.md §4.5).
      const lines = a.lines.filter((l) => l.code === "302" || l.code === "310");
      if (lines.length === 0 || lines.some((l) => l.budget === null || l.actual === null)) return missing("未找到经济分类 302/310 的预算数和决算数");
      const budget = sumMoney(lines.map((l) => l.budget));
      const actual = sumMoney(lines.map((l) => l.actual));
      const inputs = lines.flatMap((l) => [
        ...amountInput(`${l.code} ${l.name} 预算`, l.budget, l.sheet, l.cells[l.budgetRole ?? "budget"]),
        ...amountInput(`${l.code} ${l.name} 决算`, l.actual, l.sheet, l.cells.actual),
      ]);
      const rate = percentRate(actual, budget);
      return rate === null ? missing("公用经费预算为0", inputs) : { rate, inputs, missing: null };
    }
  }
}
