import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, DEFAULT_SETTINGS, draftFromFacts, draftReport, reportText, settingsFrom } from "../../src/core";
import type { CellGrid, Settings, TemplateId } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { budgetSet, DEFAULT_LAYOUT, finalAccountsSet } from "../fixtures/national/forms";
import { SCHOOL, TOWNSHIP } from "../fixtures/national/units";
import { specGrid } from "../support/spec-grid";
import { putuoFacts } from "./fixtures/putuo-facts";
import { PUTUO_SETS } from "./fixtures/putuo-sets";
import { coverage, sourceMismatches } from "./support/key-figures";

/**
 * The key figures each draft must contain (收入/支出合计, 基本/项目, 人员/公用经费, 年初预算 and 完成率, 三公 with items,
 * 会议/培训费, 得分/等级), found in the draft after their label and equal to their source cell: on the sample, on the
 * national-form sets of two invented units (two layouts), and on the three real Putuo sets (hand-built facts).
 */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const TEMPLATES: TemplateId[] = ["final-accounts", "performance", "self-evaluation"];

/** Settings that complete the scoring: every indicator the clerk would score by hand, scored (so 得分/等级 exist). */
function scored(grids: CellGrid[]): Settings {
  const a = checkWorkbook(grids, DEFAULT_SETTINGS);
  const manual = Object.fromEntries((a.scoring?.items ?? []).filter((i) => i.score === null).map((i) => [i.indicator.id, i.weight / 100]));
  return settingsFrom({ scoring: { manual } });
}

const national = (sheets: ReturnType<typeof finalAccountsSet>) => sheets.map((s) => specGrid(s));

describe.each([
  ["the sample (a township's own tables)", async () => readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx")],
  [
    "青山乡 (national forms, merged codes, with its 预算 set)",
    async () => national([...finalAccountsSet(TOWNSHIP), ...budgetSet(TOWNSHIP)]),
  ],
  [
    "青山乡 (split codes, 合计 last, 三公 as 公开09)",
    async () =>
      national([
        ...finalAccountsSet(TOWNSHIP, { ...DEFAULT_LAYOUT, codeStyle: "split", totalAt: "bottom", sangongNumber: "09" }),
        ...budgetSet(TOWNSHIP),
      ]),
  ],
  ["青山乡中心小学 (national forms in 元)", async () => national([...finalAccountsSet(SCHOOL), ...budgetSet(SCHOOL)])],
])("%s", (_, load) => {
  let grids: CellGrid[];
  let settings: Settings;
  beforeAll(async () => {
    grids = await load();
    settings = scored(grids);
  });

  test.each(TEMPLATES)("%s states every key figure the workbook holds, each equal to its cell", (template) => {
    const a = checkWorkbook(grids, settings);
    const draft = draftReport(template, a, settings);
    const c = coverage(template, reportText(draft.model), draft.facts);
    expect(c.missing).toEqual([]);
    expect(c.found.length).toBeGreaterThan(template === "self-evaluation" ? 1 : 8);
    expect(sourceMismatches(draft.facts, grids)).toEqual([]);
  });
});

describe("the three real Putuo 2024 sets (hand-built facts from their forms)", () => {
  const grids = (key: keyof typeof PUTUO_SETS) => PUTUO_SETS[key].sheets.map((s) => specGrid(s));

  test.each(Object.keys(PUTUO_SETS) as (keyof typeof PUTUO_SETS)[])("%s: every key figure, each equal to its form's cell", (key) => {
    const facts = putuoFacts(key);
    for (const template of ["final-accounts", "performance"] as const) {
      const draft = draftFromFacts(template, facts, DEFAULT_SETTINGS);
      const c = coverage(template, reportText(draft.model), facts);
      expect(c.missing).toEqual([]);
    }
    const problems = sourceMismatches(facts, grids(key)).filter((p) => !/说明!/.test(p));
    expect(problems).toEqual([]);
  });

  test("rates computed right where the published 说明 truncated or erred", () => {
    const text = (key: keyof typeof PUTUO_SETS) => reportText(draftFromFacts("final-accounts", putuoFacts(key), DEFAULT_SETTINGS).model);
    // 财政局: 2940.05 / 2993.92 = 98.20 % (as published); 一般公共服务支出 2106.66 / 2940.05 = 71.65 % (published 71.73 %).
    expect(text("caizhengju")).toContain("完成年初预算的98.20%");
    expect(text("caizhengju")).toContain("一般公共服务支出（类）2106.66万元，占71.65%");
    // 规划资源局: 9746.50 / 10210.34 = 95.46 % (published 95.45 %, truncated).
    expect(text("guihuaziyuanju")).toContain("完成年初预算的95.46%");
    // 社会工作部, new in 2024: last year nothing, so no rate (published "增长100.00%"); no 年初预算, judged against 全年预算.
    const sg = text("shehuigongzuobu");
    expect(sg).toContain("收、支总计新增307.82万元");
    expect(sg).not.toMatch(/增长100(\.00)?%/);
    expect(sg).toContain("年初未安排预算，全年预算为321.02万元，支出决算为307.82万元，完成全年预算的95.89%");
    expect(sg).toContain("决算数小于全年预算数");
    expect(sg).toContain("住房保障支出（类）29.42万元，占9.56%"); // published 9.55 %
  });
});
