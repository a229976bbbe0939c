import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, DEFAULT_SETTINGS, draftFromFacts, draftReport, reportText, titleLines } from "../../src/core";
import type { CellGrid, ReportModel, TemplateId } from "../../src/core";
import { RULE_IDS } from "../../src/core/base/findings";
import { chineseNumber, SAY } from "../../src/core/catalogue/report";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { budgetSet, finalAccountsSet } from "../fixtures/national/forms";
import { plantAll } from "../fixtures/national/planted";
import { TOWNSHIP } from "../fixtures/national/units";
import { grid } from "../support/grid";
import { specGrid } from "../support/spec-grid";
import { putuoFacts } from "./fixtures/putuo-facts";
import { JINZHAI_SELFEVAL } from "./fixtures/selfeval-jinzhai";

/** Writing like a clerk: no check jargon, whole placeholders, Chinese numbering, titles broken between words, zeros said once. */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const TEMPLATES: TemplateId[] = ["final-accounts", "performance", "self-evaluation"];

let sample: CellGrid[];
beforeAll(async () => {
  sample = await readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx");
});

const drafts = (grids: CellGrid[]) => TEMPLATES.map((t) => draftReport(t, checkWorkbook(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS).model);
const headings = (m: ReportModel) =>
  m.blocks.flatMap((b) => (b.kind === "heading" ? [{ level: b.level, text: b.runs.map((r) => r.text).join("") }] : []));

test("no rule name, threshold or check jargon in any draft", () => {
  const models = [
    ...drafts(sample),
    ...drafts([...finalAccountsSet(TOWNSHIP), ...budgetSet(TOWNSHIP)].map((s) => specGrid(s))),
    ...plantAll(finalAccountsSet(TOWNSHIP)).flatMap((p) => drafts(p.sheets.map((s) => specGrid(s)))),
  ];
  for (const m of models) {
    const text = reportText(m);
    for (const id of RULE_IDS) expect(text).not.toContain(id);
    expect(text).not.toMatch(/提示线|阈值|差异率均在|±\d+%|以内（|rounding|sum-mismatch/);
  }
});

test("numbering stays Chinese at every depth and in order: 第一部分, 一、, （一）, 1．", () => {
  for (const m of [...drafts(sample), draftFromFacts("final-accounts", putuoFacts("caizhengju"), DEFAULT_SETTINGS).model]) {
    const expected: Record<number, number> = { 0: 0, 1: 0, 2: 0 };
    for (const h of headings(m)) {
      const pattern = [/^第([一二三四五六七八九十]+)部分/, /^([一二三四五六七八九十]+)、/, /^（([一二三四五六七八九十]+)）/][h.level];
      if (!pattern) continue;
      const n = pattern.exec(h.text);
      expect(n).not.toBeNull();
      expected[h.level] += 1;
      for (let deeper = h.level + 1; deeper <= 2; deeper++) expected[deeper] = 0;
      if (h.level === 1 && m.template === "final-accounts" && /^第/.test(h.text)) continue;
      expect(n![1]).toBe(chineseNumber(expected[h.level]));
    }
    expect(reportText(m)).not.toMatch(/^（\d+）/m);
  }
  expect([10, 11, 14, 20, 23].map(chineseNumber)).toEqual(["十", "十一", "十四", "二十", "二十三"]);
});

test("titles are broken between words, each line within the 22 pt line", () => {
  expect(titleLines("绥宁县河口苗族乡人民政府", "2020年度部门决算说明")).toEqual(["绥宁县河口苗族乡人民政府", "2020年度部门决算说明"]);
  expect(titleLines("青山乡人民政府", "2023年度部门决算说明")).toEqual(["青山乡人民政府2023年度部门决算说明"]);
  const long = titleLines("湖南省邵阳市绥宁县河口苗族乡人民政府办公室", "2023年部门整体支出绩效评价报告");
  expect(long.every((l) => l.length <= 20)).toBe(true);
  expect(long.join("")).toBe("湖南省邵阳市绥宁县河口苗族乡人民政府办公室2023年部门整体支出绩效评价报告");
  expect(long[0]).toMatch(/(省|市|县|乡|人民政府)$/); // cut after a place or organ word, never inside one
});

test("zero lines are said once, never spelled out as 0.00 against 0.00", () => {
  for (const m of drafts(sample)) {
    const text = reportText(m);
    expect(text).not.toMatch(/预算为0\.00万元，支出决算为0\.00万元/);
    expect(text).not.toMatch(/增加0\.00万元|减少0\.00万元|增长0\.00%/);
  }
  const fa = reportText(drafts(sample)[0]);
  expect(fa).toContain("因公出国（境）费无支出。");
  const national = reportText(drafts([...finalAccountsSet(TOWNSHIP), ...budgetSet(TOWNSHIP)].map((s) => specGrid(s)))[0]);
  expect(national).toContain("本年无上级补助收入、事业收入、经营收入和附属单位上缴收入。");
  expect(national).toContain(
    "本部门2023年度没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，故《国有资本经营预算财政拨款支出决算表》为空表。",
  );
});

test("a budget column that equals the 决算 on every line never becomes 预算 or a 完成率: the draft asks to check the column", () => {
  // A county bureau's table whose "预算数" column is really a copy of the 决算 (the 年初预算 would give 119.08 %).
  const rows = [
    ["2023年支出预决算对比表（按功能分类）"],
    [null, null, null, "单位：万元"],
    ["科目编码", "科目名称", "预算数", "决算数"],
    ["2010301", "行政运行", 120.5, 120.5],
    ["2010302", "一般行政管理事务", 80.25, 80.25],
    ["2080505", "机关事业单位基本养老保险缴费支出", 30.1, 30.1],
    ["2210201", "住房公积金", 18.3, 18.3],
  ];
  const a = checkWorkbook([grid("预决算", rows)], DEFAULT_SETTINGS);
  for (const t of TEMPLATES) {
    const text = reportText(draftReport(t, a, DEFAULT_SETTINGS).model);
    expect(text).not.toMatch(/完成预算的100\.00%|决算数与预算数持平/);
  }
  const fa = reportText(draftReport("final-accounts", a, DEFAULT_SETTINGS).model);
  expect(fa).toMatch(/【请核对：预决算!C3所在列是否为预算数不能确定】/);
});

test("errors the check found stay visible in the 决算说明 of the national forms (planted errors)", () => {
  for (const p of plantAll(finalAccountsSet(TOWNSHIP))) {
    const a = checkWorkbook(
      p.sheets.map((s) => specGrid(s)),
      DEFAULT_SETTINGS,
    );
    const errors = a.findings.filter((f) => f.severity === "error" || f.rule === "unit-suspect");
    const text = reportText(draftReport("final-accounts", a, DEFAULT_SETTINGS).model);
    // Every error cell the draft uses is named in a 请核对 mark; no fluent rate follows a marked figure.
    const marked = [...text.matchAll(/【请核对：([^!]+![A-Z]+\d+)/g)].map((m) => m[1]);
    expect(marked.length).toBeGreaterThan(0);
    for (const cell of marked) expect(errors.map((f) => `${f.sheet}!${f.cell}`)).toContain(cell);
    expect(text).not.toMatch(/】[^。；]*完成(年初|全年)?预算的/);
  }
});

test("the national 部门整体支出绩效自评表 goes into the 自评报告: 预算执行, indicators by 一级指标, full marks listed once", () => {
  const a = checkWorkbook([specGrid(JINZHAI_SELFEVAL)], DEFAULT_SETTINGS);
  const text = reportText(draftReport("self-evaluation", a, DEFAULT_SETTINGS).model);
  expect(text).toContain(
    "年度资金年初预算为329.77万元，全年预算为329.77万元，支出决算为338.31万元，完成年初预算的102.59%、全年预算的102.59%，该项分值10分",
  );
  expect(text).toContain("（一）产出指标（分值60分，自评分60分）");
  // each indicator with its 年度指标值 and 实际完成值 as the sheet gives them
  expect(text).toContain("开展精品示范村建设数量：年度指标值≤4，实际完成值4，分值10分，自评分10分。");
  expect(text).toContain("1.建设徽风皖韵美丽乡村;2.整治美丽宜居自然村庄;"); // the 年度总体目标, quoted from the sheet
  // the sheet leaves the 预算执行 score blank: the total waits for it, visibly
  expect(text).toContain("自评得分【请填写：预算执行率自评得分】分");
  expect(text).toContain("自评总分为【请填写：总分（尚有指标待评分）】分");
});

test("kinds of spending with nothing spent are said once, never as “经营支出无支出”", () => {
  expect(SAY.noneSpent(["因公出国（境）费", "公务用车购置费"])).toBe("因公出国（境）费、公务用车购置费无支出");
  expect(SAY.noneSpent(["上缴上级支出", "经营支出", "对附属单位补助支出"])).toBe("本年无上缴上级支出、经营支出和对附属单位补助支出");
  expect(SAY.noneSpent(["经营支出"])).toBe("本年无经营支出");
});

test("a 三公 table of 决算 figures only: “…经费支出决算为…”, never “支出支出决算”", () => {
  // 龙泉市 2018 三公经费 (https://www.longquan.gov.cn/art/2019/6/18/art_1229384720_3701304.html), 决算 only.
  const sangong = grid("三公", [
    ["2018年龙泉市部门“三公”经费决算表"],
    [null, "单位：万元"],
    ["项目", "决算数"],
    ["合计", "2,771"],
    ["因公出国（境）经费", "120"],
    ["公务用车购置及运行维护费", "1,680"],
    ["公务接待费", "971"],
  ]);
  for (const m of drafts([sangong])) {
    const text = reportText(m);
    expect(text).not.toMatch(/支出支出/);
  }
  expect(reportText(drafts([sangong])[0])).toMatch(/“三公”经费支出决算为2771\.00万元/);
});

test("a 三公 table of 预算 figures only: its budget said, its 决算 asked for — never “工作簿中没有“三公”经费表”", () => {
  // 岳阳县2015年“三公”经费汇总情况决算表 (http://cnzheou.com/37584/38146/67122/67124/content_2034381.html): 本年预算数 only.
  const sangong = grid("三公汇总", [
    ["岳阳县2015年“三公”经费汇总情况决算表"],
    [null, "单位:万元"],
    ["项目", "本年预算数"],
    ["合计", 3318],
    ["1、因公出国(境)费用", 0],
    ["2、公务接待费", 1372],
    ["3、公务用车费", 1946],
  ]);
  const text = reportText(drafts([sangong])[0]);
  expect(text).toMatch(/2015年度财政拨款“三公”经费支出预算为3318\.00万元，【请填写：“三公”经费支出决算数[^】]*只有预算数）】/);
  expect(text).not.toMatch(/工作簿中没有“三公”经费表/);
});

test("a 收入支出决算总表 that stops at 本年收入合计/本年支出合计: those said, the 总计 asked for", () => {
  // 洛阳市洛龙区龙祥小学 2016 公开01 (收入 ‖ 支出 side by side), typed up to the 本年合计 lines; amounts in 元 as text.
  const form = grid(
    "公开01表",
    [
      ["收入支出决算总表"],
      [null, null, null, null, null, "公开01表"],
      ["部门:河南省洛阳市洛龙区龙祥小学", null, null, null, null, "单位:元"],
      ["收入", null, null, "支出"],
      ["项目", "行次", "金额", "项目", "行次", "金额"],
      ["一、财政拨款收入", 1, "5,604,878.83", "一、一般公共服务支出", 30, "0.00"],
      ["二、上级补助收入", 2, "0.00", "二、教育支出", 31, "3,936,488.33"],
      ["三、其他收入", 3, "84,730.40", "三、住房保障支出", 32, "180,000.00"],
      ["本年收入合计", null, "5,689,609.23", "本年支出合计", null, "4,116,488.33"],
    ],
    ["A4:C4", "D4:F4"],
  );
  const text = reportText(drafts([form])[0]);
  expect(text).toMatch(
    /本年收入合计568\.96万元，本年支出合计411\.65万元；【请填写：收入总计、支出总计（工作簿中的收入支出决算总表没有总计行）】/,
  );
  expect(text).not.toMatch(/工作簿中没有收入支出决算总表/);
});

test("a 项目自评表's written 总分 is the one said, marked when its scores add up to neither sum; a group's (60分) is its 分值", () => {
  // 区商务局 2020年市级服务贸易发展资金项目自评表 (https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html, a .doc's text;
  // layout rebuilt, every figure as published): 预算执行 scored 20 plus indicators 10 × 6 + 20 + 20 = 120, against 总分 100.
  const rows = [
    ["2020年市级服务贸易发展资金项目自评表"],
    ["单位名称:区商务局", null, null, null, null, "填报日期:2021年4月22日"],
    ["项目名称", "2020年市级服务贸易发展资金", null, "主管部门", "区商务局", "项目实施单位", "投资促进中心"],
    ["预算执行情况(万元)(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
    [null, "年度财政资金总额", 285.84, 285.84, "100%", 20],
    ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [null, "产出指标(60分)", "数量指标", "服务外包在岸(万美元)", 20000, 23333.56, 10],
    [null, null, null, "服务外包离岸(万美元)", 4500, 4557.51, 10],
    [null, null, null, "支持服务贸易、服务外包企业数量", 3, 3, 10],
    [null, null, "质量指标", "企业国际质量提升", "获得目的国(地区)受众欢迎", "受目的国受众欢迎显著", 10],
    [null, null, "时效指标", "预算资金执行率", "90%", "100%", 10],
    [null, null, null, "资金拨付及时性", "98%以上", "100%", 10],
    [null, "效益指标(40分)", "社会效益指标", "企业把握政治导向和文化方向情况", "正确导向", "较好把握", 20],
    [null, null, "可持续影响指标", "推动企业走出去方面发挥的作用", "是否利于企业走出去", "有利于推动企业走出去", 20],
    ["总分", null, null, null, null, null, 100],
  ];
  const merges = ["A1:G1", "A6:A14", "B7:B12", "C7:C9", "C11:C12", "B13:B14"];
  const text = (g: CellGrid) => reportText(draftReport("self-evaluation", checkWorkbook([g], DEFAULT_SETTINGS), DEFAULT_SETTINGS).model);
  // The indicators add up to the 总分 100 (the 预算执行 score left out, as some published sheets do and the check accepts).
  const asPublished = text(grid("自评表", rows, merges));
  expect(asPublished).toMatch(/自评总分为100分。/);
  expect(asPublished).toMatch(/（一）产出指标（分值60分，自评分60分）/);
  expect(asPublished).toMatch(/（二）效益指标（分值40分，自评分40分）/);
  // …or with it: said plainly too. A 总分 that is neither sum is said as written, and marked.
  const withFunds = rows.map((r) => (r[0] === "总分" ? ["总分", null, null, null, null, null, 120] : r));
  expect(text(grid("自评表", withFunds, merges))).toMatch(/自评总分为120分。/);
  const neither = rows.map((r) => (r[0] === "总分" ? ["总分", null, null, null, null, null, 95] : r));
  expect(text(grid("自评表", neither, merges))).toMatch(/自评总分为95分【请核对：自评表!G15写明的总分既不是各项指标得分之和/);
  expect(text(grid("自评表", rows.slice(0, -1), merges))).toMatch(/自评总分为120分。/);
});

test("the 科目 far from their budget are named largest first, and a cut list says how many there are", () => {
  const perf = reportText(drafts(sample)[1]);
  const line = perf.split("\n").find((l) => l.startsWith("部分科目决算数与年初预算数差异较大"));
  expect(line).toBeDefined();
  expect(line).toMatch(/^部分科目决算数与年初预算数差异较大（[^）]*等\d+个科目）/);
  // No bare “决算数小于预算数。” that only restates the completion rate before it.
  for (const m of drafts(sample)) expect(reportText(m)).not.toMatch(/[。；]决算数[小大]于[^。]*预算数。/);
});

test("one indicator with full marks is not “以下指标均得满分”", () => {
  expect(SAY.groupFull(["“三公经费”变动率（5分）"], 1).join("")).toBe("“三公经费”变动率（5分）得满分。");
  expect(SAY.groupFull(["A（5分）", "、", "B（3分）"], 2).join("")).toBe("以下指标均得满分：A（5分）、B（3分）。");
});

test("a 自评表's 实施单位 names the unit; an indicator reads 年度指标值为100% and asks for what the sheet leaves blank", () => {
  // 青神县发展和改革局 2023 部门预算项目支出绩效自评表, as published: https://www.scqs.gov.cn/info/13206/211004.htm
  const sheet = grid("自评表", [
    ["部门预算项目支出绩效自评表(2023年度)"],
    ["项目名称", "51000021R000000019951-工资性支出", null, null, "主管部门", "青神县发展和改革局本级"],
    ["实施单位 (盖章)", "青神县发展和改革局"],
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    [null, "总额", 238.93, 251.89, 251.89, "100.00%", 10],
    [null, "其中:财政资金", 238.93, 251.89, 251.89, "100.00%", "/", "/"],
    ["绩效指标(90分)"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", null, 60],
    ["效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", null, 30],
    ["合计", null, null, null, null, null, null, 100],
  ]);
  const self = reportText(draftReport("self-evaluation", checkWorkbook([sheet], DEFAULT_SETTINGS), DEFAULT_SETTINGS).model);
  // The project the form is for is named (its code prefix 51000021R000000019951- left out).
  expect(self).toContain("青神县发展和改革局对“工资性支出”项目认真开展了2023年度自查自评");
  expect(self).toContain("发放(缴纳)覆盖率：年度指标值为100%，实际完成值【请填写：发放(缴纳)覆盖率实际完成值】");
  expect(self).not.toMatch(/指标值=/);
});

test("a 项目支出绩效自评表 as 廊坊 published it: 指标1 prefixes dropped, goals labelled, the sheet's own full stop kept", () => {
  // 廊坊市食品工程学校 2019 项目支出绩效自评表, as published: http://www.lfsp.cn/newsinfo/1158053.html
  const sheet = grid("绩效自评表", [
    ["项目支出绩效自评表"],
    ["（2019年度）"],
    ["项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费"],
    ["主管部门", "廊坊市发改委", null, null, "实施单位", "廊坊市食品工程学校"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", "43.2", "43.2", "37.24", "10", "86%", "9"],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "完成办公宿舍楼、食堂及餐厅暖通改造", null, null, "已完工，剩余3%尾款未付"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [
      "产出指标",
      "数量指标",
      "指标1工程资金金额",
      "43.2",
      "37.24",
      "10",
      "9",
      "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。",
    ],
    [null, "质量指标", "指标2工程验收合格率", "100", "100", "10", "10"],
  ]);
  const self = reportText(draftReport("self-evaluation", checkWorkbook([sheet], DEFAULT_SETTINGS), DEFAULT_SETTINGS).model);
  expect(self).toContain("廊坊市食品工程学校对“办公宿舍楼、食堂及餐厅暖通改造经费”项目认真开展了2019年度自查自评");
  expect(self).toContain("预期目标：完成办公宿舍楼、食堂及餐厅暖通改造。");
  expect(self).toContain("实际完成情况：已完工，剩余3%尾款未付。");
  expect(self).toContain("工程资金金额：年度指标值43.2，实际完成值37.24，分值10分，自评分9分。偏差原因：");
  expect(self).toContain("提高预算准确度。\n");
  expect(self).not.toMatch(/指标\d|。。/);
});
