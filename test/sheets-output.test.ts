import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook as analyzeWorkbook, resultSheets } from "../src/core";
import { qualifiedAddress } from "../src/core/base/cell-grid";
import { fenToNumber } from "../src/core/base/money";
import { SANGONG_SHEET, VARIANCE_SHEET } from "../src/core/present/output-plans";
import { DEFAULT_SETTINGS } from "../src/core/run/settings";
import { readWorkbookGrids } from "../src/xlsx/read-workbook";
import { FIXTURES } from "./fixtures/variations";
import { FormulaEvaluator } from "./support/formula-eval";
import { cli, tmp, writeFixture } from "./support/run-cli";
import { linksOf, unzipParts } from "./support/xlsx-raw";
import { grid } from "./support/grid";
import { specGrid } from "./support/spec-grid";

const SAMPLE = join(__dirname, "..", "assets", "sample-juesuan-2020.xlsx");

/** The written workbook through exceljs (another reader than ours), with the internal links of its result sheets. */
type Loaded = ExcelJS.Workbook & { links: (sheet: string) => Map<string, string> };

async function load(path: string): Promise<Loaded> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  // exceljs does not read location-only hyperlinks (the form Excel writes for links inside a workbook): read them raw.
  const parts = unzipParts(readFileSync(path));
  return Object.assign(wb, { links: (sheet: string) => linksOf(parts, sheet) });
}

