import { checkWorkbook, DEFAULT_SETTINGS, findingMessage, resultSheets } from "../src/core";
import { SANGONG_SHEET } from "../src/core/present/output-plans";
import { grid } from "./support/grid";

/**
 * 三公 预算 tables as two units published them (typed by a new user, 2026-11): a cell that says 单位不需填列 where a figure
 * would be, a 其中 column of the 一般公共预算 share beside the 预算数, and a published 小计 that disagrees with its own 其中 line
 * while the 合计 agrees with it.
 */

// 南通市国资委 2016年财政拨款“三公”经费预算表: http://gzw.nantong.gov.cn/ntsgzw/bmyjshsg/content/ae192308-2880-4f59-87b1-2c3334e66205.html
// 21.63 = 14.83 + 6.80 (因公出国 单位不需填列); 公务用车费 6.80 = 运行维护费 6.80.
const NANTONG = grid(
  "三公经费预算表",
  [
    ["2016年市国资委财政拨款“三公”经费预算表"],
    [null, null, "金额单位：万元"],
    ["项目", "2016年预算数"],
    [null, "小计", "其中：一般公共预算安排数"],
    ["一、“三公”经费合计", 21.63, 21.63],
    ["（一）因公出国（境）费", "单位不需填列", "单位不需填列"],
    ["（二）公务接待费", 14.83, 14.83],
    ["（三）公务用车费", 6.8, 6.8],
    ["      1.公务用车购置费"],
    ["      2.公务用车运行维护费", 6.8, 6.8],
    ["二、会议费", 7.59, 7.59],
    ["三、培训费", 15.86, 15.86],
  ],
  ["A1:C1", "B3:C3", "A3:A4"],
);

// 桂林市司法局 2015年部门“三公”经费情况统计表: http://honghao99.com/html/contentscontent-2015-3-18-781197.html
// The page's own fault: 3.公务用车费 0 over its 其中 运行维护费 32.65; 合计 34.35 = 0 + 1.70 + 32.65 agrees with the lines.
const GUILIN = grid(
  "三公经费",
  [
    ["2015年桂林市司法局部门“三公”经费情况统计表"],
    [null, null, "单位：万元"],
    ["项 目", "本年预算数", "其中：公共预算财政拨款"],
    ["合 计", 34.35, 34.35],
    ["1.因公出国（境）费用", 0, 0],
    ["2.公务接待费", 1.7, 1.7],
    ["3.公务用车费", 0, 0],
    ["其中：（1）公务用车运行维护费", 32.65, 32.65],
    ["（2）公务用车购置", 0, 0],
  ],
  ["A1:C1"],
);

test("南通 2016: a row of 单位不需填列 is a figure left out, not the end of the table; the 其中 column is the 一般公共预算 share", () => {
  const a = checkWorkbook([NANTONG], DEFAULT_SETTINGS);
  const [t] = a.tables;
  expect(t.range).toBe("A3:C12");
  expect(t.rows.map((r) => r.name)).toContain("三、培训费");
  expect([t.roles.budget?.letter, t.roles.srcGeneral?.letter]).toEqual(["B", "C"]);
  expect(a.sangong?.items.find((i) => i.key === "reception")?.budget).toBe(14_830_000); // 14.83万元 in 分
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("桂林 2015: the 小计 at fault is the one finding of each column, and says the 合计 comes right with it", () => {
  const a = checkWorkbook([GUILIN], DEFAULT_SETTINGS);
  const errors = a.findings.filter((f) => f.severity !== "info");
  // The 其中：公共预算财政拨款 column repeats the 预算数, fault and all: it is checked by the same 三公 identities.
  expect(errors.map((f) => [f.rule, f.cell])).toEqual([
    ["sum-mismatch", "B7"],
    ["sum-mismatch", "C7"],
  ]);
  expect(findingMessage(errors[0])).toBe(
    "3.公务用车费（预算）为 0.00万元，其明细合计为 32.65万元，相差 -32.65万元。改为明细之和 32.65万元 后，合 计（B4）也就对上了。",
  );
});

test("施甸县 2016 决算 in the 公开09 layout with its 预算数 half left blank: no 预算 at all, not 预算 0 and 决算 all over it", () => {
  // 决算 figures of https://shidian.gov.cn/info/4163/808803.htm (2706.86 = 10.20 + 1105.72 + 1590.94), laid out as 公开09.
  const sheet = grid(
    "公开09",
    [
      ["财政拨款“三公”经费支出决算表"],
      [null, null, null, null, null, null, null, null, null, null, null, "公开09表"],
      ["编制单位：施甸县（汇总）", null, null, null, null, null, null, null, null, null, null, "金额单位：万元"],
      ["预算数", null, null, null, null, null, "决算数"],
      ["合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费", "合计", "因公出国（境）费", "公务用车购置及运行费"],
      [null, null, "小计", "公务用车购置费", "公务用车运行费", null, null, null, "小计", "公务用车购置费", "公务用车运行费"],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [null, null, null, null, null, null, 2706.86, 10.2, 1105.72, 0, 1105.72, 1590.94],
    ],
    ["A1:L1", "A4:F4", "G4:L4", "C5:E5", "I5:K5", "A5:A6", "B5:B6", "F5:F6", "G5:G6", "H5:H6", "L5:L6"],
  );
  sheet.values[4][11] = "公务接待费";
  const a = checkWorkbook([sheet], DEFAULT_SETTINGS);
  const total = a.sangong!.total;
  expect([total.actual, total.budget, total.budgetDiff, total.completionRate]).toEqual([2_706_860_000, null, null, null]); // 分
  expect(a.sangong!.items.every((i) => i.budget === null)).toBe(true);
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("宣州区直工委 2020: 三公 lines published blank at the foot of the table are its lines, not the next table's title", () => {
  // https://www.xuanzhou.gov.cn/OpennessContent/show/2128667.html: 合计 0.36 = 公务接待费 0.36, the car lines left blank.
  const sheet = grid(
    "三公经费预算表",
    [
      ["2020年一般公共预算“三公”经费支出预算表"],
      [null, "单位：万元"],
      ["项 目", "预 算 数"],
      ["合 计", 0.36],
      ["因公出国（境）费"],
      ["公务接待费", 0.36],
      ["公务用车购置及运行费"],
      ["其中：公务用车运行费"],
      ["公务用车购置费"],
    ],
    ["A1:B1"],
  );
  const a = checkWorkbook([sheet], DEFAULT_SETTINGS);
  expect(a.tables[0].range).toBe("A3:B9");
  expect(a.sangong!.items.map((i) => i.key).sort()).toEqual(["abroad", "car", "carPurchase", "carRun", "reception"]);
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("南通 2016 in 「三公经费对比」: a 预算-only table checks its 预算 column only, and draws no 上年/本年 chart", () => {
  const plan = resultSheets(checkWorkbook([NANTONG], DEFAULT_SETTINGS), DEFAULT_SETTINGS).find((p) => p.name === SANGONG_SHEET)!;
  const check = plan.rows.find((r) => String(r[0]?.v ?? "").startsWith("核对："))!;
  expect(check.slice(1, 4).map((c) => (c?.f ? "formula" : "empty"))).toEqual(["empty", "formula", "empty"]);
  expect(plan.charts).toEqual([]);
});
