import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook as analyzeWorkbook, auditText, buildReport, reportText } from "../../src/core";
import type { CheckResult as Analysis, ReportModel, TemplateId } from "../../src/core";
import { checkNumbers } from "../../src/core/report/self-check";
import { DEFAULT_SETTINGS } from "../../src/core/run/settings";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { reportBuffer, WINDOWS_FONTS } from "../../src/word/render-docx";
import { sampleWorkbook } from "../../scripts/sample-workbook";
import type { SheetSpec } from "../../scripts/workbook-builder";
import { FIXTURES } from "../fixtures/variations";
import { SCORING_FIXTURES } from "../fixtures/scoring-sheets";
import { WRONG_CLASS, withCells } from "../support/grid";
import { cli, tmp, writeFixture } from "../support/run-cli";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const st = { unit: "万元" as const, decimals: 2 };
const analyse = async (sheets: SheetSpec[] | string): Promise<Analysis> => {
  const path = typeof sheets === "string" ? sheets : await writeFixture(sheets);
  return analyzeWorkbook(await readWorkbookGrids(readFileSync(path), "x.xlsx"), DEFAULT_SETTINGS);
};

/** The written .docx, opened: its paragraphs as text, the raw XML for layout checks, and its parts. */
async function openDocx(model: ReportModel, fonts = undefined as typeof WINDOWS_FONTS | undefined) {
  const zip = await JSZip.loadAsync(await reportBuffer(model, fonts));
  const xml = await zip.file("word/document.xml")!.async("string");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decode([...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /word\/footer\d*\.xml/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  return { zip, xml, paragraphs, footer: footers.join("") };
}
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

describe("the sample's reports, written and opened", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyse(SAMPLE);
  });

  test("绩效评价报告: the six parts in order; the title broken between the unit and the report's name", async () => {
    const m = buildReport("performance", a, DEFAULT_SETTINGS);
    const { paragraphs, xml } = await openDocx(m);
    const parts = [
      "一、部门概况",
      "二、部门整体支出管理及使用情况",
      "三、绩效评价工作情况",
      "四、部门整体支出绩效情况",
      "五、存在的主要问题",
      "六、改进措施和有关建议",
    ];
    const at = parts.map((p) => paragraphs.indexOf(p));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(m.titleLines).toEqual(["绥宁县河口苗族乡人民政府", "2020年部门整体支出绩效评价报告"]);
    expect(paragraphs[0]).toBe("绥宁县河口苗族乡人民政府2020年部门整体支出绩效评价报告");
    expect(xml).toMatch(/绥宁县河口苗族乡人民政府<\/w:t><\/w:r><w:r>[\s\S]*?<w:br\/><w:t[^>]*>2020年部门整体支出绩效评价报告/);
    for (const sub of ["（一）部门整体支出情况", "（二）基本支出", "（三）项目支出", "（四）“三公”经费", "（五）会议费、培训费和办公经费"])
      expect(paragraphs).toContain(sub);
  });

  test("绩效评价报告: 部门整体 is the 功能分类 total; 基本支出 with its 类, differences and the workbook's reasons", async () => {
    const text = (await openDocx(buildReport("performance", a, DEFAULT_SETTINGS))).paragraphs.join("\n");
    expect(text).toContain(
      "本部门编制54人（其中行政编制29人、事业编制25人），年末实有在职人员56人（其中行政18人、事业38人）。实有在职人员超出编制2人。",
    );
    expect(text).toContain(
      "2020年度部门整体支出（一般公共预算财政拨款）年初预算为1814.00万元，全年预算为3281.22万元，支出决算为3281.22万元，完成年初预算的180.88%、全年预算的100.00%。",
    );
    expect(text).toContain("其中基本支出1101.74万元，占33.58%；项目支出2179.48万元，占66.42%。");
    expect(text).toContain(
      "基本支出年初预算为897.67万元，支出决算为1101.74万元，完成年初预算的122.73%，决算数较年初预算数增加204.07万元。",
    );
    expect(text).toContain("其中人员经费746.23万元，占67.73%；公用经费355.51万元，占32.27%。");
    expect(text).toContain(
      "工资福利支出年初预算为570.50万元，支出决算为528.09万元，完成年初预算的92.57%，决算数较年初预算数减少42.41万元，主要原因是人员个人车补部分放在商品和服务支出项目里。",
    );
    // zero budget: no completion rate; the reason from the 差异原因 column
    expect(text).toContain("救济费（30306）。年初未安排预算，支出决算为48.30万元，主要原因是救济费年初未做预算。");
    // a line with no reason in the workbook: one placeholder for the whole reason
    expect(text).toContain(
      "办公费（30201）。年初预算为29.00万元，支出决算为22.37万元，完成年初预算的77.14%，决算数较年初预算数减少6.63万元，主要原因是【请填写：办公费决算数小于年初预算数的原因】。",
    );
    // the rest summarised once
    expect(text).toMatch(/其余9个科目决算数与年初预算数差异较小，完成年初预算的比例分别为：基本工资95\.33%/);
    // 三公: budget, last year, the 增减原因 column explains the change from last year, statistics from the staff sheet
    expect(text).toContain(
      "2020年度财政拨款“三公”经费支出预算为7.09万元，支出决算为4.68万元，完成预算的66.01%；较上年减少9.07万元，下降65.96%。",
    );
    expect(text).toContain("决算数较上年减少的主要原因是严格执行财务制度，控制公务接待及公车运行费用。");
    expect(text).toContain("因公出国（境）费无支出。");
    expect(text).toContain("截至2020年12月31日，公务用车保有量为1辆。");
    expect(text).toContain("国内公务接待36批次、421人次。");
    expect(text).toContain("会议费预算为3.00万元，支出决算为3.40万元，完成预算的113.33%；较上年增加0.95万元，增长38.78%。");
    expect(text).toContain("办公经费预算为29.00万元，支出决算为22.37万元，完成预算的77.14%；较上年减少4.88万元，下降17.91%。");
    expect(text).not.toMatch(/增长100(\.00)?%/);
    expect(text).not.toMatch(/0\.00万元，支出决算为0\.00万元/);
  });

  test("决算说明: the national shape — four parts, fourteen sections in order", async () => {
    const { paragraphs } = await openDocx(buildReport("final-accounts", a, DEFAULT_SETTINGS));
    const parts = [
      "第一部分\u3000部门概况",
      "第二部分\u30002020年度部门决算表",
      "第三部分\u30002020年度部门决算情况说明",
      "第四部分\u3000名词解释",
    ];
    const sections = [
      "一、收入支出决算总体情况说明",
      "二、收入决算情况说明",
      "三、支出决算情况说明",
      "四、财政拨款收入支出决算总体情况说明",
      "五、一般公共预算财政拨款支出决算情况说明",
      "六、一般公共预算财政拨款基本支出决算情况说明",
      "七、财政拨款“三公”经费支出决算情况说明",
      "八、政府性基金预算财政拨款收入支出决算情况说明",
      "九、国有资本经营预算财政拨款支出决算情况说明",
      "十、机关运行经费支出情况说明",
      "十一、一般性支出情况说明",
      "十二、政府采购支出情况说明",
      "十三、国有资产占用情况说明",
      "十四、预算绩效情况说明",
    ];
    const at = [...parts, ...sections].map((p) => paragraphs.indexOf(p));
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect(
      at
        .slice(2, 3)
        .concat(at.slice(4))
        .every((v, i, all) => i === 0 || v > all[i - 1]),
    ).toBe(true);
  });

  test("决算说明: a figure the check found wrong carries 【请核对】 naming its cell, and no share is computed from it", async () => {
    // The sample's own error is a 款 cell (E19, digits swapped) the 决算说明 does not state; make the 类 row wrong instead
    // (its 项目支出 and the 合计 moved with it, so only the 类 disagrees with its 款).
    const grids = await readWorkbookGrids(readFileSync(SAMPLE), "x.xlsx");
    const wrong = analyzeWorkbook(withCells(grids, "功能分类支出决算", WRONG_CLASS), DEFAULT_SETTINGS);
    const m = buildReport("final-accounts", wrong, DEFAULT_SETTINGS);
    const text = reportText(m);
    expect(text).toContain("农林水支出（类）1733.50万元【请核对：功能分类支出决算!E18与所属各项之和不符】；");
    expect(text).not.toMatch(/1733\.50万元[^；]*占/);
    // and the sample as it is: the 类 figure agrees with its 款 once E19 is read right, so it is stated plainly with its share
    expect(reportText(buildReport("final-accounts", a, DEFAULT_SETTINGS))).toContain("农林水支出（类）1732.96万元，占52.81%；");
    const check = m.blocks
      .flatMap((b) => (b.kind === "paragraph" ? b.runs : []))
      .find((r) => r.kind === "placeholder" && r.text.startsWith("【请核对"));
    expect(check).toMatchObject({ purpose: "check" });
    const { xml } = await openDocx(m);
    expect(xml).toMatch(/<w:highlight w:val="cyan"\/>[\s\S]*?【请核对/);
  });

  test("charts: DrawingML parts with cached values, related and typed, drawn inline", async () => {
    const { zip, xml } = await openDocx(buildReport("performance", a, DEFAULT_SETTINGS));
    const pie = await zip.file("word/charts/chart1.xml")!.async("string");
    expect(pie).toMatch(/<c:pieChart>/);
    expect(pie).toMatch(/<c:strCache>[\s\S]*工资福利支出[\s\S]*<\/c:strCache>/);
    expect(pie).toMatch(/<c:numCache>[\s\S]*<c:v>528\.09<\/c:v>[\s\S]*<c:v>355\.51<\/c:v>[\s\S]*<c:v>218\.14<\/c:v>/);
    const bar = await zip.file("word/charts/chart2.xml")!.async("string");
    expect(bar).toMatch(/<c:barChart><c:barDir val="col"\/>/);
    expect(bar).toMatch(/<c:v>2019年<\/c:v>[\s\S]*<c:v>8\.65<\/c:v>/);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      'PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    expect(rels).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/chart" Target="charts\/chart1.xml"/,
    );
    expect(xml).toMatch(/<wp:inline[\s\S]*?<c:chart [^>]*r:id="rIdJsChart1"\/>/);
    expect(xml).not.toContain("{{CHART");
    expect(xml).toContain("图1：基本支出决算结构（按经济分类）（单位：万元）");
  });

  test("公文 layout: A4, margins, fonts, fixed 28 pt lines, first-line indent, page numbers, highlighted placeholders", async () => {
    const { xml, footer } = await openDocx(buildReport("performance", a, DEFAULT_SETTINGS));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(xml).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(xml).toMatch(/<w:spacing w:line="560" w:lineRule="exact"\/>/);
    expect(xml).toMatch(/<w:ind w:firstLine="640"\/>/);
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?【请填写/);
    expect(footer).toMatch(/PAGE/);
    const windows = await openDocx(buildReport("performance", a, DEFAULT_SETTINGS), WINDOWS_FONTS);
    expect(windows.xml).toMatch(/w:eastAsia="仿宋"/);
    expect(windows.xml).not.toMatch(/GB2312/);
  });

  test("signature: the unit's name, and the date left whole to the clerk (never 2021年【…】月)", async () => {
    const { paragraphs } = await openDocx(buildReport("performance", a, DEFAULT_SETTINGS));
    expect(paragraphs.filter(Boolean).slice(-2)).toEqual(["绥宁县河口苗族乡人民政府", "【请填写：报告日期】"]);
  });
});

