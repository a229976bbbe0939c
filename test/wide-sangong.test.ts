import { readFileSync } from "node:fs";
import { analyzeWorkbook } from "../src/core/analyze";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { readWorkbookGrids } from "../src/xlsx/read-workbook";
import { GONGKAI07 } from "./fixtures/variations";
import { writeFixture } from "./support/run-cli";

/** 三公 in the 公开07 layout (items as columns) is read like the row layout, merges known or not. */
test.each([true, false])("公开07 layout, merged areas known: %s", async (withMerges) => {
  const grids = await readWorkbookGrids(readFileSync(await writeFixture(GONGKAI07)), "g.xlsx");
  const a = analyzeWorkbook(
    grids.map((g) => ({ ...g, merges: withMerges ? g.merges : [] })),
    DEFAULT_SETTINGS,
  );
  expect(a.tables.map((t) => [t.kind, t.unit, t.range])).toEqual([["sangong", "万元", "A3:L7"]]);
  const sg = a.sangong!;
  const y = (d: { toFixed(n: number): string } | null) => (d === null ? null : d.toFixed(2));
  expect([sg.total, ...sg.items].map((i) => [i.key, y(i.budget), y(i.actual), i.cells.actual])).toEqual([
    ["total", "70900.00", "47800.00", "G7"],
    ["abroad", "0.00", "0.00", "H7"],
    ["car", "30900.00", "30700.00", "I7"],
    ["carPurchase", "0.00", "0.00", "J7"],
    ["carRun", "30900.00", "30700.00", "K7"],
    ["reception", "40000.00", "16100.00", "L7"],
  ]);
  // The planted 4.78 total (items give 4.68) is found in the 决算 block; the 预算 block adds up.
  expect(a.findings.map((f) => [f.rule, f.cell])).toEqual([["sum-mismatch", "G7"]]);
  expect(sg.total.completionRate!.toFixed(2)).toBe("67.42");
});
