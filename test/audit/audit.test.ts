import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { auditText } from "../../src/core/audit/audit";
import { chineseNumeral, decText, tokenize } from "../../src/core/audit/numbers";
import { normaliseText } from "../../src/core/audit/normalise";
import { LABELLED } from "./labelled-sentences";
import { checkWorkbook, DEFAULT_SETTINGS, findingMessage } from "../../src/core";
import { grid } from "../support/grid";

const rulesOf = (text: string): string[] => [...new Set(auditText(text).findings.map((f) => f.rule as string))].sort();

describe("the labelled set: no false alarm, and the errors found", () => {
  test.each(LABELLED.map((x) => [x.text, x.expect]))("%s", (text, expected) => {
    expect(rulesOf(text as string)).toEqual([...(expected as string[])].sort());
  });

  test("precision and recall over the whole set", () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { text, expect: want } of LABELLED) {
      const got = rulesOf(text);
      tp += got.filter((r) => want.includes(r)).length;
      fp += got.filter((r) => !want.includes(r)).length;
      fn += want.filter((r) => !got.includes(r)).length;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
    expect(LABELLED.filter((x) => x.expect.length === 0).length).toBeGreaterThanOrEqual(25);
  });
});

describe("the two seed reports", () => {
  const seed = (n: string) => readFileSync(join(__dirname, "..", "fixtures", "seeds", n), "utf8");
  const brief = (text: string) => auditText(text).findings.map((f) => [f.rule, f.severity, f.cell, f.data.stated]);

  test("绥宁县河口苗族乡 2020: the unit written as 元, 增加 for a fall, 编制 parts that do not add up", () => {
    expect(brief(seed("000_318c1d131eeca38e.txt"))).toEqual([
      ["text-sum", "warning", "P21", "69人"], // 编制人数69人，其中行政编制29人，事业编制25人 (54)
      ["text-unit", "error", "P56", "3.07元"], // 本年数为3.07元 beside 上年数为8.65万元
      ["text-unit", "error", "P56", "3.07元"], // 决算数为3.07元 beside 预算 3.09万元
      ["text-direction", "error", "P56", "增加5.58万元"], // 3.07 万元 < 8.65 万元: a fall
    ]);
  });

  test("东山侗族乡 2019: 固定资产投资 twice, a repeated bonus item, a bonus its items do not give, 政协工作 2分/3分", () => {
    expect(brief(seed("003_7a3ec03304203a79.txt"))).toEqual([
      ["text-score", "error", "P17", "2分；3分"],
      ["duplicate-item", "error", "P40", "1.79亿；17168万元"],
      ["duplicate-item", "warning", "P54", "0.5分；0.5分"],
      ["text-sum", "error", "P54", "5.3分"], // items give 5.6 (5.1 without the repeat)
    ]);
  });
});