describe("绩效自评报告 on a scoring sheet with a bonus list", () => {
  test("the unit, the total, groups with 分值/自评分, items at full marks listed once, the bonus list as one list", async () => {
    const v = await analyse(SCORING_FIXTURES["seed-shaped"]);
    const m = buildReport("self-evaluation", v, DEFAULT_SETTINGS);
    const text = (await openDocx(m)).paragraphs.join("\n");
    expect(m.titleLines).toEqual(["东山侗族乡2019年度绩效自评报告"]);
    // 政协工作 scored 3 of 2: the items give 101, and the total says it must be checked.
    expect(text).toContain(
      "对照绩效考核评估指标，东山侗族乡认真开展了2019年度自查自评。经自查自评，总分为106.1分，其中基础自评分101分，加分5.1分。" +
        "【请核对：自评评分表!B8有自评分超过分值，总分和所在组的自评分需核对】",
    );
    expect(text).toContain("（一）三大攻坚战（分值25分，自评分25分）");
    expect(text).toContain("（二）党的建设（分值33分，自评分34分）"); // the items' sums, not the sheet's 33
    expect(text).toContain("以下指标均得满分：精准脱贫（15分）、防范化解重大风险（5分）、污染防治（5分）。");
    expect(text).toContain("政协工作分值2分，自评分3分。【请核对：自评评分表!B8自评分超过分值】");
    expect(text).toContain("（五）加分和扣分项目（5.1分）"); // the repeated item counted once
    expect(text).toMatch(/共11项加减分，合计5\.1分：获市人口和计划生育工作优秀单位加0\.5分；/);
    expect(text).toContain("【请核对：自评评分表写明的加减分合计与各项之和不符】");
    expect(text).not.toMatch(/（1[0-9]）|（[0-9]+）[^分]/); // Chinese numbering at every depth, no "（11）" chapters
    const placeholders = checkNumbers(m, st).placeholders;
    expect(placeholders).toBeLessThanOrEqual(10);
  });
});

