import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import type { CheckResult } from "../src/core";
import type { SheetSpec } from "../scripts/workbook-builder";
import { budgetSet, DEFAULT_LAYOUT, finalAccountsSet } from "./fixtures/national/forms";
import type { Layout } from "./fixtures/national/forms";
import { plantAll, plantBudget } from "./fixtures/national/planted";
import { SCHOOL, TOWNSHIP } from "./fixtures/national/units";
import type { UnitData } from "./fixtures/national/units";
import { specGrid } from "./support/spec-grid";

/**
 * The national forms of two invented units (a township in 万元, a school in 元) in every layout variant seen in published
 * sets: each form recognised by title, every 科目编码 read, clean sets silent, planted errors found at their cells,
 * 预算 and 决算 in two sheets or two workbooks joined by code.
 */
const check = (sheets: SheetSpec[], merges = true): CheckResult =>
  checkWorkbook(
    sheets.map((s) => specGrid(s, merges)),
    DEFAULT_SETTINGS,
  );

const LAYOUTS: [string, Layout][] = [
  ["merged codes, 栏次 on the 类/款/项 row", DEFAULT_LAYOUT],
  [
    "split codes 201 | 03 | 01, 栏次 on its own row, 合计 last",
    { ...DEFAULT_LAYOUT, codeStyle: "split", columnNumbers: "separate", totalAt: "bottom" },
  ],
  [
    "split codes, own part only, no 栏次, zeros as 0.00",
    { ...DEFAULT_LAYOUT, codeStyle: "split-bare", columnNumbers: "none", zeros: "zero" },
  ],
  [
    "one 科目编码 column, 三公 as 公开09, sheets named by title",
    { ...DEFAULT_LAYOUT, codeStyle: "single", sangongNumber: "09", sheetNames: "title" },
  ],
  ["numbers as text with separators", { ...DEFAULT_LAYOUT, numbers: "text" }],
];
const UNITS: [string, UnitData][] = [
  ["township (万元)", TOWNSHIP],
  ["school (元)", SCHOOL],
];

