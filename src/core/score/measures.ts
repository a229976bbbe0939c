import type { Analysis } from "../analyse/analysis";
import { hundredths, rateBp, sumFen } from "../base/money";
import type { Bp, Unit } from "../base/money";
import type { AmountCell, Table } from "../recognise/table";
import type { VarianceLine } from "../analyse/variance";
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
  /**
   * The cell holds this figure itself, in the workbook being checked: a formula may reference it. Not so for a number
   * written as text ("3,120,000.00"), a figure of another workbook, or a total the table does not state.
   */
  live: boolean;
  /** The unit an amount is written in at its cell (a ratio of cells in two units is no ratio); null for counts. */
  unit: Unit | null;
}

/** One input of a ratio, added or taken away. */
export interface Term {
  input: number;
  sign: 1 | -1;
}

export interface MeasureResult {
  rate: Bp | null;
  inputs: MeasureInput[];
  /** How the rate is made of the inputs: (Σ num) ÷ (Σ den), so that a sheet can compute it from their cells. */
  ratio: { num: Term[]; den: Term[] } | null;
  /** Why the rate cannot be computed: what the clerk must supply. */
  missing: string | null;
}

const T = SCORING_TEXT;
const missing = (why: string, inputs: MeasureInput[] = []): MeasureResult => ({ rate: null, inputs, ratio: null, missing: why });
const plus = (...inputs: number[]): Term[] => inputs.map((input) => ({ input, sign: 1 }));

/** A rate from its inputs: null (and why) when the base is zero, else the rate and how it is made. */
function rated(rate: Bp | null, inputs: MeasureInput[], num: Term[], den: Term[], whyNot: string): MeasureResult {
  return rate === null ? missing(whyNot, inputs) : { rate, inputs, ratio: { num, den }, missing: null };
}

function budgetTotals(a: Analysis) {
  // The department's whole spending: the budget table with the largest stated total (the first of equals). Its total
  // line and table are looked up for that one table only: a county's 200 tables × 60,000 lines stay linear.
  let t: Analysis["totals"][number] | undefined;
  for (const x of a.totals) if (x.actual !== null && x.budget !== null && (t === undefined || x.actual > (t.actual as number))) t = x;
  if (t === undefined) return undefined;
  const id = t.tableId;
  return { t, line: a.lines.find((l) => l.tableId === id && l.isTotal) ?? null, table: a.tables.find((x) => x.id === id)! };
}

/** Where an amount sits: its sheet and cell (none for a total the table does not state), and whether it is live. */
type Place = Pick<MeasureInput, "sheet" | "cell" | "live" | "unit">;

/** The place of an amount read from a cell; `external` when its table belongs to another workbook. */
function placeOf(sheet: string, source: AmountCell | undefined, unit: Unit, external: boolean): Place {
  return { sheet, cell: source?.cell ?? null, live: source !== undefined && !source.text && !source.bad && !external, unit };
}

/**
 * Where a variance line's budget and actual sit. A budget joined from the table's 预算 (another sheet or workbook) is
 * quoted from there, never referenced.
 */
function linePlaces(line: VarianceLine | null, table: Table): { budget: Place; actual: Place } {
  const external = table.book !== null;
  const from = line?.budgetFrom;
  return {
    budget: from
      ? { sheet: from.sheet, cell: from.cell, live: false, unit: table.unit }
      : placeOf(table.sheet, line?.row.amounts[line.budgetRole ?? "budget"], table.unit, external),
    actual: placeOf(table.sheet, line?.row.amounts.actual, table.unit, external),
  };
}

function amountInput(label: string, value: number | null, at: Place): MeasureInput[] {
  return value === null ? [] : [{ label, value, kind: "amount", ...at }];
}

