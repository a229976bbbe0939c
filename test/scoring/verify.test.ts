import { checkWorkbook as analyzeWorkbook } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { readFileSync } from "node:fs";
import { DEFAULT_SETTINGS } from "../../src/core/run/settings";
import { SCORING_FIXTURES } from "../fixtures/scoring-sheets";
import { writeFixture } from "../support/run-cli";

async function analyse(name: string) {
  const path = await writeFixture(SCORING_FIXTURES[name]);
  return analyzeWorkbook(await readWorkbookGrids(readFileSync(path), "x.xlsx"), DEFAULT_SETTINGS);
}
const brief = (a: Awaited<ReturnType<typeof analyse>>) =>
  a.findings.map((f) => [
    f.rule,
    `${f.sheet}!${f.cell}`,
    f.data.stated ?? f.data.score ?? f.data.name ?? null,
    f.data.computed ?? f.data.max ?? f.data.firstCell ?? null,
  ]);

describe("verification of a scoring sheet already in the workbook", () => {
  test("seed-shaped: exactly the four findings the seed's numbers call for, and nothing else", async () => {
    const a = await analyse("seed-shaped");
    expect(a.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["自评评分表", "scoring"],
      ["加分项", "bonus"],
    ]);
    expect(brief(a)).toEqual([
      ["score-sum-mismatch", "自评评分表!D17", "33", "34"], // 党的建设 小计 states 33, its items give 34
      ["score-sum-mismatch", "加分项!C15", "5.3", "5.6"], // the bonus list adds up to 5.6, not 5.3
      ["score-over-max", "自评评分表!D8", "3", "2"], // 政协工作: 3 of 2
      ["duplicate-item", "加分项!B7", "《先进催人奋进 榜样彰显力量》获中央主流媒体推介", "B6"],
    ]);
    expect(a.scoringSheet).toMatchObject({ sheet: "自评评分表", grade: "优" });
    expect(a.scoringSheet!.items).toHaveLength(28);
    expect(a.scoringSheet!.total).toBe(10530);
  });

  test("consistent: the same sheet with its numbers right gives no finding", async () => {
    const a = await analyse("consistent");
    expect(brief(a)).toEqual([]);
    expect(a.scoringSheet!.total).toBe(10510);
  });

  test("a grade the score does not give", async () => {
    const a = await analyse("wrong-grade");
    expect(a.findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`])).toEqual([["grade-mismatch", "评分表!D5"]]);
    expect(a.findings[0].data).toMatchObject({ total: "79.5", expected: "中", stated: "良" });
  });
});