const FINAL_FORMS = ["final-01", "final-02", "final-03", "final-04", "final-05", "final-06", "final-07", "final-08", "final-09"];
const loud = (a: CheckResult) =>
  a.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet}!${f.cell} ${JSON.stringify(f.data)}`);

describe.each(UNITS)("%s", (_, unit) => {
  describe.each(LAYOUTS)("%s", (__, layout) => {
    for (const merges of [true, false]) {
      test(`决算 set ${merges ? "with" : "without"} merged-area information: every form read, every code, no finding`, () => {
        const a = check(finalAccountsSet(unit, layout), merges);
        expect(loud(a)).toEqual([]);
        expect(new Set(a.tables.map((t) => t.form))).toEqual(new Set(FINAL_FORMS));
        // Every 科目 of the unit's coded forms is read with its code (类, 款 and 项 levels).
        const coded = (form: string) => a.tables.filter((t) => t.form === form).flatMap((t) => t.rows.map((r) => r.code).filter(Boolean));
        const items = unit.items.map((i) => i.code);
        for (const form of ["final-02", "final-03"]) expect(new Set(coded(form))).toEqual(new Set(allLevels(items)));
        const general = unit.items.filter((i) => i.gpBasic + i.gpProject > 0).map((i) => i.code);
        expect(new Set(coded("final-05"))).toEqual(new Set(allLevels(general)));
        // The 总计 lines are outside 本年收入合计; the figures read equal the unit's.
        const income = a.tables.find((t) => t.form === "final-01" && t.side?.startsWith("收入"))!;
        const line = (name: string) => income.rows.find((r) => r.name === name)?.amounts.actual?.value;
        const total = unit.items.reduce((s, i) => s + i.gpBasic + i.gpProject + i.fund + i.business + i.other, 0);
        const scale = unit.unit === "万元" ? 1_000_000 / 100 : 1;
        expect(line("本年收入合计")).toBe((total - unit.carryIn + unit.carryOut) * scale);
        expect(line("总计")).toBe((total + unit.carryOut) * scale);
      });
    }

    test("预算公开 set: every table read as budget, no finding", () => {
      const a = check(budgetSet(unit, layout));
      expect(loud(a)).toEqual([]);
      expect(a.tables.every((t) => t.basis === "budget")).toBe(true);
      expect(new Set(a.tables.map((t) => t.form))).toEqual(
        new Set(["budget-01", "budget-02", "budget-03", "budget-04", "budget-05", "budget-06", "budget-07", "budget-08", "budget-09"]),
      );
    });
  });
});

/** 类, 款 and 项 codes of a list of 项 codes. */
function allLevels(items: string[]): string[] {
  return [...new Set(items.flatMap((c) => [c.slice(0, 3), c.slice(0, 5), c]))];
}

/** A finding as the planted expectations name it: rule and cell, and the total that comes right with it. */
const plantedKey = (e: { rule: string; sheet: string; cell: string; also?: unknown }) =>
  `${e.rule} ${e.sheet}!${e.cell}${e.also ? ` (${String(e.also)})` : ""}`;
const plantedFound = (a: ReturnType<typeof check>) =>
  a.findings.filter((f) => f.severity !== "info").map((f) => plantedKey({ ...f, also: f.data.also ?? undefined }));

describe("planted errors are found at their cells, and nothing else is an error", () => {
  for (const [layoutName, layout] of [LAYOUTS[0], LAYOUTS[1]]) {
    test.each(plantAll(finalAccountsSet(TOWNSHIP, layout)).map((p) => [p.name, p] as const))(`${layoutName}: %s`, (_, p) => {
      const a = check(p.sheets);
      expect(plantedFound(a).sort()).toEqual(p.expected.map(plantedKey).sort());
    });
  }

  for (const [layoutName, layout] of [LAYOUTS[0], LAYOUTS[1]]) {
    for (const [unitName, unit] of UNITS) {
      const item = unit.items.find((i) => i.budgetBasic + i.budgetProject > 0)!.code;
      test.each(plantBudget(budgetSet(unit, layout), item).map((p) => [p.name, p] as const))(
        `预算公开, ${unitName}, ${layoutName}: %s`,
        (_, p) => {
          const a = check(p.sheets);
          expect(plantedFound(a).sort()).toEqual(p.expected.map(plantedKey).sort());
        },
      );
    }
  }

  test("the sum finding names the suspect cell of an amount typed in 元", () => {
    const p = plantAll(finalAccountsSet(TOWNSHIP)).find((x) => x.name === "yuan-on-wan")!;
    const a = check(p.sheets);
    const sum = a.findings.find((f) => f.rule === "sum-mismatch")!;
    const suspect = a.findings.find((f) => f.rule === "unit-suspect" && f.cell === sum.data.suspect);
    expect(suspect?.data).toMatchObject({ likely: "153000.00", unit: "万元" });
  });
});

describe("预算 and 决算 in two sheets of one workbook, and in two workbooks", () => {
  const lineOf = (a: CheckResult, sheet: RegExp, code: string) => a.lines.find((l) => sheet.test(l.sheet) && l.code === code);

  test("one workbook: 公开05 lines carry the 年初预算 of 一般公共预算支出表, by code", () => {
    const a = check([...finalAccountsSet(TOWNSHIP), ...budgetSet(TOWNSHIP)]);
    const line = lineOf(a, /^公开05$/, "2010301")!;
    expect(line).toMatchObject({ budgetInitial: 30000 * 10000, actual: 31245 * 10000, completionRate: 10415 });
    expect(line.budgetFrom).toMatchObject({ sheet: "表5" });
    // A 科目 with no 年初预算 (0): no completion rate, a 无预算支出 finding.
    expect(lineOf(a, /^公开05$/, "2130599")).toMatchObject({ budget: 0, completionRate: null, flags: ["no-budget"] });
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
    // One finding per 科目, in the most specific form: 公开05/08 by 项, never again on 公开01/03/04 or an income line.
    const variance = a.findings.filter((f) => f.rule === "over-threshold" || f.rule === "no-budget");
    expect(new Set(variance.map((f) => f.sheet))).toEqual(new Set(["公开05", "公开08"]));
    expect(new Set(variance.map((f) => f.data.name)).size).toBe(variance.length);
    // The lines themselves stay on every form: 公开03 still carries 安全监管's budget.
    expect(lineOf(a, /^公开03$/, "2240106")?.budgetFrom?.sheet).toBe("表3");
  });

  test("two workbooks: the budget workbook's sheets read as [预算.xlsx]…, joined the same way", () => {
    const budget = budgetSet(SCHOOL).map((s) => ({ ...specGrid(s), sheet: `[预算.xlsx]${s.name}`, book: "预算.xlsx" }));
    const a = checkWorkbook([...finalAccountsSet(SCHOOL).map((s) => specGrid(s)), ...budget], DEFAULT_SETTINGS);
    const line = lineOf(a, /^公开05$/, "2050202")!;
    expect(line.budgetFrom?.sheet).toBe("[预算.xlsx]表5");
    expect(line.budgetInitial).toBe(498_000_00 + 90_000_00);
    const byCode = a.lines.filter((l) => l.sheet === "公开05" && l.budgetFrom);
    expect(byCode.length).toBeGreaterThanOrEqual(SCHOOL.items.length);
  });
});