/** Computes a measure from the analysed workbook; `entered` holds rates the clerk typed (percent), by indicator id. */
export function measure(m: Measure, a: Analysis, entered: number | undefined): MeasureResult {
  switch (m) {
    case "entered": {
      if (entered === undefined) return missing(T.enterRate);
      const rate = hundredths(entered);
      const input: MeasureInput = { label: T.enteredLabel, value: rate, kind: "rate", sheet: null, cell: null, live: false, unit: null };
      return { rate, inputs: [input], ratio: null, missing: null };
    }

    case "budgetExecutionRate": {
      const b = budgetTotals(a);
      if (!b) return missing(T.noBudgetTable);
      const at = linePlaces(b.line, b.table);
      const inputs = [...amountInput(T.inputs.budgetFinal, b.t.budget, at.budget), ...amountInput(T.inputs.actual, b.t.actual, at.actual)];
      return rated(rateBp(b.t.actual, b.t.budget), inputs, plus(1), plus(0), T.budgetZero);
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
      const at = (source: AmountCell | undefined) => placeOf(t.sheet, source, t.unit, t.book !== null);
      const inputs = [
        ...amountInput(T.inputs.budgetInitial, initial, at(total.amounts.budgetInitial)),
        ...amountInput(T.inputs.budgetFinal, final, at(total.amounts.budgetFinal)),
      ];
      return rated(rateBp(final - initial, initial), inputs, [...plus(1), { input: 0, sign: -1 }], plus(0), T.initialZero);
    }

    case "staffControlRate": {
      const staff = a.tables.filter((t) => t.kind === "staff");
      const find = (label: string, re: RegExp): MeasureInput | null => {
        for (const t of staff) {
          const row = t.rows.find((r) => re.test(squash(r.name)) && !r.isPart);
          const v = row?.amounts.count;
          if (row && v?.value) {
            const live = !v.text && t.book === null;
            return { label, value: v.value, kind: "count", sheet: t.sheet, cell: v.cell, live, unit: null };
          }
        }
        return null;
      };
      const quota = find(T.inputs.quota, /^编制(数|人数)?$|^核定编制/);
      const onDuty = find(T.inputs.onDuty, /^(实有|实际)?在职(人员)?(人数)?$|^实有(在职)?人数$/);
      const inputs = [quota, onDuty].filter((x): x is MeasureInput => x !== null);
      if (!quota || !onDuty) return missing(T.noStaff, inputs);
      return rated(rateBp(onDuty.value, quota.value), inputs, plus(1), plus(0), T.quotaZero);
    }

    case "sangongChangeRate":
    case "sangongControlRate": {
      const sg = a.sangong;
      const g = sg?.total;
      if (!sg || !g) return missing(T.noSangong);
      const table = a.tables.find((t) => t.id === sg.tableId);
      const unit = (table?.unit ?? "元") as Unit;
      const external = table?.book !== null;
      const change = m === "sangongChangeRate";
      const base = change ? g.previous : g.budget;
      const inputs = [
        ...amountInput(T.inputs.sangongActual, g.actual, placeOf(g.sheet, g.sources.actual, unit, external)),
        ...amountInput(
          change ? T.inputs.sangongPrevious : T.inputs.sangongBudget,
          base,
          placeOf(change ? (g.previousSheet ?? g.sheet) : g.sheet, change ? g.sources.previous : g.sources.budget, unit, external),
        ),
      ];
      const rate = change ? g.yoyRate : g.completionRate;
      // A 预算-only 三公 table (部门预算) has no 决算 column: that is a missing column, not a zero base.
      const whyNot = base === null || g.actual === null ? T.noColumn : T.baseZero;
      return rated(rate, inputs, change ? [...plus(0), { input: 1, sign: -1 }] : plus(0), plus(1), whyNot);
    }

    case "publicFundControlRate": {
      // 公用经费 = 302 商品和服务支出 + 310 资本性支出, within 基本支出 (domain.md §4.5).
      const lines = a.lines.filter((l) => l.code === "302" || l.code === "310");
      if (lines.length === 0 || lines.some((l) => l.budget === null || l.actual === null)) return missing(T.noPublicFund);
      const budget = sumFen(lines.map((l) => l.budget));
      const actual = sumFen(lines.map((l) => l.actual));
      const tableOf = new Map(a.tables.map((t) => [t.id, t]));
      const inputs = lines.flatMap((l) => {
        const at = linePlaces(l, tableOf.get(l.tableId)!);
        return [
          ...amountInput(T.inputs.budgetOf(`${l.code} ${l.name}`), l.budget, at.budget),
          ...amountInput(T.inputs.actualOf(`${l.code} ${l.name}`), l.actual, at.actual),
        ];
      });
      // Every line gives both (none is null, above): line k's budget is input 2k, its actual 2k + 1.
      const den = plus(...lines.map((_, k) => 2 * k));
      const num = plus(...lines.map((_, k) => 2 * k + 1));
      return rated(rateBp(actual, budget), inputs, num, den, T.publicFundZero);
    }
  }
}
