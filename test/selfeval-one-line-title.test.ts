import { checkWorkbook, DEFAULT_SETTINGS, findingMessage } from "../src/core";
import type { CheckResult } from "../src/core";
import type { CellGrid, CellValue } from "../src/core/base/cell-grid";
import { formOfTitle } from "../src/core/recognise/form-catalogue";
import { grid, withCells } from "./support/grid";

/**
 * 项目支出绩效自评表 typed from published pages as a new user would type them: the title on one line with the year after it
 * ("…自评表(2023年度)"), the 一级指标 written once per group and left blank below (unmerged, as PDF copies give it). Read as
 * the 自评表 they are: no false 合计 errors, the unit of the header, planted errors still found.
 */
const check = (grids: CellGrid[]): CheckResult => checkWorkbook(grids, DEFAULT_SETTINGS);
const loud = (a: CheckResult) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
const message = (a: CheckResult, rule: string) => a.findings.filter((f) => f.rule === rule).map((f) => findingMessage(f));

// | H | wb/H_qingshen2023_ziping.xlsx | https://www.scqs.gov.cn/info/13206/211004.htm 部门预算项目支出绩效自评表(2023年度) 青神县发展和改革局 |
// 四川 眉山, 2023 | 238.93/251.89/251.89/100.00%/权重10; 财政资金 same; 专户 0; 单位 0; 指标权重 60, 30; 合计 100; 得分 blank |
const QINGSHEN: CellGrid = grid(
  "自评表",
  [
    ["部门预算项目支出绩效自评表(2023年度)"],
    ["项目名称", "51000021R000000019951-工资性支出", null, null, "主管部门", "青神县发展和改革局本级"],
    ["实施单位 (盖章)", "青神县发展和改革局"],
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    [null, "总额", 238.93, 251.89, 251.89, "100.00%", 10, null, null],
    [null, "其中:财政资金", 238.93, 251.89, 251.89, "100.00%", "/", "/"],
    [null, "财政专户管理资金", 0, 0, 0, "0.00%", "/", "/"],
    [null, "单位资金", 0, 0, 0, "0.00%", "/", "/"],
    [null, "其他资金", null, null, null, null, "/", "/"],
    ["绩效指标(90分)"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", null, 60, null, null],
    ["效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", null, 30, null, null],
    ["合计", null, null, null, null, null, null, 100, null, null],
  ],
  ["A1:I1"],
);

// | I | wb/I_tangxi2022_ziping.xlsx, I2 (merged) | http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2
// 项目支出绩效自评表(2022年度) 棠溪镇委托业务项目 | 安徽 池州, 2022 | 年度资金总额 0 0 0 10 0 0; 本年财政拨款 90 89.974 89.974;
// 指标 8,8,8,8,8,10 / 10,10,10 (page text truncated at 满意度 row) |
const TANGXI_ROWS: CellValue[][] = [
  ["项目支出绩效自评表 (2022年度)"],
  ["项目名称", "委托业务项目", null, "主管部门", "219-池州市贵池区棠溪镇人民政府", null, "实施单位", "219001-池州市贵池区棠溪镇人民政府"],
  ["项目资金 (万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额:", 0, 0, 0, 10, 0, 0],
  [null, "其中:本年财政拨款", 90, 89.974, 89.974],
  [null, "上年结转资金"],
  [null, "其他资金"],
  ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  [],
  [null, "产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", 50, 8, 8],
  [null, null, "质量指标", "委托业务报告合格率", "≥100百分比", 100, 8, 8],
  [null, null, null, "经费支出合规性", "严格执行相关制度规定", "达成预期指标", 8, 8],
  [null, null, "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", 8, 8],
  [null, null, "成本指标", "项目总成本", "≤90万元", 90, 8, 8],
  [null, null, null, "单项业务成本", "符合相关规定", "达成预期指标", 10, 10],
  [null, "效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", 10, 10],
  [null, null, "生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", 10, 10],
  [null, null, "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标", 10, 10],
  [null, null, "经济效益指标"],
];
/** As typed: 一级/二级 written once, blank below. */
const TANGXI: CellGrid = grid("自评表", TANGXI_ROWS, ["A1:I1", "A5:A7", "A10:A15", "A16:A19"]);
/** As printed: 一级/二级 merged down their groups (wb/I2_tangxi2022_ziping_merged.xlsx). */
const TANGXI_MERGED: CellGrid = grid("自评表", TANGXI_ROWS, [
  "A1:I1",
  "A3:B3",
  "A4:A7",
  "A8:A19",
  "B10:B15",
  "B16:B19",
  "C11:C12",
  "C14:C15",
]);

describe("a 自评表 title with the year after it", () => {
  test.each([
    ["部门预算项目支出绩效自评表(2023年度)", "selfeval-project"],
    ["项目支出绩效自评表 (2022年度)", "selfeval-project"],
    ["项目支出绩效自评表（2022年）", "selfeval-project"],
    ["部门整体支出绩效自评表(2023年度)", "selfeval-dept"],
    ["2023年度项目支出绩效自评表", "selfeval-project"],
  ])("%s is %s", (title, form) => {
    expect(formOfTitle(title)?.id).toBe(form);
  });
});

describe("青神县发改局 2023 部门预算项目支出绩效自评表, as published", () => {
  test("read as a 自评表: funds block in 万元 from its header, no finding at all", () => {
    const a = check([QINGSHEN]);
    expect(a.tables.map((t) => t.form)).toEqual(["selfeval-funds", "selfeval-project"]);
    const funds = a.tables[0];
    expect([funds.unit, funds.unitSource]).toEqual(["万元", "header"]);
    expect(funds.rows[0].amounts.actual?.value).toBe(2518900_00);
    // 合计 100 = 预算执行 权重 10 + 60 + 30: not a 90 that "should" be 100.
    expect(a.findings.map((f) => f.rule)).toEqual([]);
  });

  test("a wrong 权重 sum is said as 权重, a wrong 得分 sum as 得分", () => {
    const weights = check(withCells([QINGSHEN], "自评表", { H12: 50 }));
    expect(loud(weights)).toEqual(["score-sum-mismatch H14"]);
    expect(message(weights, "score-sum-mismatch")).toEqual(["合计：权重写明 100 分，各项相加为 80 分，加上预算执行权重 10 分为 90 分。"]);
    const scored = { H5: 10, I12: 60, I13: 30, I14: 100 };
    expect(loud(check(withCells([QINGSHEN], "自评表", scored)))).toEqual([]);
    const wrong = check(withCells([QINGSHEN], "自评表", { ...scored, I14: 95 }));
    expect(loud(wrong)).toEqual(["score-sum-mismatch I14"]);
    expect(message(wrong, "score-sum-mismatch")).toEqual(["合计：得分写明 95 分，各项相加为 90 分，加上预算执行得分 10 分为 100 分。"]);
  });

  test("a wrong 预算执行数 (P11: 251.89 → 215.89): the 执行率 is said once, as 执行数 ÷ 预算数, in 万元", () => {
    const a = check(withCells([QINGSHEN], "自评表", { E5: 215.89 }));
    expect(loud(a).sort()).toEqual(["rate-mismatch F5", "sum-mismatch E5"]);
    expect(message(a, "rate-mismatch")).toEqual(["总额：写明比率 100.00%，按 215.89万元 ÷ 251.89万元 计算应为 85.71%。"]);
  });
});

test("the same form titled otherwise (no 自评表 in the title, no 年度目标 block) is still read by its funds block", () => {
  const a = check(withCells([QINGSHEN], "自评表", { A1: "工资性支出绩效评价表" }));
  expect(a.tables.map((t) => t.form)).toEqual(["selfeval-funds", "selfeval-project"]);
  expect(a.findings.map((f) => f.rule)).toEqual([]);
});

test("figures finer than 分 are said with an example of one (a number cell, not text)", () => {
  const g = grid("表", [["某乡2023年支出决算表"], [null, "单位：元"], ["项目", "决算数"], ["合计", 89.974], ["村道维修", 89.974]]);
  expect(message(check([g]), "precision")).toEqual([
    "有 2 个金额的小数位超过“分”（如「89.974」），已按四舍五入到分计算；如需精确到分以下请核对原数。",
  ]);
});

describe.each([
  ["as typed (一级指标 once per group, unmerged)", TANGXI],
  ["as printed (merged)", TANGXI_MERGED],
])("棠溪镇 2022 项目支出绩效自评表, %s", (_, sheet) => {
  test("each 一级指标 holds its group (产出 50 = 8+8+8+8+8+10); only the published 年度资金总额 0 is an error", () => {
    const a = check([sheet]);
    expect(a.tables.map((t) => t.form)).toEqual(["selfeval-funds", "selfeval-project"]);
    expect(a.tables[0].unit).toBe("万元");
    const indicators = a.tables[1];
    expect(indicators.rows.filter((r) => r.labels.level1 === "产出指标(50分)").map((r) => r.name)).toHaveLength(6);
    expect(indicators.rows.filter((r) => r.labels.level1 === "效益指标(30分)")).toHaveLength(4);
    // The page prints 年度资金总额 0 over its 其中:本年财政拨款 90 / 89.974 / 89.974: the one real fault.
    expect(loud(a)).toEqual(["sum-mismatch C4", "sum-mismatch D4", "sum-mismatch E4"]);
    // In the table's own 万元, with the third decimal it keeps (not 899740元).
    expect(message(a, "sum-mismatch").join("\n")).toContain("89.974万元");
    expect(message(a, "sum-mismatch").join("\n")).not.toMatch(/\d元/);
    expect(a.findings.filter((f) => f.rule === "unit-assumed")).toEqual([]);
  });

  test("a planted wrong 分值 and a 得分 over its 分值 are found", () => {
    const a = check(withCells([sheet], "自评表", { G12: 9, H13: 9 }));
    expect(
      loud(a)
        .filter((x) => x.startsWith("score"))
        .sort(),
    ).toEqual(["score-over-max H13", "score-sum-mismatch G10"]);
    expect(message(a, "score-sum-mismatch")).toEqual(["产出指标(50分)：分值写明 50 分，各项相加为 51 分。"]);
  });
});

describe("a scoring sheet (not a 自评表) with its 一级指标 written once per group", () => {
  const sheet = (rows: CellValue[][], merges: string[] = []) =>
    grid(
      "评分",
      [
        ["某项目绩效评价指标评分表"],
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["决策(20分)", "项目立项", "立项依据充分性", 10, 10],
        [null, null, "立项程序规范性", 10, 9],
        ["过程(30分)", "资金管理", "资金到位率", 15, 15],
        [null, "组织实施", "管理制度健全性", 15, 12],
        ...rows,
      ],
      merges,
    );
  test("blank 一级 cells continue the group above: no false weight error", () => {
    expect(loud(check([sheet([])]))).toEqual([]);
    expect(loud(check([sheet([], ["A3:A4", "A5:A6"])]))).toEqual([]);
  });
  test("where the groups are merged, a blank below a merge is no group's", () => {
    // 决策 merged over its two rows; the 过程 rows below keep their own label, a trailing line without one stays apart.
    const merged = sheet([[null, "其他", "扣分事项", 0, 0]], ["A3:A4", "A5:A6"]);
    expect(check([merged]).tables[0].rows.map((r) => r.labels.level1 ?? null)).toEqual([
      "决策(20分)",
      "决策(20分)",
      "过程(30分)",
      "过程(30分)",
      null,
    ]);
    expect(check([sheet([[null, "其他", "扣分事项", 0, 0]])]).tables[0].rows[4].labels.level1).toBe("过程(30分)");
  });
  test("a wrong weight is still found", () => {
    expect(loud(check(withCells([sheet([])], "评分", { D6: 20 })))).toEqual(["score-sum-mismatch D5"]);
  });
});

describe("a stated 执行率 on a table of the clerk's own", () => {
  const own = (rows: CellValue[][]) =>
    grid("执行", [["某乡2023年项目资金执行情况表"], [null, null, null, "单位：万元"], ["项目", "预算数", "执行数", "执行率"], ...rows]);
  test("a wrong 执行率 is explained as 执行数 ÷ 预算数; a row without a name is not called '：'", () => {
    const a = check([
      own([
        ["村道维修", 100, 80, "90.00%"],
        [null, 50, 40, "100.00%"],
      ]),
    ]);
    expect(loud(a).filter((x) => x.startsWith("rate"))).toEqual(["rate-mismatch D4", "rate-mismatch D5"]);
    expect(message(a, "rate-mismatch")).toEqual([
      "村道维修：写明比率 90.00%，按 80.00万元 ÷ 100.00万元 计算应为 80.00%。",
      "写明比率 100.00%，按 40.00万元 ÷ 50.00万元 计算应为 80.00%。",
    ]);
  });
  test("a 差异率 is explained as a change", () => {
    const g = grid("对比", [
      ["某乡2023年支出预决算对比表"],
      [null, null, null, "单位：万元"],
      ["项目", "预算数", "决算数", "差异率"],
      ["村道维修", 100, 80, "-25.00%"],
    ]);
    const a = check([g]);
    expect(message(a, "rate-mismatch")).toEqual(["村道维修：写明比率 -25.00%，按 -20.00万元 ÷ 100.00万元 计算应为 -20.00%。"]);
  });
});