describe("texts from the workbook and placeholders", () => {
  test("a 报告文字 sheet fills the parts the data cannot write", async () => {
    const withText = [
      ...sampleWorkbook(),
      {
        name: "报告文字",
        rows: [
          ["项目", "内容"],
          ["主要职能", "执行本级人民代表大会的决议。\n编制和执行本级财政预算。"],
          ["存在的主要问题", "收入结构单一。"],
          ["报告日期", "2021年3月15日"],
        ],
      },
    ];
    const a = await analyse(withText);
    const text = (await openDocx(buildReport("performance", a, DEFAULT_SETTINGS))).paragraphs.join("\n");
    expect(text).toContain("执行本级人民代表大会的决议。\n编制和执行本级财政预算。");
    expect(text).toContain("收入结构单一。");
    expect(text).not.toContain("【请填写：部门主要职责");
    expect(text).not.toContain("【请填写：存在的主要问题】");
    expect(text).toContain("【请填写：改进措施和有关建议】");
    expect(text).toMatch(/2021年3月15日$/);
  });

  test("a workbook without a 三公 table says so in one placeholder, and every template passes its self-check", async () => {
    const a = await analyse(FIXTURES["economic-with-reasons"]);
    for (const t of ["performance", "final-accounts", "self-evaluation"] as TemplateId[]) {
      const m = buildReport(t, a, DEFAULT_SETTINGS);
      expect(checkNumbers(m, st).problems).toEqual([]);
    }
    expect(reportText(buildReport("performance", a, DEFAULT_SETTINGS))).toContain(
      "【请填写：“三公”经费支出预算、决算及与上年对比情况（工作簿中没有“三公”经费表）】",
    );
  });
});

