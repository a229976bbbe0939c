import Decimal from "decimal.js";
import type { SheetSpec, SpecValue } from "./workbook-builder";

/**
 * The sample: a township's 2020 决算 workbook, shaped like what clerks really hold, with figures taken
 * from the first seed report (基本支出 897.67 → 1101.74 万元, 三公 4.68 万元 …). It also carries the
 * mistakes clerks make, so the demo shows what the product is for:
 * - 功能分类: the 21305 扶贫 款 total typed as 1313.82 where its 项 add up to 1313.28;
 * - 经济分类: some amounts stored as text ("1,101.74"), a "—" for nothing budgeted.
 */
export const SAMPLE_UNIT = "绥宁县河口苗族乡人民政府";

type Line = [code: string, name: string, ...amounts: (number | string | null)[]];

const d = (n: number | string | null) => (n === null || typeof n === "string" ? new Decimal(0) : new Decimal(n));

/** Parent rows are the sums of their children (by code prefix), as the 决算 system exports them. */
function withParents(leaves: Line[], parents: [string, string][], columns: number): Line[] {
  const out: Line[] = [];
  for (const [code, name] of parents) {
    const children = leaves.filter((l) => l[0].startsWith(code) && l[0].length > code.length);
    const sums = Array.from({ length: columns }, (_, i) =>
      children.reduce((acc, l) => acc.plus(d(l[2 + i] as number)), new Decimal(0)).toNumber(),
    );
    out.push([code, name, ...sums]);
  }
  return out;
}

const economicLeaves: Line[] = [
  ["30101", "基本工资", 168.2, 160.35, ""],
  ["30102", "津贴补贴", 142.6, 118.72, "人员个人车补调整至商品和服务支出列支"],
  ["30103", "奖金", 20.3, 19.8, ""],
  ["30107", "绩效工资", 95.4, 92.66, ""],
  ["30108", "机关事业单位基本养老保险缴费", 62.1, 60.84, ""],
  ["30110", "职工基本医疗保险缴费", 30.5, 29.52, ""],
  ["30113", "住房公积金", 41.4, 36.2, "部分人员公积金由原单位缴纳"],
  ["30199", "其他工资福利支出", 10, 10, ""],
  ["30201", "办公费", 29, 22.37, ""],
  ["30205", "水费", 4, 3.62, ""],
  ["30206", "电费", 12, 13.45, "乡政府办公楼空调更换后用电增加"],
  ["30211", "差旅费", 18, 15.8, ""],
  ["30215", "会议费", 3, 3.4, ""],
  ["30216", "培训费", 1, 0.45, "受疫情影响集中培训减少"],
  ["30217", "公务接待费", 4, 1.61, "严格执行公务接待制度，接待批次减少"],
  ["30226", "劳务费", 60, 71.2, "扶贫公益性岗位劳务费增加"],
  ["30228", "工会经费", 8.36, 8.1, ""],
  ["30231", "公务用车运行维护费", 3.09, 3.07, ""],
  ["30299", "其他商品和服务支出", 176.91, 212.44, "拨付村级资金及扶贫经费"],
  ["30304", "抚恤金", 0, 35.2, "干部抚恤金年初未做预算"],
  ["30305", "生活补助", 7.81, 9.54, ""],
  ["30306", "救济费", 0, 48.3, "救济费年初未做预算"],
  ["30309", "奖励金", "—", null, ""],
  ["30399", "其他对个人和家庭的补助", 0, 125.1, "退役士兵一次性补助年初未做预算"],
];
const economicParents = withParents(
  economicLeaves,
  [
    ["301", "工资福利支出"],
    ["302", "商品和服务支出"],
    ["303", "对个人和家庭的补助"],
  ],
  2,
);
const economicReasons: Record<string, string> = {
  "301": "人员个人车补部分放在商品和服务支出项目里",
  "302": "拨村级资金及扶贫经费开支等",
  "303": "退役士兵一次性补助、干部抚恤金、救济费等年初未做预算",
};

function economicSheet(): SheetSpec {
  const rows: SpecValue[][] = [
    ["绥宁县河口苗族乡人民政府2020年一般公共预算基本支出预决算对比表（按经济分类）"],
    [`编制单位：${SAMPLE_UNIT}`, null, null, null, "金额单位：万元"],
    ["科目编码", "科目名称", "年初预算数", "决算数", "差异原因"],
  ];
  for (const p of economicParents) {
    rows.push([p[0], p[1], p[2], p[3], economicReasons[p[0]] ?? ""]);
    for (const l of economicLeaves.filter((x) => x[0].startsWith(p[0]))) rows.push([l[0], `  ${l[1]}`, l[2], l[3], l[4]]);
  }
  const totalBudget = economicParents.reduce((a, p) => a.plus(d(p[2] as number)), new Decimal(0));
  const totalActual = economicParents.reduce((a, p) => a.plus(d(p[3] as number)), new Decimal(0));
  rows.push([null, "合计", totalBudget.toNumber(), totalActual.toFixed(2).replace(/^(\d)(\d{3})/, "$1,$2"), ""]);
  // Amounts typed as text, the way they arrive from copy-paste.
  const labour = rows.findIndex((r) => r[0] === "30226");
  rows[labour][3] = "71.20";
  return { name: "经济分类预决算", rows, merges: ["A1:E1"], widths: [12, 32, 14, 14, 40], numFmt: "#,##0.00" };
}

