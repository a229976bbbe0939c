import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook as analyzeWorkbook } from "../../src/core";
import type { CheckResult as Analysis } from "../../src/core";
import { auditText } from "../../src/core";
import { reportText } from "../../src/core/report/model";
import type { ReportModel } from "../../src/core/report/model";
import { checkNumbers } from "../../src/core/report/self-check";
import { buildReport } from "../../src/core/report/templates";
import type { TemplateId } from "../../src/core/report/templates";
import { DEFAULT_SETTINGS } from "../../src/core/run/settings";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { reportBuffer, WINDOWS_FONTS } from "../../src/word/render-docx";
import { sampleWorkbook } from "../../scripts/sample-workbook";
import type { SheetSpec } from "../../scripts/workbook-builder";
import { FIXTURES } from "../fixtures/variations";
import { SCORING_FIXTURES } from "../fixtures/scoring-sheets";
import { cli, tmp, writeFixture } from "../support/run-cli";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const st = { unit: "万元" as const, decimals: 2 };
const analyse = async (sheets: SheetSpec[] | string): Promise<Analysis> => {
  const path = typeof sheets === "string" ? sheets : await writeFixture(sheets);
  return analyzeWorkbook(await readWorkbookGrids(readFileSync(path), "x.xlsx"), DEFAULT_SETTINGS);
};

/** The written .docx, opened: its paragraphs as text, and the raw XML for layout checks. */
async function openDocx(model: ReportModel, fonts = undefined as typeof WINDOWS_FONTS | undefined) {
  const zip = await JSZip.loadAsync(await reportBuffer(model, fonts));
  const xml = await zip.file("word/document.xml")!.async("string");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /word\/footer\d*\.xml/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  return { xml, paragraphs, footer: footers.join("") };
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

  test("绩效评价报告: the six parts, in order", async () => {
    const { paragraphs } = await openDocx(buildReport("performance", a, DEFAULT_SETTINGS));
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
    expect(paragraphs[0]).toBe("绥宁县河口苗族乡人民政府2020年部门整体支出绩效评价报告");
    for (const sub of ["（二）基本支出", "（三）项目支出", "（四）“三公”经费"]) expect(paragraphs).toContain(sub);
  });

  test("sentences for given numbers: a rise, a fall, a zero budget, shares, staff", async () => {
    const text = (await openDocx(buildReport("performance", a, DEFAULT_SETTINGS))).paragraphs.map(decode).join("\n");
    expect(text).toContain("编制数54人，实有在职人员56人，超出编制2人。");
    expect(text).toContain(
      "基本支出决算1101.74万元，其中：工资福利支出528.09万元，占47.93%；商品和服务支出355.51万元，占32.27%；对个人和家庭的补助218.14万元，占19.80%。",
    );
    expect(text).toContain("基本支出年初预算为897.67万元，支出决算为1101.74万元，完成年初预算的122.73%。决算数大于预算数204.07万元。");
    // zero budget: no completion rate; reason from the workbook's 差异原因 column
    expect(text).toContain(
      "抚恤金（30304）。年初预算为0.00万元，支出决算为35.20万元。决算数大于预算数的主要原因是干部抚恤金年初未做预算。",
    );
    // a fall, with no reason in the workbook: a placeholder
    expect(text).toContain(
      "办公费（30201）。年初预算为29.00万元，支出决算为22.37万元，完成年初预算的77.14%。决算数小于预算数的主要原因是【请填写：办公费决算数小于预算数的原因】。",
    );
    // 三公: against budget and last year (a fall), shares
    expect(text).toContain("2020年度“三公”经费支出预算为7.09万元，支出决算为4.68万元，完成预算的66.01%；较上年减少9.07万元，下降65.96%。");
    expect(text).toContain("公务接待费支出决算1.61万元，占“三公”经费的34.40%");
    expect(text).toContain("因公出国（境）费预算为0.00万元，支出决算为0.00万元；与上年持平。");
    expect(text).not.toMatch(/增长100(\.00)?%/);
  });

  test("决算说明: lines over the threshold ranked by their difference, the rest in one sentence", async () => {
    const text = (await openDocx(buildReport("final-accounts", a, DEFAULT_SETTINGS))).paragraphs.map(decode);
    const ranked = text.filter((p) => /^\d+．/.test(p)).map((p) => p.slice(0, p.indexOf("。")));
    expect(ranked.slice(0, 3)).toEqual(["1．其他对个人和家庭的补助（30399）", "2．救济费（30306）", "3．其他商品和服务支出（30299）"]);
    expect(text).toContain("其余10个科目决算数与预算数的差异率均在±10%以内（未达到10%的提示线）。"); // 24 leaf lines, 14 written out
    expect(text.join("\n")).toContain("会议费支出决算3.40万元，较上年增加0.95万元，增长38.78%，完成预算的113.33%。");
  });

  test("绩效自评报告: groups with 分值/自评分 and items, totals computed, never copied", async () => {
    const v = await analyse(SCORING_FIXTURES["seed-shaped"]);
    const text = (await openDocx(buildReport("self-evaluation", v, DEFAULT_SETTINGS))).paragraphs.map(decode).join("\n");
    expect(text).toContain("（一）三大攻坚战（分值25分，自评分25分）");
    expect(text).toContain("（二）党的建设（分值33分，自评分34分）"); // the items' sum, not the sheet's 33
    expect(text).toContain("2．政协工作。【请填写：政协工作完成情况】。该项分值2分，自评分3分。【请填写：请核对：自评分超过分值】");
    expect(text).toContain("（五）加分项目（5.1分）"); // the repeated item counted once
    expect(text).toContain("【请填写：请核对：评分表写明加分5.3分，各加分项合计5.1分】");
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

  test("signature: the unit's name and the date at the end", async () => {
    const { paragraphs } = await openDocx(buildReport("performance", a, DEFAULT_SETTINGS));
    const tail = paragraphs.filter(Boolean).slice(-2);
    expect(tail).toEqual(["绥宁县河口苗族乡人民政府", "2021年【请填写：月】月【请填写：日】日"]);
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
    expect(text).not.toContain("【请填写：单位主要职能职责】");
    expect(text).not.toContain("【请填写：存在的主要问题】");
    expect(text).toContain("【请填写：改进措施和有关建议】");
    expect(text).toMatch(/2021年3月15日$/);
  });

  test("a workbook without a 三公 table says so in a placeholder, and every template passes its self-check", async () => {
    const a = await analyse(FIXTURES["economic-with-reasons"]);
    for (const t of ["performance", "final-accounts", "self-evaluation"] as TemplateId[]) {
      const m = buildReport(t, a, DEFAULT_SETTINGS);
      expect(checkNumbers(m, st).problems).toEqual([]);
    }
    expect(reportText(buildReport("performance", a, DEFAULT_SETTINGS))).toContain(
      "【请填写：“三公”经费支出情况（工作簿中未找到三公经费表）】",
    );
  });
});

describe("self-check", () => {
  test("a number whose text does not match its value, or a wrong percentage, is caught", async () => {
    const a = await analyse(SAMPLE);
    const m = buildReport("final-accounts", a, DEFAULT_SETTINGS);
    expect(checkNumbers(m, st).problems).toEqual([]);
    const para = m.blocks.find((b) => b.kind === "paragraph" && b.runs.some((r) => r.kind === "number" && r.format === "percent"))!;
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
