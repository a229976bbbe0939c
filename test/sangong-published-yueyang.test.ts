import { checkWorkbook, DEFAULT_SETTINGS, findingMessage } from "../src/core";
import { formOfTitle } from "../src/core/recognise/form-catalogue";
import { grid } from "./support/grid";

/**
 * 三公 tables of 岳阳县 units (湖南) and 乐昌市审计局 (广东), typed by a new user (2026-11-23) from pages nobody here had used:
 * the template's explanation line answered in prose in the figure column, 合计 beside its fund sources under the pre-2015
 * name 公共财政预算拨款, an item named "3、公务用车费" (its own 、), and a 预算 table stating its change against last year's budget.
 */

// 岳阳县文联 2017年度“三公”经费预算表 (表3): https://www.sgf2.com/37584/38146/38352/content_1180752.html (mirror of yyx.gov.cn)
// 4.9 = 0 + 1.8 + 3.1 and 3.1 = 3.1 + 0 hold; the page's own fault: 合计 4.9 and 公务用车费 3.1 beside fund sources of 0, 0, 0.
const WENLIAN = grid(
  "表3",
  [
    [null, null, null, null, "表3"],
    ["岳阳县文联2017年度“三公”经费预算表"],
    ["单位名称:岳阳县文联", null, null, null, "单位:万元"],
    ["项目", "2017年预算数合计", "公共财政预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"],
    ["一、支出合计", 4.9, 0, 0, 0],
    ["1、因公出国(境)费用", 0],
    ["2、公务接待费", 1.8],
    ["3、公务用车费", 3.1, 0, 0, 0],
    ["其中:(1)公务用车运行维护费", 3.1],
    ["(2)公务用车购置", 0],
    ["二、相关统计数"],
    ["1.因公出国(境)团组数(个)"],
    ["2.因公出国(境)人数(人)"],
    ["3.公务用车购置数(辆)"],
    ["4.公务用车保有量(辆)"],
    ["5.公务接待批次(批)", 35],
    ["6.公务接待人数(人)", 650],
    [
      "三、“三公”经费增减变化原因等说明",
      "2017年”三公“经费预算支出合计4.9万元,比上年增加0.5万元。分项为:因公出国出境费用0;本着厉行节约的原则公务接待费用减少0.2万元," +
        "公务用车费用增加0.7万元,由于工作人员交通费用货币化补助、新增工作人员所致。",
    ],
  ],
  ["A2:E2", "B18:E18"],
);

// 岳阳县2015年“三公”经费汇总情况决算表: http://cnzheou.com/37584/38146/67122/67124/content_2034381.html (mirror of yyx.gov.cn)
// As published 3318 = 0 + 1372 + 1946 and 1946 = 1946 + 0; here 运行维护费 is typed 1964 (two digits swapped).
const HUIZONG = grid(
  "三公汇总",
  [
    ["岳阳县2015年“三公”经费汇总情况决算表"],
    [null, "单位:万元"],
    ["项目", "本年预算数"],
    ["合计", 3318],
    ["1、因公出国(境)费用", 0],
    ["2、公务接待费", 1372],
    ["3、公务用车费", 1946],
    ["其中:(1)公务用车运行维护费", 1964],
    ["(2)公务用车购置", 0],
  ],
  ["A1:B1"],
);

// 乐昌市审计局 2019年“三公”经费预算: https://www.sg.gov.cn/zw/zdlyxxgk/lcs/dzjg/lcssjj/czysjshsgjfgk/content/post_1478208.html
// Laid out from the page's figures: 10.8 = 0 + 5.5 + 5.3 against 9.5 = 0 + 4 + 5.5 last year; 1.3 ÷ 9.5 = 13.68 %, 1.5 ÷ 4 = 37.5 %.
const LECHANG = grid(
  "三公",
  [
    ["乐昌市审计局2019年“三公”经费预算表"],
    [null, null, null, null, "单位:万元"],
    ["项目", "2019年预算数", "2018年预算数", "增减额", "增减率(%)"],
    ["合计", 10.8, 9.5, 1.3, 13.68],
    ["1.因公出国(境)费", 0, 0, 0, 0],
    ["2.公务用车购置及运行费", 5.5, 4, 1.5, 37.5],
    ["其中:公务用车购置费", 0, 0, 0],
    ["      公务用车运行维护费", 5.5, 4, 1.5, 37.5],
    ["3.公务接待费", 5.3, 5.5, -0.2, -3.63],
  ],
  ["A1:E1"],
);