async function sheets(input: string): Promise<string> {
  const out = join(tmp(), "out.xlsx");
  const r = await cli(["sheets", input, "-o", out]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return out;
}

/** The output row whose cell in column `col` (1-based) links to a source cell. */
function rowLinkingTo(wb: Loaded, sheet: string, col: number, target: string): number {
  let found = -1;
  for (const [ref, location] of wb.links(sheet)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (m && m[1] === String.fromCharCode(64 + col) && location === target) found = Number(m[2]);
  }
  return found;
}

/** An amount: the sheet's number equals core's exact amount in the table's unit. */
const close = (sheetValue: unknown, core: number | null) => {
  if (core === null) {
    // No number in core (unreadable source, zero base): an empty cell or "" in the sheet, never 0.
    expect([null, ""]).toContain(sheetValue);
    return;
  }
  expect(typeof sheetValue).toBe("number");
  expect(Math.abs((sheetValue as number) - core)).toBeLessThan(1e-9 * Math.max(1, Math.abs(core)));
};

/** A rate: the sheet computes it unrounded (a fraction); core states it in basis points, rounded to two decimals. */
const closeRate = (sheetValue: unknown, bp: number | null) => {
  if (bp === null) {
    expect([null, ""]).toContain(sheetValue);
    return;
  }
  expect(typeof sheetValue).toBe("number");
  expect(Math.abs((sheetValue as number) * 10000 - bp)).toBeLessThanOrEqual(0.5 + 1e-6);
};

/** Every formula of 差异分析 and 三公经费对比, evaluated on the written file, equals core's number. */
async function verifyFormulas(input: string): Promise<number> {
  const analysis = analyzeWorkbook(await readWorkbookGrids(readFileSync(input), "in.xlsx"), DEFAULT_SETTINGS);
  const wb = await load(await sheets(input));
  const ev = new FormulaEvaluator(wb);
  let checked = 0;
  for (const line of analysis.lines) {
    const table = analysis.tables.find((t) => t.id === line.tableId)!;
    const r = rowLinkingTo(wb, VARIANCE_SHEET, 2, qualifiedAddress(line.sheet, line.cell));
    expect(r).toBeGreaterThan(0);
    const at = (col: string) => ev.value(VARIANCE_SHEET, `${col}${r}`);
    const inUnit = (fen: number | null) => (fen === null ? null : fenToNumber(fen, table.unit));
    close(at("E"), inUnit(line.actual));
    if (line.budgetRole) {
      close(at(line.budgetRole === "budgetInitial" ? "C" : "D"), inUnit(line.budget));
      close(at("F"), inUnit(line.diff));
      closeRate(at("G"), line.diffRate);
      closeRate(at("H"), line.completionRate);
    }
    if (table.roles.previous) {
      close(at("I"), inUnit(line.previous));
      close(at("J"), inUnit(line.yoyDiff));
      closeRate(at("K"), line.yoyRate);
    }
    checked++;
  }
  const sg = analysis.sangong;
  if (sg) {
    const unit = analysis.tables.find((t) => t.id === sg.tableId)!.unit;
    const inUnit = (fen: number | null) => (fen === null ? null : fenToNumber(fen, unit));
    for (const item of [sg.total, ...sg.items, ...sg.related]) {
      if (!item.cell) continue;
      const r = rowLinkingTo(wb, SANGONG_SHEET, 1, qualifiedAddress(item.sheet, item.cell));
      expect(r).toBeGreaterThan(0);
      const at = (col: string) => ev.value(SANGONG_SHEET, `${col}${r}`);
      close(at("D"), inUnit(item.actual));
      if (item.previous !== null) {
        close(at("B"), inUnit(item.previous));
        close(at("E"), inUnit(item.yoyDiff));
        closeRate(at("F"), item.yoyRate);
      }
      if (item.budget !== null) {
        close(at("C"), inUnit(item.budget));
        close(at("G"), inUnit(item.budgetDiff));
        closeRate(at("H"), item.completionRate);
      }
      if (item.share !== null) closeRate(at("I"), item.share);
      checked++;
    }
  }
  return checked;
}

describe("sheets: output sheets with live formulas", () => {
  test("the sample: every formula equals core's numbers", async () => {
    expect(await verifyFormulas(SAMPLE)).toBeGreaterThan(50);
  });

  test.each([
    "text-numbers",
    "zero-budgets-and-bases",
    "planted-mismatch",
    "function-lkx-total",
    "sangong-yuan-total-top",
    "sangong-wanyuan-related",
    "clean",
  ])("%s: every formula equals core's numbers", async (name) => {
    expect(await verifyFormulas(await writeFixture(FIXTURES[name]))).toBeGreaterThan(0);
  });

  test("source sheets are unchanged in value, formula and merges", async () => {
    const before = await load(SAMPLE);
    const after = await load(await sheets(SAMPLE));
    for (const ws of before.worksheets) {
      const other = after.getWorksheet(ws.name)!;
      expect(other).toBeDefined();
      const dump = (w: ExcelJS.Worksheet) => {
        const cells: string[] = [];
        w.eachRow({ includeEmpty: true }, (row, r) =>
          row.eachCell({ includeEmpty: true }, (c, col) => cells.push(`${r},${col}=${JSON.stringify(c.value)}`)),
        );
        return { cells, merges: Object.keys((w as unknown as { _merges: object })._merges).sort() };
      };
      expect(dump(other)).toEqual(dump(ws));
    }
  });

  test("re-running on its own output replaces the sheets instead of adding copies", async () => {
    const first = await sheets(SAMPLE);
    const second = await sheets(first);
    const names = (await load(second)).worksheets.map((w) => w.name);
    expect(names).toEqual([
      "经济分类预决算",
      "功能分类支出决算",
      "三公经费",
      "人员情况",
      VARIANCE_SHEET,
      SANGONG_SHEET,
      "绩效评分表",
      "审核说明",
    ]);
    expect(names).toEqual((await load(first)).worksheets.map((w) => w.name));
  });

  test("a user's own sheet named 差异分析 is kept; ours gets a suffix", async () => {
    const input = await writeFixture([...FIXTURES["economic-with-reasons"], { name: VARIANCE_SHEET, rows: [["我自己的分析"]] }]);
    const wb = await load(await sheets(input));
    expect(wb.getWorksheet(VARIANCE_SHEET)!.getCell("A1").value).toBe("我自己的分析");
    expect(wb.getWorksheet(`${VARIANCE_SHEET}_决算助手`)).toBeDefined();
  });

  test("a corrected source number flows through the formulas", async () => {
    const wb = await load(await sheets(await writeFixture(FIXTURES["economic-with-reasons"])));
    const r = rowLinkingTo(wb, VARIANCE_SHEET, 2, qualifiedAddress("经济分类", "B8"));
    expect(new FormulaEvaluator(wb).value(VARIANCE_SHEET, `F${r}`)).toBeCloseTo(22.37 - 29, 9);
    wb.getWorksheet("经济分类")!.getCell("D8").value = 30; // 办公费 决算 corrected to 30 万元
    expect(new FormulaEvaluator(wb).value(VARIANCE_SHEET, `F${r}`)).toBeCloseTo(1, 9);
  });

  test("flagged rows are highlighted and findings link to their cells", async () => {
    const wb = await load(await sheets(await writeFixture(FIXTURES["planted-mismatch"])));
    const ws = wb.getWorksheet(VARIANCE_SHEET)!;
    const r = rowLinkingTo(wb, VARIANCE_SHEET, 2, qualifiedAddress("功能分类", "B4"));
    expect((ws.getCell(`A${r}`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF8CBAD");
    const link = rowLinkingTo(wb, VARIANCE_SHEET, 2, qualifiedAddress("功能分类", "D4"));
    expect(ws.getCell(`D${link}`).value).toMatch(/扶贫（决算）填为 1313\.82万元，按上下级合计应为 1313\.28万元（两位数字颠倒）/);
    expect(ws.getCell(`B${link}`).value).toBe("扶贫（功能分类!D4）"); // the item names the link (column 2, found by its link above)
  });

  test("a score and a 说明 typed into the result sheets survive the next `sheets` run", async () => {
    const first = await sheets(SAMPLE);
    const wb = await load(first);
    const cellIn = (ws: ExcelJS.Worksheet, header: string, key: string, col: string) => {
      let keyCol = 0;
      let valueCol = 0;
      let found = 0;
      ws.eachRow((row, n) => {
        row.eachCell((c, i) => {
          if (c.value === header) keyCol = i;
          if (c.value === col) valueCol = i;
        });
        if (keyCol && !found && row.getCell(keyCol).value === key) found = n;
      });
      return ws.getRow(found).getCell(valueCol);
    };
    cellIn(wb.getWorksheet("绩效评分表")!, "三级指标", "绩效目标合理性", "得分").value = 1.5;
    const notes = wb.getWorksheet("审核说明")!;
    let noteCell: ExcelJS.Cell | null = null;
    notes.eachRow((row) => {
      if (!noteCell && row.getCell(5).value === "预决算差异较大") noteCell = row.getCell(7);
    });
    noteCell!.value = "年中追加防汛资金";
    const typed = join(tmp(), "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    const again = await load(await sheets(typed));
    expect(cellIn(again.getWorksheet("绩效评分表")!, "三级指标", "绩效目标合理性", "得分").value).toBe(1.5);
    const texts: unknown[] = [];
    again.getWorksheet("审核说明")!.eachRow((row) => texts.push(row.getCell(7).value));
    expect(texts).toContain("年中追加防汛资金");
  });

  test("every result sheet carries its page setup: A4, one page wide, header row repeated, page numbers", async () => {
    const wb = await load(await sheets(SAMPLE));
    for (const name of [VARIANCE_SHEET, SANGONG_SHEET, "绩效评分表", "审核说明"]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe("4:4");
      expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    }
  });
});

test("「差异分析」 with nothing to compare says why and what was read, instead of standing empty", () => {
  // A 预算-only table (梧州 2021 一般公共预算支出表 layout): no 决算, no 上年.
  const budgetOnly = grid("一般公共预算支出表", [
    ["2021年一般公共预算支出表"],
    [null, null, "单位：元"],
    ["科目编码", "科目名称", "预算数"],
    ["201", "一般公共服务支出", 1100910.5],
    ["20101", "人大事务", 1100910.5],
  ]);
  const result = analyzeWorkbook([budgetOnly], DEFAULT_SETTINGS);
  const plan = resultSheets(result, DEFAULT_SETTINGS).find((p) => p.name === VARIANCE_SHEET)!;
  const texts = plan.rows.flat().map((c) => String(c?.v ?? ""));
  expect(texts.some((t) => t.startsWith("工作簿中没有可做预决算差异分析的表") && t.includes("「2021年一般公共预算支出表」"))).toBe(true);
  // A workbook with 预算 and 决算 side by side has no such note.
  const grids = FIXTURES["title-and-unit"].map((spec) => specGrid(spec));
  const full = resultSheets(analyzeWorkbook(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS).find((p) => p.name === VARIANCE_SHEET)!;
  expect(full.rows.flat().some((c) => String(c?.v ?? "").startsWith("工作簿中没有可做"))).toBe(false);
});

test("charts sit below the tables and findings, outside the columns the page is fitted to", () => {
  const grids = FIXTURES["title-and-unit"].map((spec) => specGrid(spec));
  for (const plan of resultSheets(analyzeWorkbook(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS)) {
    for (const chart of plan.charts) {
      const row = Number(/\d+$/.exec(chart.anchor)![0]);
      expect([plan.name, row > plan.rows.length]).toEqual([plan.name, true]);
      expect(chart.anchor.startsWith("A")).toBe(true);
    }
  }
});

test("the 差异分析 chart compares the top-level lines only: no 合计 beside them, no 类 beside its own 款", async () => {
  const grids = await readWorkbookGrids(readFileSync(SAMPLE), "s.xlsx");
  const plan = resultSheets(analyzeWorkbook(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS).find((p) => p.name === VARIANCE_SHEET)!;
  const [chart] = plan.charts;
  const [from, to] = chart.categories.split(":").map((a) => Number(/\d+$/.exec(a)![0]));
  // Each category is a reference to a line of the table above; follow it to the line's name.
  const names = [];
  for (let r = from; r <= to; r++) {
    const target = Number(/\d+\)$/.exec(String(plan.rows[r - 1][1].f))![0].slice(0, -1));
    names.push(String(plan.rows[target - 1][1].v).trim());
  }
  // The sample's 经济分类 table: 301, 302, 303 and its 合计; the chart has the three 类, not the 合计 or their 款.
  expect(names).toEqual(["工资福利支出", "商品和服务支出", "对个人和家庭的补助"]);
  expect(chart.series.map((x) => x.values.split(":").map((a) => Number(/\d+$/.exec(a)![0])))).toEqual([
    [from, to],
    [from, to],
  ]);
});
