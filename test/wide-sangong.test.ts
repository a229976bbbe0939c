import { percentString, yuanString } from "../src/core/base/money";
import { readFileSync } from "node:fs";
import { checkWorkbook as analyzeWorkbook, checkWorkbook, resultSheets } from "../src/core";
import { DEFAULT_SETTINGS } from "../src/core/run/settings";
import { readWorkbookGrids } from "../src/xlsx/read-workbook";
import type { CellGrid, CellValue } from "../src/core/base/cell-grid";
import { GD_GONGKAI09 } from "./fixtures/real/guangdong-sangong";
import { GONGKAI07 } from "./fixtures/variations";
import { grid } from "./support/grid";
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

/**
 * 寿县司法局2022年“三公”经费预算情况 (安徽, https://www.shouxian.gov.cn/public/118322806/1258999741.html): one row of budget
 * figures under a two-row header, the title and 单位:万元 right above it. The title names 预算 but is no block row: read as
 * such it hid the unit line, and 79 万元 was read as 79 元 without a word.
 */
describe("a one-row 三公 budget table right under its title and unit line", () => {
  const header: CellValue[][] = [
    ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公务 接待费"],
    [null, null, "小计", "公务用车购置费", "公务用车运行费"],
    [79, 0, 75, 50, 25, 4],
  ];
  const title = "寿县司法局2022年一般公共预算“三公”经费支出预算表";
  const merges = ["A1:F1", "C3:E3", "A3:A4", "B3:B4", "F3:F4"];
  const layouts: [string, CellGrid][] = [
    ["unit on its own line", grid("三公预算", [[title], [null, null, null, null, null, "单位:万元"], ...header], merges)],
    ["no merges known", grid("三公预算", [[title], [null, null, null, null, null, "单位:万元"], ...header])],
    [
      "unit in the header only",
      grid(
        "三公预算",
        [[title], header[0].map((v, i) => (i === 0 ? "“三公”经费合计（万元）" : v)), header[1], header[2]],
        ["A1:F1", "C2:E2", "A2:A3", "B2:B3", "F2:F3"],
      ),
    ],
  ];
  test.each(layouts)("%s: 万元, the title kept, the items in place", (_, g) => {
    const a = analyzeWorkbook([g], DEFAULT_SETTINGS);
    expect(a.tables.map((t) => [t.kind, t.unit, t.title])).toEqual([["sangong", "万元", title]]);
    const sg = a.sangong!;
    expect([sg.total, ...sg.items].map((i) => [i.key, yuanString(i.budget)])).toEqual([
      ["total", "790000.00"],
      ["abroad", "0.00"],
      ["car", "750000.00"],
      ["carPurchase", "500000.00"],
      ["carRun", "250000.00"],
      ["reception", "40000.00"],
    ]);
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("without any unit the assumption is a finding, not only a note", () => {
    const g = grid("三公预算", [[title], ...header], ["A1:F1", "C2:E2", "A2:A3", "B2:B3", "F2:F3"]);
    const a = analyzeWorkbook([g], DEFAULT_SETTINGS);
    expect(a.findings.map((f) => [f.rule, f.severity])).toContainEqual(["unit-assumed", "info"]);
  });
});

describe("a 公开09 beside a 三公 table that has last year's figures", () => {
  // 广东省财政厅 2023 “三公”经费决算说明 (http://czt.gd.gov.cn/sgjf/content/post_4484831.html): its figures laid out as a
  // 公开09 (预算 | 决算, one row) and a 三公 table with 2022 (= 2023 − the published 增加额).
  const gk09 = GD_GONGKAI09;
  const withPrevious = (previous: number) =>
    grid("三公对比", [
      ["广东省财政厅2023年度“三公”经费财政拨款支出情况表"],
      [null, null, "单位：万元"],
      ["项目", "2023年决算数", "2022年决算数"],
      ["合计", 62.07, previous],
      ["1.因公出国（境）费", 12.02, 0],
      ["2.公务用车购置及运行维护费", 27.46, 21.14],
      ["  其中：公务用车购置费", 0, 0],
      ["        公务用车运行维护费", 27.46, 21.14],
      ["3.公务接待费", 22.59, 1.96],
    ]);

  test("last year comes from the other table, read from its cells: the 168.70% rise is said", () => {
    const result = checkWorkbook([gk09, withPrevious(23.1)], DEFAULT_SETTINGS);
    const total = result.sangong!.total;
    // 23.10 万元 in 分; 168.70 % in hundredths of a percent.
    expect([total.previous, total.yoyRate, total.previousSheet, total.cells.previous]).toEqual([23_100_000, 16870, "三公对比", "C4"]);
    expect(result.findings.filter((f) => f.rule === "sangong-increase").map((f) => [f.sheet, f.cell])).toEqual([
      ["公开09", "G8"],
      ["公开09", "H8"],
      ["公开09", "I8"],
      ["公开09", "K8"],
      ["公开09", "L8"],
    ]);
    // The result sheet's 上年 column refers to the cells it came from.
    const plan = resultSheets(result, DEFAULT_SETTINGS).find((p) => p.name.startsWith("三公经费对比"))!;
    expect(plan.rows.flat().some((c) => c?.f === "'三公对比'!C4")).toBe(true);
    // A 上年 total that does not add up is said on its own sheet.
    const wrong = checkWorkbook([gk09, withPrevious(32.1)], DEFAULT_SETTINGS);
    expect(wrong.findings.filter((f) => f.rule === "sum-mismatch" || f.rule === "digit-slip").map((f) => f.sheet)).toContain("三公对比");
  });

  test("not when the other table's 本年 figures are not this table's 决算 (another unit's 三公)", () => {
    const other = withPrevious(23.1);
    other.values[4][1] = 10.02; // 因公出国 本年 differs
    expect(checkWorkbook([gk09, other], DEFAULT_SETTINGS).sangong!.total.previous).toBeNull();
  });
});