test("岳阳县文联 2017: the explanation line's prose is no unreadable amount; 合计 is checked against its fund sources", () => {
  const a = checkWorkbook([WENLIAN], DEFAULT_SETTINGS);
  const [t] = a.tables;
  expect(t.roles.srcGeneral?.letter).toBe("C"); // 公共财政预算拨款, the name before 2015
  expect(a.findings.filter((f) => f.rule === "bad-value")).toEqual([]);
  expect(t.rows.map((r) => r.name)).not.toContain("三、“三公”经费增减变化原因等说明");
  // The page's own inconsistency, once per line that states its sources; lines with none stated are not split at all.
  const parts = a.findings.filter((f) => f.rule === "parts-mismatch");
  expect(parts.map((f) => f.cell)).toEqual(["B5", "B8"]);
  expect(findingMessage(parts[0])).toContain("2017年预算数合计为 4.90万元");
  expect(a.findings.filter((f) => f.severity === "error")).toHaveLength(2);
});

test("岳阳县 2015: a digit slip's message names the total above it whole, 、 and all", () => {
  const a = checkWorkbook([HUIZONG], DEFAULT_SETTINGS);
  const slips = a.findings.filter((f) => f.rule === "digit-slip");
  expect(slips.map((f) => f.cell)).toEqual(["B8"]);
  const text = findingMessage(slips[0]);
  expect(text).toContain("应为 1946.00万元");
  expect(text).toContain("3、公务用车费（B7）与其明细");
  expect(text).not.toContain("undefined");
});

test("岳阳县 2015 with 1372万元 typed in 元 (13720000): said at that cell, besides the 合计 it upsets", () => {
  const typed = grid(
    "三公汇总",
    HUIZONG.values.map((row, r) => (r === 5 ? [row[0], 13720000] : r === 7 ? [row[0], 1946] : row)),
    ["A1:B1"],
  );
  const a = checkWorkbook([typed], DEFAULT_SETTINGS);
  const suspect = a.findings.filter((f) => f.rule === "unit-suspect");
  expect(suspect.map((f) => f.cell)).toEqual(["B6"]);
  expect(findingMessage(suspect[0])).toContain("应为 1372.00万元");
  expect(a.findings.find((f) => f.rule === "sum-mismatch")?.data.suspect).toBe("B6");
});

test("乐昌 2019: a 预算 table's stated increase names this year's and last year's budgets", () => {
  const a = checkWorkbook([LECHANG], DEFAULT_SETTINGS);
  const increases = a.findings.filter((f) => f.rule === "sangong-increase").map((f) => findingMessage(f));
  expect(increases[0]).toBe("合计：本年预算 10.80万元，上年预算 9.50万元，表中写明比上年增长，不符合“只减不增”要求。");
  expect(increases).toHaveLength(3);
  expect(increases.join("")).not.toMatch(/本年 ，/);
});

test("a 三公 决算情况表 / 决算情况统计表 is the national 三公 form, whatever its script", () => {
  // 岳阳县移民局 2015 (https://www.sgf2.com/37584/38154/38157/38160/38177/38192/40042/content_1191766.html, a traditional mirror)
  // and 施甸县 2016 (https://shidian.gov.cn/info/4163/808803.htm).
  for (const title of ["嶽陽縣2015年度移民局“三公”經費決算情況表", "施甸县2016年“三公”经费决算情况统计表", "“三公”经费支出决算表"])
    expect(formOfTitle(title)?.id).toBe("final-07");
  expect(formOfTitle("岳阳县文联2017年度“三公”经费预算表")?.id).not.toBe("final-07");
});