// 功能分类: 年初预算数, 全年预算数, 决算数 (合计 | 基本支出 | 项目支出).
const functionLeaves: Line[] = [
  ["2010301", "行政运行", 780, 820.3, 820.3, 820.3, 0],
  ["2010302", "一般行政管理事务", 300, 566.2, 566.2, 0, 566.2],
  ["2080505", "机关事业单位基本养老保险缴费支出", 62.1, 60.84, 60.84, 60.84, 0],
  ["2080801", "死亡抚恤", 0, 35.2, 35.2, 35.2, 0],
  ["2101101", "行政单位医疗", 30.5, 29.52, 29.52, 29.52, 0],
  ["2130504", "农村基础设施建设", 0, 150, 150, 0, 150],
  ["2130505", "生产发展", 200, 265.2, 265.2, 0, 265.2],
  ["2130599", "其他扶贫支出", 0, 898.08, 898.08, 0, 898.08],
  ["2130705", "对村民委员会和村党支部的补助", 400, 419.68, 419.68, 119.68, 300],
  ["2210201", "住房公积金", 41.4, 36.2, 36.2, 36.2, 0],
];
const functionParents = withParents(
  functionLeaves,
  [
    ["201", "一般公共服务支出"],
    ["20103", "政府办公厅（室）及相关机构事务"],
    ["208", "社会保障和就业支出"],
    ["20805", "行政事业单位养老支出"],
    ["20808", "抚恤"],
    ["210", "卫生健康支出"],
    ["21011", "行政事业单位医疗"],
    ["213", "农林水支出"],
    ["21305", "扶贫"],
    ["21307", "农村综合改革"],
    ["221", "住房保障支出"],
    ["22102", "住房改革支出"],
  ],
  5,
);

function functionSheet(): SheetSpec {
  const all = [...functionParents, ...functionLeaves].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const rows: SpecValue[][] = [
    ["2020年一般公共预算财政拨款支出决算表（按功能分类）"],
    [null, null, null, null, null, null, "单位：万元"],
    ["项目", null, "年初预算数", "全年预算数", "决算数", null, null],
    ["科目编码", "科目名称", null, null, "合计", "基本支出", "项目支出"],
  ];
  const classes = functionParents.filter((p) => p[0].length === 3);
  const total = Array.from({ length: 5 }, (_, i) => classes.reduce((a, p) => a.plus(d(p[2 + i] as number)), new Decimal(0)).toNumber());
  rows.push([null, "合计", ...total]);
  for (const l of all) rows.push([l[0], l[1], ...l.slice(2)]);
  // The clerk's typo: 1313.28 keyed as 1313.82.
  const poverty = rows.findIndex((r) => r[0] === "21305");
  rows[poverty][4] = 1313.82;
  return {
    name: "功能分类支出决算",
    rows,
    merges: ["A1:G1", "A3:B3", "C3:C4", "D3:D4", "E3:G3"],
    widths: [12, 34, 13, 13, 13, 13, 13],
    numFmt: "#,##0.00",
  };
}

function sangongSheet(): SheetSpec {
  return {
    name: "三公经费",
    rows: [
      ["2020年“三公”经费及会议费、培训费支出情况表"],
      [null, null, null, "单位：万元"],
      ["项目", "上年决算数", "本年预算数", "本年决算数", "增减原因"],
      ["“三公”经费合计", 13.75, 7.09, 4.68, "严格执行财务制度，控制公务接待及公车运行费用"],
      ["1.因公出国（境）费", 0, 0, 0, ""],
      ["2.公务用车购置及运行维护费", 8.65, 3.09, 3.07, "公车使用次数减少"],
      ["  其中：公务用车购置费", 0, 0, 0, ""],
      ["        公务用车运行维护费", 8.65, 3.09, 3.07, ""],
      ["3.公务接待费", 5.1, 4, 1.61, "接待批次减少"],
      ["会议费", 2.45, 3, 3.4, ""],
      ["培训费", 0.39, 1, 0.45, ""],
      ["办公经费", 27.25, 29, 22.37, ""],
    ],
    merges: ["A1:E1"],
    widths: [32, 13, 13, 13, 40],
    numFmt: "#,##0.00",
  };
}

function staffSheet(): SheetSpec {
  return {
    name: "人员情况",
    rows: [
      ["2020年人员编制及实有人数情况"],
      ["项目", "人数"],
      ["编制数", 54],
      ["  其中：行政编制", 29],
      ["        事业编制", 25],
      ["实有在职人数", 56],
      ["  其中：行政人员", 18],
      ["        事业人员", 38],
      ["公务用车保有量（辆）", 1],
      ["公务接待批次（次）", 36],
      ["公务接待人次（人次）", 421],
    ],
    widths: [28, 10],
  };
}

export function sampleWorkbook(): SheetSpec[] {
  return [economicSheet(), functionSheet(), sangongSheet(), staffSheet()];
}