describe("self-check", () => {
  test("a number whose text does not match its value, or a wrong percentage, is caught", async () => {
    const a = await analyse(SAMPLE);
    const m = buildReport("final-accounts", a, DEFAULT_SETTINGS);
    expect(checkNumbers(m, st).problems).toEqual([]);
    const para = m.blocks.find((b) => b.kind === "paragraph" && b.runs.some((r) => r.text.includes("完成年初预算的")))!;
    if (para.kind !== "paragraph") throw new Error("no paragraph");
    const amount = para.runs.findIndex((r) => r.kind === "number" && r.format === "amount");
    para.runs[amount] = { ...(para.runs[amount] as Extract<(typeof para.runs)[number], { kind: "number" }>), text: "999.99" };
    const pct = para.runs.findIndex((r) => r.kind === "number" && r.format === "percent");
    const p = para.runs[pct] as Extract<(typeof para.runs)[number], { kind: "number" }>;
    para.runs[pct] = { ...p, value: p.value + 100, text: ((p.value + 100) / 100).toFixed(2) };
    const problems = checkNumbers(m, st).problems;
    expect(problems[0]).toMatch(/数字“999.99”应为/);
    expect(problems[1]).toMatch(/与其分子分母不符/);
    expect(problems).toHaveLength(2);
    // and the audit, which the run stage applies to every draft, reads the contradiction too
    expect(auditText(reportText(m), a).findings.some((f) => f.severity === "error")).toBe(true);
  });

  test("a placeholder inside a date is refused", async () => {
    const a = await analyse(SAMPLE);
    const m = buildReport("performance", a, DEFAULT_SETTINGS);
    m.signature[1] = [
      { kind: "text", text: "2021年" },
      { kind: "placeholder", text: "【请填写：月】", purpose: "fill" },
      { kind: "text", text: "月" },
    ];
    expect(checkNumbers(m, st).problems.join()).toMatch(/落款日期中有占位/);
  });
});

describe("juesuan report (CLI)", () => {
  test("writes each template; bad template names are refused", async () => {
    const dir = tmp();
    for (const t of ["performance", "final-accounts", "self-evaluation"]) {
      const r = await cli(["report", SAMPLE, "-o", join(dir, `${t}.docx`), "--template", t]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/个数字已自检，\d+ 处待填写/);
    }
    const bad = await cli(["report", SAMPLE, "-o", join(dir, "x.docx"), "--template", "novel"]);
    expect(bad.code).toBe(2);
  });
});
