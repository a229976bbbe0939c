import fc from "fast-check";
import { checkWorkbook as analyzeWorkbook } from "../src/core";
import { checkJson, CheckJsonSchema } from "../src/core/present/check-json";
import { scaledText } from "../src/core/base/money";
import { DEFAULT_SETTINGS } from "../src/core/run/settings";
import type { CellValue } from "../src/core/base/cell-grid";
import { grid } from "./support/grid";

/** Conservation: a table stated in 万元 and the same table in 元 give the same analysis, in 元, to the cent. */
const cents = fc.integer({ min: 0, max: 5_000_000_00 });
const line = fc.tuple(cents, cents, cents);

function table(unit: "万元" | "元", lines: [number, number, number][], planted: number): CellValue[][] {
  // Amounts are generated in cents of 万元; the 元 table carries the same values × 10000, written as text so no float enters.
  const show = (c: number) => (unit === "万元" ? scaledText(c, 2) : String(c * 100));
  const total = [0, 1, 2].map((k) => lines.reduce((s, l) => s + l[k], 0) + (k === 1 ? planted : 0));
  return [
    [`单位：${unit}`],
    ["项目", "预算数", "决算数", "上年数"],
    ...lines.map((l, i) => [`科目${i + 1}`, show(l[0]), show(l[1]), show(l[2])]),
    ["合计", show(total[0]), show(total[1]), show(total[2])],
  ];
}

test("property: sums are conserved under unit conversion (万元 ↔ 元)", () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: -500, max: 500 }), (lines, planted) => {
      const run = (unit: "万元" | "元") => {
        const doc = CheckJsonSchema.parse(checkJson(analyzeWorkbook([grid("表", table(unit, lines, planted))], DEFAULT_SETTINGS)));
        // Whether a difference is "within rounding" depends on the precision written (0.01 万元 vs 1 元), so
        // rounding and sum-mismatch count as the same flagged sum; every amount and rate must be identical.
        const rule = (r: string) => (r === "rounding" ? "sum-mismatch" : r);
        return {
          lines: doc.lines.map((l) => [
            l.name,
            l.budget,
            l.actual,
            l.diff,
            l.diffRate,
            l.yoyRate,
            l.flags.filter((f) => f !== "sum-mismatch" && f !== "digit-slip"),
          ]),
          // A mismatch explained as one mistyped digit stands for the sums it explains (in the other unit it may be rounding).
          findings: doc.findings
            .map((f) => (f.rule === "digit-slip" ? `sum-mismatch ${f.data.cells}` : `${rule(f.rule)} ${f.cell}`))
            .sort(),
        };
      };
      const wan = run("万元");
      const yuan = run("元");
      expect(yuan).toEqual(wan);
      // A planted difference in the 合计 is found (or is within rounding, or explained as one mistyped digit) in both units alike.
      if (planted !== 0) expect(wan.findings.some((f) => f.startsWith("sum-mismatch"))).toBe(true);
    }),
    { numRuns: 300 },
  );
});
