import { checkWorkbook, DEFAULT_SETTINGS, findingMessage } from "../src/core";
import type { CellGrid } from "../src/core";
import { PUTUO_COMMERCE_FUNCTIONAL, PUTUO_COMMERCE_TOTALS, SH_FINANCE_BASIC, SH_FINANCE_TOTALS } from "./fixtures/real/shanghai-budget";
import { grid, withCells } from "./support/grid";
import { specGrid } from "./support/spec-grid";

/**
 * Published Shanghai budget tables as printed (test/fixtures/real/shanghai-budget.ts): each read as one table of its
 * national form, nothing false found, and an error planted in them found at its cell.
 */
const check = (grids: CellGrid[]) => checkWorkbook(grids, DEFAULT_SETTINGS);
const errors = (a: ReturnType<typeof check>) => a.findings.filter((f) => f.severity === "error");

test("a header printed again at a page break continues the table (功能分类, 基本支出 over three pages)", () => {
  const f = check([specGrid(PUTUO_COMMERCE_FUNCTIONAL)]);
  expect(f.tables.map((t) => [t.range, t.form, t.rows.length])).toEqual([["A3:G39", "budget-05", 31]]);
  expect(f.findings).toEqual([]);
  const b = check([specGrid(SH_FINANCE_BASIC)]);
  expect(b.tables.map((t) => [t.range, t.form, t.rows.length])).toEqual([["A3:F46", "budget-06", 35]]);
  // 302 as published: 24,840,779 against its 款 24,840,778 — within the rounding of whole 元, said as such, not an error
  expect(errors(b)).toEqual([]);
  expect(b.findings.map((x) => `${x.rule} ${x.cell}`)).toEqual(["rounding D17", "rounding F17"]);
  // said in 元, the table's own unit, when 万元 at two decimals cannot hold it (not "0.0001万元")
  expect(findingMessage(b.findings[0], DEFAULT_SETTINGS)).toBe("商品和服务支出（预算）与明细合计相差 1元，在取整误差范围内。");
});

test("an error planted after the repeated header is found at its cell", () => {
  // 2080599 其他行政事业单位养老支出 13,260 (row 24, below the repeated header) typed as 14,260
  const grids = withCells([specGrid(PUTUO_COMMERCE_FUNCTIONAL)], "一般公共预算支出功能分类", { E24: 14260, F24: 14260 });
  const cells = errors(check(grids)).map((x) => x.cell);
  expect(cells.some((c) => c === "E24" || c === "E16")).toBe(true);
});

test("收支总表: two halves with their sides, the expenditure side in four columns, 总计 below six blank rows", () => {
  const p = check([specGrid(PUTUO_COMMERCE_TOTALS)]);
  expect(p.tables.map((t) => [t.range, t.form, t.side])).toEqual([
    ["A3:B18", "budget-01", "收入"],
    ["C3:D18", "budget-01", "支出"],
  ]);
  for (const t of p.tables) expect(t.rows.find((r) => /总计$/.test(r.name))?.amounts.budget?.value).toBe(371_514_655_00);
  expect(p.findings).toEqual([]);
  const s = check([specGrid(SH_FINANCE_TOTALS)]);
  const spending = s.tables.find((t) => t.side === "支出")!;
  expect(Object.keys(spending.roles).sort()).toEqual(["budget", "expPersonnel", "expProject", "expPublic", "name"]);
  expect(s.findings).toEqual([]);
  // 一般公共服务支出's 项目支出 typed with one digit wrong (43,025,130 → 43,026,130): its row (合计 = 人员经费 + 公用经费 +
  // 项目支出) and its column (支出总计) both fail, and the one cell that explains both is named
  const planted = check(withCells([specGrid(SH_FINANCE_TOTALS)], "财务收支预算总表", { G7: 43026130 }));
  expect(errors(planted).map((x) => `${x.rule} ${x.cell}`)).toEqual(["digit-slip G7"]);
  // a change that is no digit slip (+1,234 元) is said at the row total, naming all three parts
  const other = check(withCells([specGrid(SH_FINANCE_TOTALS)], "财务收支预算总表", { G7: 43026364 }));
  const parts = errors(other).find((x) => x.rule === "parts-mismatch");
  expect(parts?.cell).toBe("D7");
  expect(parts?.data.parts).toBe("人员经费、公用经费、项目支出");
});

test("栏次 under a one-row header numbers the single 金额 column: never read as a money line", () => {
  // 昭通市大关县天星镇中心卫生院 2021 公开01, income side (https://wenku.minyifei.cn/archives/p7ymvq4zlrjv2x309rw5.html; the
  // amounts' rows as a clerk would place them; 11,122,315.04 + 13,628,965.89 + 1,003,618.46 = 25,754,899.39)
  const sheet = grid("收入方", [
    ["收入支出决算总表"],
    ["部门：昭通市大关县天星镇中心卫生院", null, "金额单位：元"],
    ["项目", "行次", "金额"],
    ["栏次", null, "1"],
    ["一、一般公共预算财政拨款收入", 1, "11,122,315.04"],
    ["二、政府性基金预算财政拨款收入", 2],
    ["五、事业收入", 5, "13,628,965.89"],
    ["八、其他收入", 8, "1,003,618.46"],
    ["本年收入合计", 27, "25,754,899.39"],
    ["总计", 30, "25,754,899.39"],
  ]);
  const a = check([sheet]);
  expect(a.tables[0].rows.map((r) => r.name)).not.toContain("栏次");
  expect(a.findings).toEqual([]);
});
