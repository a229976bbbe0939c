import fc from "fast-check";
import { checkWorkbook, DEFAULT_SETTINGS, findingMessage } from "../src/core";
import type { CellGrid, CellValue } from "../src/core/base/cell-grid";
import { GD_SANGONG_PERCENT } from "./fixtures/real/guangdong-sangong";
import { SHIDIAN_SANGONG } from "./fixtures/real/shidian-sangong";
import { grid, withCells } from "./support/grid";

/**
 * The 增减额 and 增减幅度 a table writes beside its figures, checked against them: never a word on a table that is right
 * (whatever sign convention, rounding or percent format it uses), an error at the cell when one is wrong.
 */

const stated = (grids: CellGrid[]) =>
  checkWorkbook(grids, DEFAULT_SETTINGS)
    .findings.filter((f) => f.rule === "change-mismatch" || f.rule === "rate-mismatch")
    .map((f) => [f.rule, f.cell]);

test("a published 三公 统计表 whose changes are right gets no finding", () => {
  expect(stated([SHIDIAN_SANGONG])).toEqual([]);
});

test("a wrong 增减金额 and wrong 增减幅度 are found at their cells, with the figures they should come from", () => {
  const planted = withCells([SHIDIAN_SANGONG], "三公", { D8: "-131", E7: "-5.82%", E6: "-2.19%" });
  expect(stated(planted).sort()).toEqual([
    ["change-mismatch", "D8"],
    ["rate-mismatch", "E6"],
    ["rate-mismatch", "E7"],
  ]);
  const result = checkWorkbook(planted, DEFAULT_SETTINGS);
  const change = result.findings.find((f) => f.rule === "change-mismatch");
  expect(change?.data).toMatchObject({ stated: "-1310000.00", computed: "-1130000.00", left: "11057200.00", right: "12187200.00" });
});

/** A unit's own 预决算对比表: 差异额 = 决算 − 预算, 差异率 as a number in a %-formatted cell (0.05 shows as 5.00%). */
function ownTable(rows: CellValue[][]): CellGrid {
  return grid("对比", [
    ["某乡2023年支出预决算对比表"],
    [null, null, null, null, null, "单位：元"],
    ["科目编码", "科目名称", "预算数", "决算数", "差异额", "差异率"],
    ...rows,
  ]);
}

test("a clerk's own 差异额 and 差异率 (fractions of a %-formatted cell, or 节余 written 预算 − 决算) are understood", () => {
  const right = ownTable([
    ["201", "一般公共服务支出", 100000, 105000, 5000, 0.05],
    ["20101", "人大事务", 40000, 38000, -2000, -0.05],
    ["20103", "政府办公厅", 60000, 67000, 7000, 0.1167],
    ["205", "教育支出", 50000, 45000, 5000, "10%"],
    ["208", "社会保障和就业支出", 0, 3000, 3000, null],
  ]);
  expect(stated([right])).toEqual([]);
  const wrong = withCells([right], "对比", { E6: 700, F6: 0.1617 });
  expect(stated(wrong).sort()).toEqual([
    ["change-mismatch", "E6"],
    ["rate-mismatch", "F6"],
  ]);
});

test("a rate over a base that rounding could make zero is never questioned", () => {
  const tiny = ownTable([["201", "一般公共服务支出", "0.01", "0.02", "0.01", "150%"]]);
  expect(stated([{ ...tiny, values: tiny.values.map((r, i) => (i === 1 ? [null, null, null, null, null, "单位：万元"] : r)) }])).toEqual(
    [],
  );
});

test("changes worked out from rounded figures and rounded as printed are never flagged (random 三公 tables)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 9_999_999 })), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 2 }),
      (items, rateDecimals) => {
        // Amounts in 元 (integers), shown in 万元 with two decimals; changes from the shown figures, rates from the exact ones.
        const shown = (yuan: number) => (Math.round(yuan / 100) / 100).toFixed(2);
        const rows: CellValue[][] = items.map(([previous, actual], i) => {
          const diff = Number(shown(actual)) - Number(shown(previous));
          const rate = ((actual - previous) / previous) * 100;
          return [`项目${i + 1}`, shown(previous), shown(actual), diff.toFixed(2), `${rate.toFixed(rateDecimals)}%`];
        });
        const g = grid("三公", [
          ["2023年“三公”经费支出情况表"],
          [null, null, null, null, "单位：万元"],
          ["项目", "上年决算数", "本年决算数", "增减额", "增减幅度"],
          ...rows,
        ]);
        expect(stated([g])).toEqual([]);
      },
    ),
    { numRuns: 200 },
  );
});