describe("reading numbers in text", () => {
  test("units, separators, full-width digits, Chinese numerals for counts, ranges", () => {
    const t = tokenize(
      normaliseText("收入3,120,000.00元，支出１２．５万元，投资1.79亿，五名干部，12项工作，5000-10000元，增长10.63%，得分5.3分，2020年"),
    );
    expect(t.map((x) => [decText(x.value), x.kind, x.unit, x.range])).toEqual([
      ["3120000.00", "money", "元", false],
      ["12.5", "money", "万元", false],
      ["1.79", "money", "亿元", false],
      ["5", "count", "名", false],
      ["12", "count", "项", false],
      ["5000", "money", "元", true],
      ["10.63", "percent", "%", false],
      ["5.3", "points", "分", false],
      ["2020", "year", "年", false],
    ]);
    expect([chineseNumeral("十二"), chineseNumeral("二十五"), chineseNumeral("一百零三"), chineseNumeral("两")]).toEqual([12, 25, 103, 2]);
  });

  test("unreadable claims are skipped and counted, not guessed", () => {
    const r = auditText("较上年增加0.61万元，增长10.63%。审批限额为5000-10000元。");
    expect(r.findings).toEqual([]);
    expect(r.skipped).toBeGreaterThanOrEqual(1);
  });

  test("property: never throws on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.constantFrom("万元", "元", "%", "分", "其中", "较上年增加", "减少", "，", "。", "（", "）", "12.5", "0", "人"), {
          maxLength: 30,
        }),
        (a, parts) => {
          const r = auditText(a + parts.join(""));
          expect(r.sentences).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

test("a change against the budget said without the budget figure is checked against the workbook's 预算 (淮北市杜集区政府办 2021)", () => {
  // Table and text as published: http://bigelectronix.com/zwgk/public/35/64546609.html (mirror of the 2021 决算公开 of
  // 淮北市杜集区人民政府办公室). The text's three comparisons with the budget are all wrong against its own table.
  const workbook = checkWorkbook(
    [
      grid("三公经费决算", [
        ["2021年度一般公共预算财政拨款“三公”经费支出决算表"],
        ["编制单位：淮北市杜集区人民政府办公室", null, "单位：万元"],
        ["项 目", "预 算 数", "决 算 数"],
        ["合 计", 49.9, 7.69],
        ["因公出国(境)费", 20],
        ["公务接待费", 14.9, 5.21],
        ["公务用车购置及运行维护费", 15, 2.48],
        ["其中：公务用车运行维护费", 15, 2.48],
        ["公务用车购置费"],
      ]),
    ],
    DEFAULT_SETTINGS,
  );
  const published =
    "2021年度一般公共预算财政拨款“三公”经费支出7.69万元。其中：因公出国（境）费支出0万元，与2021年度预算相比无增减；" +
    "公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元，下降0.006%；公务用车购置及运行维护费支出2.48万元，与2021年度预算相比无变化。";
  const found = auditText(published, workbook).findings;
  expect(found.map((f) => [f.rule, f.data.expected])).toEqual([
    ["text-vs-table", "预算20.00万元（三公经费决算!B5），应为减少20.00万元"],
    ["text-vs-table", "预算14.90万元（三公经费决算!B6），应为减少9.69万元"],
    ["text-vs-table", "预算15.00万元（三公经费决算!B7），应为减少12.52万元"],
  ]);
  // the same sentences written right raise nothing; without the workbook the text alone cannot tell
  const right = published
    .replace("无增减", "减少20万元")
    .replace("减少0.1万元，下降0.006%", "减少9.69万元，下降65.03%")
    .replace("无变化", "减少12.52万元");
  expect(auditText(right, workbook).findings).toEqual([]);
  expect(auditText(published).findings.filter((f) => f.rule === "text-vs-table")).toEqual([]);
  // a mistyped 决算 (7.69 → 7.96) is blamed itself, against the table's 合计 row; the right rate worked out from the right
  // figures (15.41%) is not called wrong
  const typo = auditText("2021年度一般公共预算财政拨款“三公”经费支出预算为49.90万元，支出决算为7.96万元，完成预算的15.41%。", workbook);
  expect(typo.findings.map((f) => [f.rule, f.data.stated, f.data.expected])).toEqual([
    ["text-vs-table", "7.96万元", "7.69万元（三公经费决算!C4）"],
  ]);
});

test("each item on a numbered line of its own, the year only in the comparison: still against the workbook's 预算 (杜集区 2021)", () => {
  // The same 决算公开 as above, its items as the page prints them: one numbered line each under "具体情况如下：".
  const workbook = checkWorkbook(
    [
      grid("三公决算", [
        ["2021年度一般公共预算财政拨款“三公”经费支出决算表"],
        [null, null, "单位:万元"],
        ["项 目", "预 算 数", "决 算 数"],
        ["合 计", 49.9, 7.69],
        ["因公出国(境)费", 20],
        ["公务接待费", 14.9, 5.21],
        ["公务用车购置及运行维护费", 15, 2.48],
      ]),
    ],
    DEFAULT_SETTINGS,
  );
  const published = [
    "具体情况如下：",
    "1.因公出国（境）费支出0万元，与2021年度预算相比无增减。",
    "2.公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元，下降0.006%，下降的原因是厉行节约。",
    "3.公务用车购置及运行维护费支出2.48万元，与2021年度预算相比无变化。",
  ].join("\n");
  expect(auditText(published, workbook).findings.map((f) => [f.rule, f.data.expected])).toEqual([
    ["text-vs-table", "预算20.00万元（三公决算!B5），应为减少20.00万元"],
    ["text-vs-table", "预算14.90万元（三公决算!B6），应为减少9.69万元"],
    ["text-vs-table", "预算15.00万元（三公决算!B7），应为减少12.52万元"],
  ]);
});

test("an item listed under 项目支出 is not the same item of a 基本支出 table (梧州 unit, 2024 部门预算)", () => {
  // Text as published: http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1412/upload20240311/C443CF594F700D82110193222E29D217.html
  // (a 梧州 unit's 2024 部门预算说明, in 元); the 基本支出表 holds the 基本支出 figures the text gives.
  const workbook = checkWorkbook(
    [
      grid("基本支出表", [
        ["2024年一般公共预算基本支出表"],
        [null, null, null, "单位：元"],
        ["经济分类科目编码", "科目名称", "2024年预算数"],
        [null, "合计", 2476260.58],
        ["301", "工资福利支出", 2016908.34],
        ["302", "商品和服务支出", 445372.24],
        ["303", "对个人和家庭的补助", 13980],
      ]),
    ],
    DEFAULT_SETTINGS,
  );
  const text = [
    "1. 基本支出预算2476260.58元。其中：",
    "工资福利支出预算2016908.34元，占基本支出预算81.45%。",
    "商品和服务支出预算445372.24元，占基本支出预算17.99%。",
    "对个人和家庭补助支出预算13980元，占基本支出预算0.56%。",
    "2. 项目支出469500元。其中：",
    "工资福利支出12000元，占项目支出预算2.56%。",
    "商品和服务支出426000元，占项目支出预算90.73%。",
    "资本性支出31500元，占项目支出预算6.71%。",
  ].join("\n");
  expect(auditText(text, workbook).findings).toEqual([]);
  // The 基本支出 items are still held against the table: 2016908.34 typed 2016980.34 is found.
  const typo = auditText(text.replace("2016908.34", "2016980.34"), workbook).findings;
  expect(typo.map((f) => [f.rule, f.data.tableCell])).toContainEqual(["text-vs-table", "C5"]);
});

test("a rate that fits a change one digit slip away says so: the change may be the mistyped figure", () => {
  // A 保健院's 2020 决算说明 (https://dyrmt.com/article-117135-3.html): "增加540.23万元，增长50.28%" as published, with
  // the change typed 450.23 in a copy.
  const published = "2020年财政拨款收入总计1614.63万元，与2019年相比增加540.23万元，增长50.28%。";
  expect(auditText(published).findings).toEqual([]);
  const [f, ...rest] = auditText(published.replace("540.23", "450.23")).findings;
  expect(rest).toEqual([]);
  expect(f.data).toMatchObject({ stated: "50.28%", likelyChange: "540.23万元", slipKind: "transposed" });
  // A rate wrong by itself (50.28% typed 52.08%) gets no such hint: no change one slip away fits it.
  const [g] = auditText(published.replace("50.28%", "52.08%")).findings;
  expect(g.rule).toBe("text-rate");
  expect(g.data.likelyChange).toBeUndefined();
});

test("a 各…各 item spread over two sentences is quoted through the sentence of the figure found wrong", () => {
  // A 四川 unit's 2022 决算说明 (test/audit/corpus/real.json): 2570.97 ÷ 6714.88 = 38.2877 %, printed 38.28 %.
  const text = "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。";
  const [f] = auditText(text).findings;
  expect(f.data.stated).toBe("38.28%");
  expect(f.data.quote).toContain("各下降23.51%、38.28%");
});

/** Sentences published as they stand, each once read wrong (newuser5, 2026-11): no finding, or only the true one. */
describe("published text that is right where the audit once said it was not", () => {
  test("a total of another year in the next paragraph is no total of this year's items (中国青年报, 2015 中央决算)", () => {
    // http://zqb.cyol.com/html/2016-06/30/nw.D110000zgqnb_20160630_2-03.htm
    const text = [
      "报告显示,2015年中央行政事业单位财政拨款的“三公”经费支出合计53.73亿元,比预算数减少9.43亿元。“三公”经费中,因公出国(境)经费" +
        "17.44亿元,比预算数减少1.94亿元;公务用车购置及运行费30.87亿元,减少3.72亿元;公务接待费5.42亿元,减少3.77亿元。",
      "据了解,2013年中央“三公”经费合计70.15亿元,2014年为58.8亿元。",
    ].join("\n");
    expect(auditText(text).findings).toEqual([]);
    // Nor a 预算 total of the same year in a paragraph of its own, against 决算 items of no stated kind.
    const budget =
      "2023年“三公”经费支出6.00万元,其中因公出国(境)经费1.00万元,公务用车购置及运行费3.00万元,公务接待费2.00万元。\n" +
      "2023年“三公”经费预算合计9.00万元。";
    expect(auditText(budget).findings).toEqual([]);
    // The same items under a total of their own year that does not add up are still found.
    expect(auditText(budget.replace("支出6.00万元", "支出7.00万元")).findings.map((f) => f.data.check)).toContain("parts-sum");
  });

  test("a 占收入预算总额的 share is of that total, not of the head of a 包括 list left open (上犹县寺下镇 2022)", () => {
    // http://www.shangyou.gov.cn/syxxxgk/czyjsqgnch/202204/6ad0842e7a9f4b0c80d973c96b936e17.shtml — the page's 90.3% is
    // itself wrong (7000 ÷ 7783.26 = 89.94%: the 上年结转 31.46 was left out of the split); the finding must say so.
    const text =
      "2022年上犹县寺下镇人民政府收入预算总额为7783.26万元,比上年收入预算总额增加7122.54万元,增长1078%。" +
      "其中:财政拨款收入751.8万元,占收入预算总额的9.7%,包括一般公共预算收入751.8万元;其他收入7000万元,占收入预算总额的90.3%;";
    const found = auditText(text).findings;
    expect(found.map((f) => [f.data.check, f.data.stated, f.data.expected, f.data.denominator])).toEqual([
      ["share", "90.3%", "89.94", "7783.26万元"],
    ]);
    expect(auditText(text.replace("90.3%", "89.9%")).findings).toEqual([]);
  });

  test("shares of different splits or of each item's own kind are not added up (2015 and 2023 全国政府采购)", () => {
    // http://www.anatanomikataha.cn/xwzx/PoliticsNews/201608/t20160813_11536608.htm (京华时报, mirror)
    const byKindAndMethod =
      "从政府采购结构来看,货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元,占全国政府采购规模的比重为 31.2%、" +
      "52.9%和15.9%。从政府采购方式和组织形式来看,公开招标规模占政府采购总规模的比重下降,分散采购占政府采购总规模的比重上升。" +
      "公开招标金额为16413.5亿元,占全国政府采购规模的77.9%,公开招标仍占主导地位。";
    expect(auditText(byKindAndMethod).findings).toEqual([]);
    // http://yblygrz.cn/html/2024-09/18/content_178451.html (人民日报, mirror)
    const ownKind =
      "在支持绿色发展方面,2023年全国强制采购、优先采购节能节水产品357.2亿元,占同类产品采购规模的83.9%;优先采购环保产品575.1亿元," +
      "占同类产品采购规模的84.9%。";
    expect(auditText(ownKind).findings).toEqual([]);
  });

  test("retired staff named after a count of staff in post are not its parts (天水市幼儿园 2017)", () => {
    // http://www.kmxxf.com/jyj/info/1217/105784.htm (mirror): 4+25+23+3+3+3+1 = 62.
    const text =
      "核定人员编制71人,实际正式教职工62人,其中副高级职称4人,中级职称25人,初级职称23人,管理人员3人,技师3人,高级工3人,中级工1人,退休职工28人。";
    expect(auditText(text).findings).toEqual([]);
    expect(auditText(text.replace("中级职称25人", "中级职称52人")).findings.map((f) => f.rule)).toEqual(["text-sum"]);
  });

  test("a 其中 list the next sentence says goes on (此外，还拨付…) misses nothing (广州市本级 2009 决算)", () => {
    // http://group.lc1001.com/topic/4271939.html (信息时报 repost)
    const text =
      "在市本级一般预算支出中,民生和各项公共事业实际支出236亿元,约占市本级一般预算支出的74.2%。张杰明介绍,其中教育支出30.9亿元," +
      "文化体育与传媒支出20.9亿元,社会保障和就业41.8亿元,医疗卫生支出22.1亿元,城乡社区事务支出21.3亿元,农林水事务支出4.4亿元," +
      "公共安全支出32.7亿元,环境保护支出3.3亿元。此外,还拨付公交地铁票务优惠6亿元、公交行业财政补贴4.3亿元。";
    expect(auditText(text).findings).toEqual([]);
  });
});

test("a finding in a long sentence quotes the words around the figure it is about (绵竹市 2025 三公经费预算)", () => {
  // https://www.mz.gov.cn/gk/zfxxgk/fdzdnr/ysjs/bmys/2025nfjbmysxxgk/mzfbjsgjbczb/1620432.htm, with 下降4.7% typed 7.4%.
  const text =
    "根据《中华人民共和国预算法》、《中华人民共和国预算法实施条例》和四川省财政厅《关于印发四川省预决算公开操作规程(2022年修订)的通知》" +
    "(川财预〔2022〕12号)的有关规定,经绵竹市财政局汇总,2025年全市行政单位(含参照公务员法管理的事业单位)、事业单位和其他单位使用财政拨款" +
    "安排“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%;其中:因公出国(境)经费40万元,较上年持平;" +
    "公务接待费242万元,较上年减少12万元,下降4.7%;公务用车购置及运行维护费1687万元,较上年减少209万元,下降11%。";
  expect(auditText(text).findings).toEqual([]);
  const [f] = auditText(text.replace("下降4.7%", "下降7.4%")).findings;
  expect(f.data.stated).toBe("7.4%");
  expect(f.data.quote).toMatch(/^……/);
  expect(f.data.quote).toContain("较上年减少12万元，下降7.4%");
});

test("a rate whose year's amount is in the sentence before is checked against it, and only then (临沧 2018 “三公”经费)", () => {
  // https://lincang.gov.cn/zfxxgk_lcs_czj/artview/959/316343.html: 0.06 ÷ (2.7 + 0.06) = 2.17%, not 0.02%.
  const said = "2018年财政拨款“三公”经费预算总额为2.7万元。\n2018年“三公”经费预算数比2017年预算数减少0.06万元，减幅0.02%。";
  const f = auditText(said).findings.filter((x) => x.rule === "text-rate");
  expect(f.map((x) => [x.data.stated, x.data.expected])).toEqual([["0.02%", "2.17"]]);
  expect(auditText(said.replace("0.02%", "2.17%")).findings).toEqual([]);
  // Another year, a 决算 where the change compares 预算, or the item stated again in between: no base to take.
  expect(auditText(said.replace("2018年财政", "2017年财政")).findings).toEqual([]);
  expect(auditText(said.replace("预算总额为", "支出决算为")).findings).toEqual([]);
  const between = said.replace("\n", "“三公”经费预算比上年有所减少。\n");
  expect(auditText(between).findings.filter((x) => x.rule === "text-rate")).toEqual([]);
});

describe("福建省级“三公”经费 2016 (http://finance.3news.cn/gn/2017/0830/213068.html)", () => {
  const car =
    "公务用车购置及运行费1.41亿元,包括公务用车购置费0.14亿元和公务用车运行费1.27亿元,与2015年相比,分别减少0.18亿元和0.56亿元," +
    "下降133.1%和43.7%。";
  const check = (text: string) => auditText(text).findings.map((f) => [f.data.check, f.data.stated, f.data.expected, f.data.denominator]);

  test("a 分别 run without names goes on from the items named one by one before it, each with its amount", () => {
    // 0.18 ÷ (0.14 + 0.18) = 56.25%, 0.56 ÷ (1.27 + 0.56) = 30.60%: a fall of 133.1% is impossible on its face.
    expect(check(car)).toEqual([
      ["change-rate", "133.1%", "56.25", "0.32亿元"],
      ["change-rate", "43.7%", "30.60", "1.83亿元"],
    ]);
    expect(check(car.replace("133.1%和43.7%", "56.3%和30.6%"))).toEqual([]);
    // Amounts said with commas between them are not one run of items (收入…，支出…): the rates are left alone.
    expect(check(car.replace("0.14亿元和公务用车运行费", "0.14亿元,公务用车运行费"))).toEqual([]);
    // 、-joined items, and a 较上年 before 分别 (a comparison names no items).
    const three =
      "因公出国费0.50万元、公务接待费1.20万元、公务用车运行维护费3.40万元，较上年分别减少0.10万元、0.20万元和0.30万元，" +
      "分别下降16.67%、14.29%和8.11%。";
    expect(check(three)).toEqual([]);
    expect(check(three.replace("8.11%", "9.11%"))).toEqual([["change-rate", "9.11%", "8.11", "3.70万元"]]);
  });

  test("a bare comparison after an item's sentence is the item's when its total's change was said already", () => {
    const text =
      "2016年省级“三公”经费支出2.29亿元,比上年减少支出0.88亿元。\n其中,因公出国(境)费0.61亿元。比2015年减少48.45万元,下降0.8%;" +
      "公务接待费0.27亿元,比2015年减少0.14亿元,下降34.1%。";
    // 48.45万元 ÷ (0.61亿元 + 48.45万元) = 0.79%, not 48.45 ÷ (2.29亿元 + 48.45万元) = 0.21%.
    expect(check(text)).toEqual([]);
    expect(check(text.replace("下降0.8%", "下降0.5%"))).toEqual([["change-rate", "0.5%", "0.79", "6148.45万元"]]);
  });

  test("a bare comparison after a list's last part that fits the part is not called wrong for the total", () => {
    const text = "2023年“三公”经费支出10.00万元，其中：公务接待费3.00万元。比上年减少2.00万元，下降40%。";
    // 2 ÷ (3 + 2) = 40% (the part's), 2 ÷ (10 + 2) = 16.67% (the total's): either reading is the writer's, neither is wrong.
    expect(check(text)).toEqual([]);
    expect(check(text.replace("40%", "16.67%"))).toEqual([]);
    expect(check(text.replace("40%", "30%"))).toEqual([["change-rate", "30%", "16.67", "12.00万元"]]);
  });

  test("a fall of more than 100% of spending or income is wrong on its face; of a balance it is not", () => {
    expect(check("公务接待费比上年下降133.1%。")).toEqual([["fall-over-100", "133.1%", "100", undefined]]);
    expect(check("政府性基金预算收入比上年下降150%。")).toEqual([["fall-over-100", "150%", "100", undefined]]);
    // A rise, a fall to nothing, and what can turn negative (a balance, a difference) are left alone.
    expect(check("公务接待费比上年增长133.1%。")).toEqual([]);
    expect(check("公务用车购置费较上年下降100%，本年未购置公务用车。")).toEqual([]);
    expect(check("一般公共预算收支差额比上年下降120%。")).toEqual([]);
    expect(check("上年结转结余资金下降120%。")).toEqual([]);
  });

  test("parts of “三公”经费 with one of its three left out are some of its parts, not all", () => {
    const text = "2016年“三公”经费支出2.29亿元。其中,因公出国(境)费0.61亿元,公务用车购置及运行费1.41亿元。";
    expect(check(text)).toEqual([]);
    expect(check(text.replace("1.41亿元。", "1.41亿元,公务接待费0.27亿元。").replace("0.61", "0.16"))).toEqual([
      ["parts-sum", "2.29亿元", "1.84亿元", undefined],
    ]);
  });
});

describe("sentences a review found misread (2026-11-24)", () => {
  const check = (text: string) => auditText(text).findings.map((f) => [f.data.check, f.data.stated, f.data.expected]);

  test("下降为/减少到/降至 before an amount is the level reached, not the change; 由上年的… is the comparison", () => {
    for (const text of [
      "公务接待费由上年的10万元减少为8万元，降幅为20%。",
      "公务接待费由上年10万元减少到8万元，降幅20%。",
      "公务接待费从上年的10万元降至8万元，降幅达20%。",
      "一般公共预算支出由上年的1000万元增加为1200万元，增幅为20%。",
      "公务接待费支出8万元，比上年的10万元下降为8万元。",
    ])
      expect(check(text)).toEqual([]);
    expect(check("一般公共预算支出由上年的1000万元增加为1200万元，增幅为25%。")).toEqual([["change-rate", "25%", "20.00"]]);
  });

  test("a list ending in 等 or led by 重点用于 names some parts, not all", () => {
    for (const text of [
      "2023年项目支出1000万元，具体为：教育项目300万元、卫生项目500万元等。",
      "2023年项目支出1000万元，具体为：教育项目300万元、卫生项目500万元等项目。",
      "2023年项目支出1000万元，具体是：重点用于教育项目300万元、卫生项目500万元。",
      "2023年项目支出1000万元，包括：教育项目300万元、卫生项目500万元等。",
    ])
      expect(check(text)).toEqual([]);
    expect(check("2023年项目支出1000万元，具体为：教育项目300万元、卫生项目500万元，其他项目300万元。")).toEqual([
      ["parts-sum", "1000万元", "1100万元"],
    ]);
  });

  test("去年 that follows this year's amount is the base, not the year spoken of", () => {
    const text = "2023年全县一般公共预算支出1000万元，去年支出900万元，同比增加100万元，增长11.1%。";
    expect(check(text)).toEqual([]);
    expect(check(text.replace("增加100万元", "增加200万元"))).toEqual([["change-amount", "200万元", "100万元"]]);
  });

  test("收、支总计各增加X，增长Y% (the national template's words) is checked against the totals said before", () => {
    const text = "2023年度收入总计1523.46万元，支出总计1523.46万元。与2022年度相比，收、支总计各增加103.46万元，增长7.29%。";
    expect(check(text)).toEqual([]);
    expect(check(text.replace("7.29%", "7.92%"))).toEqual([["change-rate", "7.92%", "7.29"]]);
    expect(check("2023年度收、支总计均为1523.46万元。与2022年度相比，收、支总计各增加103.46万元，增长7.92%。")).toEqual([
      ["change-rate", "7.92%", "7.29"],
    ]);
    const fiscal =
      "2023年度财政拨款收入总计1380.00万元，财政拨款支出总计1380.00万元。与上年相比，财政拨款收入、支出总计各增加80.00万元，增长6.15%。";
    expect(check(fiscal)).toEqual([]);
    expect(check(fiscal.replace("6.15%", "6.51%"))).toEqual([["change-rate", "6.51%", "6.15"]]);
  });

  test("a 其中 list far short of its total names the main parts; one that adds up to another amount of the sentence breaks that down", () => {
    const main =
      "全县一般公共预算支出完成286450万元，为调整预算的96.8%，同比增长4.1%。其中：教育支出62380万元，增长5.2%；" +
      "社会保障和就业支出45210万元，增长7.8%；卫生健康支出31560万元，下降2.3%；农林水支出52340万元，增长3.6%。";
    expect(check(main)).toEqual([]);
    const debt =
      "2023年末，全县政府债务余额586320万元，控制在省核定的债务限额612000万元以内。其中：一般债务余额236320万元，专项债务余额350000万元。";
    expect(check(debt)).toEqual([]);
    // Near the total but short of it: still asked about.
    expect(check("2023年收入总计1500万元，具体为财政拨款收入1200万元、事业收入200万元。")).toEqual([["parts-sum", "1500万元", "1400万元"]]);
  });

  test("a 预算执行率 of the funds that arrived (支出 ÷ 到位资金) is not called wrong for the budget", () => {
    const text = "该项目预算资金300.00万元，实际到位资金280.00万元，资金到位率93.33%；实际支出266.00万元，预算执行率95.00%。";
    expect(check(text)).toEqual([]);
    // Fitting neither the budget (88.67%) nor the funds received (95.00%): said, against the budget.
    expect(check(text.replace("95.00%", "92.00%"))).toEqual([["completion", "92.00%", "88.67"]]);
    // The 到位率 itself: funds received over the budget, 280 ÷ 300.
    expect(check(text.replace("93.33%", "95.33%"))).toEqual([["completion", "95.33%", "93.33"]]);
    expect(auditText(text.replace("93.33%", "95.33%")).findings.map((f) => findingMessage(f))[0]).toMatch(/到位率应为93\.33%/);
  });

  test("a direction finding quotes the rate's words as written (增幅为-25%, not 增长-25%)", () => {
    const found = auditText("2023年公务用车运行维护费12万元，比上年增加3万元，增幅为-25%。").findings;
    expect(found.map((f) => f.data.stated)).toEqual(["增加3万元……增幅为-25%"]);
  });

  test("shares of siblings that are the whole (三公's three items, or shares adding to 100%) are each checked against their sum", () => {
    // 寿县文物保护中心 2023 (https://www.shouxian.gov.cn/public/118322773/1260348611.html): the two shares swapped.
    const shouxian =
      "安徽省寿县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出决算中，公务接待费支出决算0.53万元，占69%；" +
      "公务用车购置及运行维护费支出决算1.18万元，占31%。";
    expect(check(shouxian)).toEqual([
      ["share-of-siblings", "69%", "30.99"],
      ["share-of-siblings", "31%", "69.01"],
    ]);
    expect(auditText(shouxian).findings.map((f) => findingMessage(f))[0]).toMatch(/占比应为30\.99%（0\.53万元÷所列各项之和1\.71万元/);
    expect(check(shouxian.replace("占69%", "占@").replace("占31%", "占69%").replace("占@", "占31%"))).toEqual([]);
    // 寻甸县塘子街道办事处 2023 (http://www.kmxd.gov.cn/c/2024-08-26/6893569.shtml): the items' completion rates written as their shares.
    const kunming =
      "2023年度一般公共预算财政拨款“三公”经费支出决算中，因公出国（境）费支出0万元，占0.00%；" +
      "公务用车购置及运行维护费支出4.02万元，占89.33%；公务接待费支出7.94万元，占39.7%。";
    expect(check(kunming)).toEqual([
      ["share-of-siblings", "89.33%", "33.61"],
      ["share-of-siblings", "39.7%", "66.39"],
      ["shares-total", "0.00%+89.33%+39.7%", "100%"],
    ]);
    expect(check(kunming.replace("89.33%", "33.61%").replace("39.7%", "66.39%"))).toEqual([]);
    // Two items whose shares add to less than 100% are not the whole: nothing to check them against.
    expect(check("2023年度“三公”经费支出决算中，公务接待费支出0.53万元，占20%；公务用车运行维护费支出1.18万元，占45%。")).toEqual([]);
  });

  test("a 支付率 after the amount paid and the amount left unpaid is paid ÷ (paid + unpaid); a 结余 is not the rest of a budget", () => {
    // A county 乡村振兴 自评报告, year given as 20xx (http://zuowen.c321.cn/baogao/6496317.html): 18501.096 ÷ 19204.096 = 96.34%, said 95%.
    expect(check("巩固拓展脱贫攻坚成果和乡村振兴建设任务资金支付18501.096万元，未支703万元，支付率95%。")).toEqual([
      ["completion-paid", "95%", "96.34"],
    ]);
    expect(check("巩固拓展脱贫攻坚成果和乡村振兴建设任务资金支付18501.096万元，未支703万元，支付率96%。")).toEqual([]);
    expect(check("已支付资金1200万元，未支付300万元，支付率85%。")).toEqual([["completion-paid", "85%", "80.00"]]);
    expect(check("项目资金共2179万元，已完成拨付2113.63万元，尚未拨付65.37万元，执行率97%。")).toEqual([]);
    // 年末结余 holds carry-over and other income too: 支出 + 结余 is not the budget, so the rate is not checked against it.
    expect(check("项目支出1200万元，结余300万元，预算执行率85%。")).toEqual([]);
  });

  test("the template's 增加（减少） left in: 0 against 0 is still a rate on a zero base", () => {
    // 西安市新城区卫生和计划生育局 2019 预算 (http://www.xincheng.gov.cn/zwgk/zdxxgk/czxx/gdwsgjf/5de0a50bfd8508098d0afee3.html).
    expect(check("1、因公出国(境)经费0万元,较上年增加(减少)0万元(0%)。")).toEqual([
      ["base-zero", "0%", "不计算增减率（可写“新增”或“上年无此项”）"],
    ]);
    // Either direction fits one reading (5 − 4 = 1 is 25% up, 5 − 6 = −1 is 16.67% down): nothing said.
    expect(check("公务接待费5万元，较上年增加（减少）1万元，增长（下降）25%。")).toEqual([]);
  });

  test("a quantity indicator's 完成率 is the actual over the target, counted in the same unit (绩效 reports)", () => {
    // Written from the 项目支出绩效自评表 wording (年度指标值 / 实际完成值 / 完成率); each figure worked out by hand.
    expect(check("计划硬化道路10公里，实际完成9.5公里，完成率95%。")).toEqual([]);
    expect(check("计划硬化道路10公里，实际完成9.5公里，完成率85%。")).toEqual([["completion-count", "85%", "95.00"]]);
    expect(check("年度目标培训农民200人次，实际培训210人次，完成率95%。")).toEqual([["completion-count", "95%", "105.00"]]);
    // More done than planned, written as the indicator's cap of 100%; a ceiling target; two units; money: none of them.
    expect(check("年度目标培训农民200人次，实际培训210人次，完成率100%。")).toEqual([]);
    expect(check("投诉次数计划控制在5次以内，实际发生3次，完成率100%。")).toEqual([]);
    expect(check("计划培训200人次、硬化道路10公里，实际培训180人次，完成率90%。")).toEqual([]);
    expect(check("计划投资100万元，实际完成投资90万元，完成率90%。")).toEqual([]);
  });

  test("a 加上： chain adds neither a bracketed breakdown of an addend nor its change", () => {
    for (const text of [
      "本年收入合计1000万元，加上：上年结转和结余200万元（基本支出结转100万元），收入总计1200万元。",
      "本年收入合计1000万元，加上：上年结转和结余200万元，比上年增加20万元，收入总计1200万元。",
      "本年收入合计1000万元，加上上年结转和结余200万元（基本支出结转100万元），收入总计1200万元。",
    ])
      expect(check(text)).toEqual([]);
    expect(check("本年收入合计1000万元，加上：上年结转和结余200万元，比上年增加20万元，收入总计1300万元。")).toEqual([
      ["plus-chain", "1300万元", "1200万元"],
    ]);
  });
});
