import fc from "fast-check";
import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import type { CheckResult } from "../src/core";
import type { SheetSpec, SpecValue } from "../scripts/workbook-builder";
import { DEFAULT_LAYOUT, finalAccountsSet } from "./fixtures/national/forms";
import type { Layout } from "./fixtures/national/forms";
import { plantAll } from "./fixtures/national/planted";
import { TOWNSHIP } from "./fixtures/national/units";
import type { UnitData } from "./fixtures/national/units";
import { specGrid } from "./support/spec-grid";

/**
 * What a clerk's edits that change nothing must not change: the order of the sheets, blank rows and columns inserted,
 * the 合计 row moved from top to bottom, the whole set converted from 万元 to 元. The analysis is compared without cell
 * addresses: each table by form, each line by code or name with its figures in 元, each finding by rule and line.
 */
const check = (sheets: SheetSpec[]): CheckResult =>
  checkWorkbook(
    sheets.map((s) => specGrid(s)),
    DEFAULT_SETTINGS,
  );

function summary(a: CheckResult): string[] {
  const lines = a.lines.map((l) => {
    const t = a.tables.find((x) => x.id === l.tableId)!;
    return `${t.form}|${t.side ?? ""}|${l.code ?? l.name}|${l.actual}|${l.budget}|${l.previous}|${l.flags.join(",")}`;
  });
  const nameAt = (sheet: string, cell: string) => {
    for (const t of a.tables.filter((x) => x.sheet === sheet)) {
      for (const r of t.rows)
        if (r.cell === cell || Object.values(r.amounts).some((x) => x?.cell === cell)) return `${t.form}|${r.code ?? r.name}`;
    }
    return sheet;
  };
  const findings = a.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}|${nameAt(f.sheet, f.cell)}`);
  return [...lines, ...findings].sort();
}

/** Inserts a blank row before data row `at` of a sheet (merges below it shift down) and a blank column at `col`. */
function withBlanks(s: SheetSpec, at: number, col: number | null): SheetSpec {
  const shiftRow = (ref: string) => ref.replace(/(\d+)/, (_, n) => String(Number(n) > at ? Number(n) + 1 : Number(n)));
  const shiftCol = (ref: string) =>
    col === null ? ref : ref.replace(/^([A-Z]+)/, (l) => (l.charCodeAt(0) - 65 >= col ? String.fromCharCode(l.charCodeAt(0) + 1) : l));
  const rows: SpecValue[][] = [...s.rows.slice(0, at), [], ...s.rows.slice(at)].map((r) =>
    col === null ? r : [...r.slice(0, col), null, ...r.slice(col)],
  );
  const merges = (s.merges ?? []).map((m) =>
    m
      .split(":")
      .map((x) => shiftCol(shiftRow(x)))
      .join(":"),
  );
  return { ...s, rows, merges };
}

/** The same unit with every amount in 元 instead of 万元 (hundredths of 万元 × 10 000 = 分). */
function inYuan(d: UnitData): UnitData {
  const x = (v: number) => v * 10000;
  return {
    ...d,
    unit: "元",
    items: d.items.map((i) => ({
      ...i,
      gpBasic: x(i.gpBasic),
      gpProject: x(i.gpProject),
      fund: x(i.fund),
      business: x(i.business),
      other: x(i.other),
      budgetBasic: x(i.budgetBasic),
      budgetProject: x(i.budgetProject),
      budgetFund: x(i.budgetFund),
    })),
    economic: d.economic.map((e) => ({ ...e, actual: x(e.actual), budget: x(e.budget) })),
    sangongBudget: sangongIn(d.sangongBudget, x),
    sangongActual: sangongIn(d.sangongActual, x),
    carryIn: x(d.carryIn),
    carryOut: x(d.carryOut),
  };
}

function sangongIn(g: UnitData["sangongBudget"], x: (v: number) => number): UnitData["sangongBudget"] {
  return { abroad: x(g.abroad), carPurchase: x(g.carPurchase), carRun: x(g.carRun), reception: x(g.reception) };
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  codeStyle: fc.constantFrom("merged", "split", "split-bare", "single"),
  columnNumbers: fc.constantFrom("code-row", "separate", "none"),
  zeros: fc.constantFrom("blank", "zero"),
  totalAt: fc.constantFrom("top", "bottom"),
  sangongNumber: fc.constantFrom("07", "09"),
  sheetNames: fc.constantFrom("number", "title"),
  numbers: fc.constantFrom("number", "text"),
}) as fc.Arbitrary<Layout>;

/** A set: clean, or with one of the planted errors. */
const setArb = fc.tuple(layoutArb, fc.integer({ min: -1, max: 5 })).map(([layout, planted]) => {
  const clean = finalAccountsSet(TOWNSHIP, layout);
  return planted < 0 ? clean : plantAll(clean)[planted].sheets;
});

describe("the analysis of a national set does not depend on", () => {
  test("the order of its sheets", () => {
    fc.assert(
      fc.property(setArb, fc.integer({ min: 1, max: 1000 }), (sheets, seed) => {
        const shuffled = [...sheets].sort((a, b) => ((a.name.charCodeAt(0) * seed) % 7) - ((b.name.charCodeAt(0) * seed) % 7));
        expect(summary(check(shuffled))).toEqual(summary(check(sheets)));
      }),
      { numRuns: 25 },
    );
  });

  test("blank rows inside the data and blank columns inserted", () => {
    fc.assert(
      fc.property(
        setArb,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: -1, max: 12 }),
        (sheets, which, row, column) => {
          const k = which % sheets.length;
          const target = sheets[k];
          // Below the header (the data starts after the 7th row in every form), before the note under the table.
          const at = 7 + (row % Math.max(1, target.rows.length - 9));
          const width = Math.max(...target.rows.map((r) => r.length));
          const changed = sheets.map((s, i) => (i === k ? withBlanks(s, at, column < 0 ? null : column % width) : s));
          expect(summary(check(changed))).toEqual(summary(check(sheets)));
        },
      ),
      { numRuns: 25 },
    );
  });

  test("the 合计 row at the top or at the bottom", () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const top = summary(check(finalAccountsSet(TOWNSHIP, { ...layout, totalAt: "top" })));
        expect(summary(check(finalAccountsSet(TOWNSHIP, { ...layout, totalAt: "bottom" })))).toEqual(top);
      }),
      { numRuns: 15 },
    );
  });

  test("万元 or 元: the same figures in 元, the same findings", () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const wan = summary(check(finalAccountsSet(TOWNSHIP, layout)));
        expect(summary(check(finalAccountsSet(inYuan(TOWNSHIP), layout)))).toEqual(wan);
      }),
      { numRuns: 15 },
    );
  });
});

test("fixture sanity: the default layout is what the other suites use", () => {
  expect(DEFAULT_LAYOUT.codeStyle).toBe("merged");
});