test("a share column (占比) is not a change rate, and a 差异额 from the 年初预算 of a table with both budgets fits", () => {
  const g = grid("对比", [
    ["某局2023年支出预决算对比表"],
    [null, null, null, null, null, null, "单位：元"],
    ["科目名称", "年初预算数", "调整预算数", "决算数", "差异额", "占比"],
    ["基本支出", 80000, 90000, 88000, 8000, "80%"],
    ["项目支出", 20000, 25000, 22000, 2000, "20%"],
    ["合计", 100000, 115000, 110000, 10000, "100%"],
  ]);
  expect(stated([g])).toEqual([]);
});

test("a change column headed (%) holds rates: checked as rates, never as 增减额 in 万元", () => {
  const t = checkWorkbook([GD_SANGONG_PERCENT], DEFAULT_SETTINGS).tables[0];
  expect(t.roles.statedRate?.letter).toBe("E");
  expect(t.roles.statedDiff).toBeUndefined();
  expect(stated([GD_SANGONG_PERCENT])).toEqual([]);
  expect(checkWorkbook([GD_SANGONG_PERCENT], DEFAULT_SETTINGS).findings.filter((f) => f.severity === "error")).toEqual([]);
  // 29.9 typed 92.9: a wrong rate, found as a rate.
  expect(stated(withCells([GD_SANGONG_PERCENT], "三公经费增减", { E6: "92.9" }))).toEqual([["rate-mismatch", "E6"]]);
});

test("a 三公 table with 决算 and only a stated 比上年增减（%）: the items it says grew are 只减不增 warnings (龙泉市 2018)", () => {
  // 龙泉市 2018 部门“三公”经费决算 (https://www.longquan.gov.cn/art/2019/6/18/art_1229384720_3701304.html): the figures and
  // rates its text gives, laid out as a table (numbers as text, as the page prints them).
  const longquan = grid("三公经费决算", [
    ["2018年龙泉市部门“三公”经费决算表"],
    ["编制单位：龙泉市财政局", null, "单位：万元"],
    ["项目", "2018年决算数", "比上年增减（%）"],
    ["合计", "2,771", "-1.8"],
    ["因公出国（境）经费", "120", "79.1"],
    ["公务接待费", "1,033", "-7.6"],
    ["公务用车购置及运行费", "1,618", "-1.2"],
    ["其中：公务用车购置费", "414", "7.5"],
    ["      公务用车运行费", "1,204", "-3.9"],
  ]);
  const result = checkWorkbook([longquan], DEFAULT_SETTINGS);
  const increases = result.findings.filter((f) => f.rule === "sangong-increase");
  expect(increases.map((f) => [f.cell, f.data.statedRate])).toEqual([
    ["C5", "79.1%"],
    ["C8", "7.5%"],
  ]);
  expect(findingMessage(increases[0])).toBe("因公出国（境）经费：本年 120.00万元，表中写明比上年增长 79.1%，不符合“只减不增”要求。");
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
});

test("a row with only a stated rate and no name, or a 小计 with no figures, is not read as a line (nothing to check it against)", () => {
  const base = grid("三公", [
    ["2018年某局“三公”经费决算表"],
    [null, null, "单位：万元"],
    ["项目", "2018年决算数", "比上年增减（%）"],
    ["合计", "2,771", "-1.8"],
    ["因公出国（境）经费", "120", "-9.1"],
    ["公务接待费", "1,033", "-7.6"],
    ["公务用车购置及运行费", "1,618", "-1.2"],
  ]);
  const more = grid("三公", [...base.values, [null, null, "5.0"], ["小计", null, "-3.0"]]);
  const read = (g: CellGrid) => checkWorkbook([g], DEFAULT_SETTINGS);
  expect(read(more).tables[0].rows.map((r) => r.name)).toEqual(read(base).tables[0].rows.map((r) => r.name));
  expect(read(more).findings.map((f) => [f.rule, f.cell])).toEqual(read(base).findings.map((f) => [f.rule, f.cell]));
});
