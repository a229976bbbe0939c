import { readFileSync } from "node:fs";
import { join } from "node:path";
import { auditText, checkWorkbook, DEFAULT_SETTINGS, draftReport } from "../../src/core";
import type { CheckResult, TemplateId } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import type { SheetSpec } from "../../scripts/workbook-builder";
import { FIXTURES, GONGKAI07 } from "../fixtures/variations";
import { SCORING_FIXTURES } from "../fixtures/scoring-sheets";
import { writeFixture } from "../support/run-cli";

/**
 * Every draft goes through the report audit before anyone sees it (run/draft.ts): a finding of severity "error" fails
 * it. The audit must pass every template for the sample and every fixture workbook, and still catch what a draft must
 * never say.
 */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const TEMPLATES: TemplateId[] = ["performance", "final-accounts", "self-evaluation"];
const analyse = async (sheets: SheetSpec[] | string): Promise<CheckResult> => {
  const path = typeof sheets === "string" ? sheets : await writeFixture(sheets);
  return checkWorkbook(await readWorkbookGrids(readFileSync(path), "x.xlsx"), DEFAULT_SETTINGS);
};

const WORKBOOKS: [string, SheetSpec[] | string][] = [
  ["sample", SAMPLE],
  ...Object.entries(FIXTURES),
  ["gongkai07", GONGKAI07],
  ...Object.entries(SCORING_FIXTURES).map(([k, v]) => [`scoring:${k}`, v] as [string, SheetSpec[]]),
];

describe("the drafts' self-check passes on every template of every workbook", () => {
  test.each(WORKBOOKS)("%s", async (_, sheets) => {
    const result = await analyse(sheets);
    const failures: string[] = [];
    for (const t of TEMPLATES) {
      try {
        draftReport(t, result, DEFAULT_SETTINGS);
      } catch (e) {
        failures.push(`${t}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("what the self-check catches in a draft", () => {
  const errors = (text: string) => auditText(text).findings.filter((f) => f.severity === "error");

  test("a 三公 total of 11.11 whose items, in the next paragraph, add to 10.11", () => {
    const text = [
      "（四）“三公”经费",
      "2020年度“三公”经费支出预算为12.00万元，支出决算为11.11万元，完成预算的92.58%。",
      "其中：因公出国（境）费支出决算0.00万元；公务用车购置及运行维护费支出决算8.50万元；公务接待费支出决算1.61万元。",
    ].join("\n");
    expect(errors(text).map((f) => [f.rule, f.cell, f.data.stated, f.data.expected])).toEqual([
      ["text-sum", "P2", "11.11万元", "10.11万元"],
    ]);
  });

  test("the same total with each item in a paragraph of its own", () => {
    const text = [
      "（四）“三公”经费",
      "2020年度“三公”经费支出预算为12.00万元，支出决算为11.11万元。",
      "因公出国（境）费预算为0.00万元，支出决算为0.00万元；与上年持平。",
      "公务用车购置及运行维护费预算为8.00万元，支出决算为8.50万元，完成预算的106.25%。",
      "公务接待费预算为4.00万元，支出决算为1.61万元，完成预算的40.25%。",
    ].join("\n");
    expect(errors(text).map((f) => [f.rule, f.data.check, f.data.stated, f.data.expected])).toEqual([
      ["text-sum", "composition", "11.11万元", "10.11万元"],
    ]);
  });

  test("a table row of a draft whose change does not match its columns", () => {
    const text = [
      "“三公”经费及相关支出对比表（单位：万元）",
      "项目\t上年决算\t本年预算\t本年决算\t较上年增减\t增减率\t完成预算",
      "公务接待费\t5.10\t4.00\t1.61\t-3.39\t-68.43%\t40.25%",
    ].join("\n");
    expect(errors(text).map((f) => [f.rule, f.data.stated])).toEqual([["text-diff", "-3.39"]]);
  });
});
