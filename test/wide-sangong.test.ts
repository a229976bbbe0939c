import { percentString, yuanString } from "../src/core/base/money";
import { readFileSync } from "node:fs";
import { checkWorkbook as analyzeWorkbook } from "../src/core";
import { DEFAULT_SETTINGS } from "../src/core/run/settings";
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
  const y = yuanString;
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
  expect(percentString(sg.total.completionRate)).toBe("67.42");
});

test("公开07 layout: 「三公经费对比」 formulas reference the scattered source cells and give core's numbers", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const { join } = await import("node:path");
  const { cli, tmp } = await import("./support/run-cli");
  const { FormulaEvaluator } = await import("./support/formula-eval");
  const out = join(tmp(), "out.xlsx");
  expect((await cli(["sheets", await writeFixture(GONGKAI07), "-o", out])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("三公经费对比")!;
  const ev = new FormulaEvaluator(wb);
  const rowOf = (name: string) => {
    let n = -1;
    ws.eachRow((row, i) => {
      const v = row.getCell(1).value as { text?: string } | string | null;
      const t = typeof v === "string" ? v : v?.text;
      if (t?.trim() === name) n = i;
    });
    return n;
  };
  const total = rowOf("“三公”经费合计");
  expect(ws.getCell(`D${total}`).formula).toBe("'公开07表'!G7");
  expect(ev.value("三公经费对比", `C${total}`)).toBeCloseTo(7.09, 9);
  expect(ev.value("三公经费对比", `D${total}`)).toBeCloseTo(4.78, 9);
  expect(ev.value("三公经费对比", `H${total}`)).toBeCloseTo(4.78 / 7.09, 9);
  const check = rowOf("核对：合计 −（出国 + 车 + 接待）");
  expect(ev.value("三公经费对比", `D${check}`)).toBeCloseTo(0.1, 9); // the planted difference, live
});
