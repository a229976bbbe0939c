import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, findingKey, findingsNeedingNotes, resultSheets, DEFAULT_SETTINGS, NOTES_SHEET } from "../../src/core";
import type { CellGrid } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { planGrid, typeInto } from "../support/plan-grid";

/** What the clerk types into our result sheets survives the next check: read back, merged, written again. */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
let sample: CellGrid[];
beforeAll(async () => {
  sample = await readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx");
});

function rerun(grids: CellGrid[], settings = DEFAULT_SETTINGS) {
  const checked = checkWorkbook(grids, settings);
  return { checked, plans: resultSheets(checked, settings) };
}

test("a score typed in 绩效评分表 and a 说明 typed in 审核说明 are kept, stored and written again", () => {
  const first = rerun(sample);
  const scoring = planGrid(first.plans.find((p) => p.name === "绩效评分表")!);
  const notesSheet = planGrid(first.plans.find((p) => p.name === NOTES_SHEET)!);
  const warning = findingsNeedingNotes(first.checked.findings)[0];
  typeInto(scoring, { header: "三级指标", text: "绩效目标合理性" }, "得分", 1.5);
  typeInto(scoring, { header: "三级指标", text: "支付进度率" }, "实际值", 0.9); // Excel's 90% in a percent cell
  const subject = String(warning.data.name);
  typeInto(notesSheet, { header: "项目", text: subject }, "说明", "年中追加了防汛资金");

  const second = rerun([...sample, scoring, notesSheet]);
  expect(second.checked.settings.scoring.manual).toEqual({ "goal-reasonable": 1.5 });
  expect(second.checked.settings.scoring.entered).toEqual({ "payment-progress": 90 });
  expect(second.checked.settings.notes).toEqual({ [findingKey(warning)]: "年中追加了防汛资金" });
  const item = second.checked.scoring!.items.find((i) => i.indicator.id === "goal-reasonable")!;
  expect(item.score).toBe(150);

  // Written again: the rebuilt sheets show them, and a third check reads the same.
  const scoring2 = planGrid(second.plans.find((p) => p.name === "绩效评分表")!);
  const notes2 = planGrid(second.plans.find((p) => p.name === NOTES_SHEET)!);
  expect(scoring2.values.some((r) => r.includes("绩效目标合理性") && r.includes(1.5))).toBe(true);
  expect(notes2.values.some((r) => r.includes("年中追加了防汛资金"))).toBe(true);
  const third = rerun([...sample, scoring2, notes2]);
  expect(third.checked.settings.scoring.manual).toEqual({ "goal-reasonable": 1.5 });
  expect(third.checked.settings.notes).toEqual(second.checked.settings.notes);
});

test("a cleared cell clears the stored input; computed scores typed over are not taken", () => {
  const settings = { ...DEFAULT_SETTINGS, scoring: { ...DEFAULT_SETTINGS.scoring, manual: { "goal-reasonable": 1.5 } } };
  const first = rerun(sample, settings);
  const scoring = planGrid(first.plans.find((p) => p.name === "绩效评分表")!);
  typeInto(scoring, { header: "三级指标", text: "绩效目标合理性" }, "得分", null);
  typeInto(scoring, { header: "三级指标", text: "在职人员控制率" }, "得分", 5); // computed from 人员情况: not the clerk's
  const second = checkWorkbook([...sample, scoring], settings);
  expect(second.settings.scoring.manual).toEqual({});
});

test("a pane edit applied on top of the merged inputs wins over the older value in the sheet", () => {
  const settings = { ...DEFAULT_SETTINGS, scoring: { ...DEFAULT_SETTINGS.scoring, manual: { "goal-reasonable": 1 } } };
  const scoring = planGrid(rerun(sample, settings).plans.find((p) => p.name === "绩效评分表")!);
  typeInto(scoring, { header: "三级指标", text: "绩效指标明确性" }, "得分", 2);
  const checked = checkWorkbook([...sample, scoring], settings, (s) => ({
    ...s,
    scoring: { ...s.scoring, manual: { ...s.scoring.manual, "goal-reasonable": 2 } },
  }));
  expect(checked.settings.scoring.manual).toEqual({ "goal-reasonable": 2, "goal-clear": 2 });
});

test("result sheets print on A4, one page wide, header row repeated and frozen, one meaning per colour", () => {
  const { plans } = rerun(sample);
  expect(plans.map((p) => p.name)).toEqual(["差异分析", "三公经费对比", "绩效评分表", NOTES_SHEET]);
  for (const p of plans) {
    expect(p.print).toMatchObject({ fitToWidth: true, footer: "第 &P 页，共 &N 页" });
    const header = p.print!.titleRows!.first;
    expect(p.freezeRows).toBe(header);
    expect(p.rows[header - 1].every((c) => !c || c.style === "header")).toBe(true);
    // The legend names each colour the sheet uses, once.
    const legend = p.rows.findIndex((r) => r.some((c) => c?.v === "图例："));
    expect(legend).toBeGreaterThan(0);
    const used = new Set(p.highlights.map((h) => h.style));
    const explained = new Set(p.highlights.filter((h) => h.row === legend).map((h) => h.style));
    for (const style of used) expect(explained).toContain(style);
  }
});

test("where the workbook lacks the data, the clerk gives the rate (实际值) in the sheet, and the indicator is scored from it", () => {
  const noStaff = sample.filter((g) => g.sheet !== "人员情况");
  const first = rerun(noStaff);
  const staff = first.checked.scoring!.items.find((i) => i.indicator.id === "staff-control")!;
  expect(staff.status).toBe("missing");
  const plan = first.plans.find((p) => p.name === "绩效评分表")!;
  const row = plan.rows.findIndex((r) => r[2]?.v === "在职人员控制率");
  expect(plan.highlights).toContainEqual({ row, style: "input", col: 6 }); // the rate is asked for, not the score
  const scoring = planGrid(plan);
  typeInto(scoring, { header: "三级指标", text: "在职人员控制率" }, "实际值", 1.02); // 102%
  const second = rerun([...noStaff, scoring]);
  expect(second.checked.settings.scoring.entered).toEqual({ "staff-control": 102 });
  const scored = second.checked.scoring!.items.find((i) => i.indicator.id === "staff-control")!;
  expect([scored.status, scored.rate, scored.score]).toEqual(["auto", 10200, 400]); // 5 − 2 × 0.5
  // With the data back in the workbook, the typed rate no longer counts.
  const withData = rerun([...sample, planGrid(second.plans.find((p) => p.name === "绩效评分表")!)]);
  expect(withData.checked.scoring!.items.find((i) => i.indicator.id === "staff-control")!.rate).not.toBe(10200);
});

test("a 说明 for a finding that names no item (表头不确定) is read back under the same key", () => {
  const unsure = {
    sheet: "支出",
    origin: { row: 0, col: 0 },
    merges: [],
    values: [
      ["项目", "预算数", "决算数", "执行数"],
      ["办公费", 100, 90, 80],
    ],
  };
  const first = rerun([unsure]);
  const ambiguous = first.checked.findings.find((f) => f.rule === "header-ambiguous")!;
  const notesSheet = planGrid(first.plans.find((p) => p.name === NOTES_SHEET)!);
  typeInto(notesSheet, { header: "项目", text: "支出!C1" }, "说明", "C 列是决算数");
  expect(rerun([unsure, notesSheet]).checked.settings.notes).toEqual({ [findingKey(ambiguous)]: "C 列是决算数" });
});
