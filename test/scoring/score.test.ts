import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook as analyzeWorkbook } from "../../src/core";
import { settingsFrom } from "../../src/core/run/settings";
import type { SettingsInput } from "../../src/core/run/settings";
import { FRAMEWORKS } from "../../src/core/score/frameworks";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { FormulaEvaluator } from "../support/formula-eval";
import { cli, tmp } from "../support/run-cli";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const analyse = async (settings: SettingsInput) =>
  analyzeWorkbook(await readWorkbookGrids(readFileSync(SAMPLE), "s.xlsx"), settingsFrom(settings));
const byId = (a: Awaited<ReturnType<typeof analyse>>) =>
  Object.fromEntries(a.scoring!.items.map((i) => [i.indicator.id, i.score === null ? null : i.score / 100]));

/** Every qualitative indicator scored by the clerk, every entered rate given: a complete sheet. */
function complete(framework: "dept-overall" | "self-evaluation") {
  const manual: Record<string, number> = {};
  const entered: Record<string, number> = {};
  for (const i of FRAMEWORKS[framework].indicators) {
    if (i.rule.type === "manual") manual[i.id] = i.weight * 0.9;
    else if (i.measure === "entered") entered[i.id] = 95;
  }
  return { framework, manual, entered };
}

describe("scoring the shipped frameworks from the sample workbook", () => {
  test("部门整体支出绩效评价: automatic indicators from the data, with their inputs' cells", async () => {
    const a = await analyse({});
    expect(a.scoring!.framework.id).toBe("dept-overall");
    expect(byId(a)).toMatchObject({
      "staff-control": 3.15, // 56 ÷ 54 = 103.70%: 3.70 points over, 0.5 each
      "sangong-change": 5, // −65.96%
      "budget-completion": 5, // 3281.22 ÷ 3281.22
      "budget-adjustment": 0, // (3281.22 − 1814.00) ÷ 1814.00 = 80.88% > 30%
      "public-fund-control": 0, // 355.51 ÷ 319.36 = 111.32%
      "sangong-control": 3, // 4.68 ÷ 7.09 = 66.01%
      "goal-reasonable": null, // qualitative: waits for the clerk, never full marks
      "payment-progress": null, // not in the workbook: asked for
    });
    const staff = a.scoring!.items.find((i) => i.indicator.id === "staff-control")!;
    expect(staff.inputs.map((x) => [x.label, x.value / 100, `${x.sheet}!${x.cell}`])).toEqual([
      ["编制数", 54, "人员情况!B3"],
      ["实有在职人数", 56, "人员情况!B6"],
    ]);
    expect(a.scoring!.items.find((i) => i.indicator.id === "payment-progress")).toMatchObject({
      status: "missing",
      note: "请填写该指标的完成值（%）",
    });
    expect(a.scoring!.grade).toBeNull();
    expect(a.scoring!.pending).toBe(21);
  });

  test("部门整体支出绩效评价 completed by the clerk: total and grade", async () => {
    const a = await analyse({ scoring: complete("dept-overall") });
    expect(a.scoring!.pending).toBe(0);
    // automatic 3.15 + 5 + 5 + 0 + 0 + 3 = 16.15; qualitative: 90% of their 35 points = 31.50;
    // entered at 95%: 4.75 + 1.90 + 0 (结转结余率 95% is above every band) + 1.90 + 1.90 + 4 × 4.75 + 4.75 = 34.20
    expect(a.scoring!.baseTotal).toBe(8185);
    expect(a.scoring!.grade).toBe("良");
  });

  test("部门整体支出绩效自评表: 预算执行率 from the data, three-tier 产出, a bonus within its cap", async () => {
    const a = await analyse({
      scoring: {
        ...complete("self-evaluation"),
        bonus: [
          { name: "获市级表彰", points: 0.5 },
          { name: "获省级推介", points: 0.3 },
        ],
        bonusCap: 0.6,
      },
    });
    const items = byId(a);
    expect(items["execution-rate"]).toBe(10);
    expect(items["output-quantity"]).toBe(19); // 95% of 20
    expect(a.scoring!.items.find((i) => i.indicator.id === "output-quantity")!.note).toBe("80%以上档");
    expect(a.scoring!.bonusTotal / 100).toBe(0.6); // 0.8 capped at 0.6
    expect(a.scoring!.total).toBe(a.scoring!.baseTotal + 60);
    expect(a.scoring!.grade).toBe("优");
  });

  test("the criterion is written from the rule and its current parameters, so it never goes stale", async () => {
    const changed = await analyse({ scoring: { rules: { "staff-control": { type: "ceiling", target: 100, perPoint: 0.8 } } } });
    const item = changed.scoring!.items.find((i) => i.indicator.id === "staff-control")!;
    expect(item.criterion).toBe("≤100%得5分；每超过1个百分点扣0.8分，扣完为止");
    expect(item.score).toBe(204); // 103.70%: 3.70 points over × 0.8 = 2.96 off 5
    const manual = changed.scoring!.items.find((i) => i.indicator.id === "goal-reasonable")!;
    expect(manual.criterion).toMatch(/^符合法律法规和发展规划1分/);
  });

  test("a manual score above its weight is not used, and weights must still add up", async () => {
    const a = await analyse({ scoring: { manual: { "goal-reasonable": 3 } } });
    expect(a.scoring!.items.find((i) => i.indicator.id === "goal-reasonable")).toMatchObject({
      score: null,
      note: "填写的得分 3 超过分值 2，未采用",
    });
    await expect(analyse({ scoring: { weights: { "goal-reasonable": 4 } } })).rejects.toThrow(/分值合计 102 不等于满分 100/);
  });
});

describe("「绩效评分表」 in the written workbook", () => {
  async function written(settingsJson: object) {
    const dir = tmp();
    const settings = join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify(settingsJson));
    const out = join(dir, "out.xlsx");
    const r = await cli(["sheets", SAMPLE, "-o", out, "--settings", settings]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return { wb, ev: new FormulaEvaluator(wb), ws: wb.getWorksheet("绩效评分表")! };
  }
  const rowOf = (ws: ExcelJS.Worksheet, col: number, text: string) => {
    let found = -1;
    ws.eachRow((row, n) => {
      if (row.getCell(col).value === text) found = n;
    });
    return found;
  };

  test("group totals, total and grade are formulas that give core's numbers, and recalculate", async () => {
    const settings = { scoring: complete("dept-overall") };
    const a = await analyse(settings);
    const { wb, ev, ws } = await written(settings);
    for (const g of a.scoring!.groups) {
      const r = rowOf(ws, 2, `${g.level1}小计`);
      expect(ws.getCell(`H${r}`).formula).toMatch(/^SUM\(H\d+:H\d+\)$/);
      expect(ev.value("绩效评分表", `D${r}`)).toBeCloseTo(g.weight / 100, 9);
      expect(ev.value("绩效评分表", `H${r}`)).toBeCloseTo(g.score! / 100, 9);
    }
    const total = rowOf(ws, 1, "合计");
    expect(ev.value("绩效评分表", `D${total}`)).toBe(100);
    expect(ev.value("绩效评分表", `H${total}`)).toBeCloseTo(a.scoring!.baseTotal / 100, 9);
    const grade = rowOf(ws, 1, "评价等级");
    expect(ev.value("绩效评分表", `H${grade}`)).toBe(a.scoring!.grade);

    // The clerk lowers one qualitative score: the total and grade follow in Excel.
    const econ = rowOf(ws, 3, "经济效益");
    wb.getWorksheet("绩效评分表")!.getCell(`H${econ}`).value = 0;
    const after = new FormulaEvaluator(wb);
    expect(after.value("绩效评分表", `H${total}`)).toBeCloseTo(a.scoring!.baseTotal / 100 - 4.5, 9);
  });

  test("实际值 and 得分 of the automatic indicators are formulas of their cells and rules, giving core's numbers", async () => {
    const a = await analyse({});
    const { wb, ev, ws } = await written({});
    let live = 0;
    for (const item of a.scoring!.items.filter((i) => i.status === "auto")) {
      const r = rowOf(ws, 3, item.indicator.name);
      // The rate references the cells named beside it (人员情况!B6/人员情况!B3 …), never a typed-in number.
      const rate = ws.getCell(`G${r}`).formula;
      expect(rate).toBeDefined();
      for (const x of item.inputs) expect(rate).toContain(`${x.sheet}'!${x.cell}`.replace(/^/, "'"));
      expect(Math.round((ev.value("绩效评分表", `G${r}`) as number) * 10000)).toBe(item.rate);
      expect(ws.getCell(`H${r}`).formula).toMatch(/^IF\(ISNUMBER\(G\d+\)/);
      expect(ev.value("绩效评分表", `H${r}`)).toBeCloseTo(item.score! / 100, 9);
      live++;
    }
    expect(live).toBe(6);

    // A rate the workbook lacks (支付进度率): the clerk types it, the score follows by the rule (≥95% 全额 …).
    const pay = a.scoring!.items.find((i) => i.indicator.id === "payment-progress")!;
    const r = rowOf(ws, 3, pay.indicator.name);
    expect(ev.value("绩效评分表", `H${r}`)).toBe("");
    ws.getCell(`G${r}`).value = 0.95;
    const typed = new FormulaEvaluator(wb).value("绩效评分表", `H${r}`);
    const withRate = await analyse({ scoring: { entered: { "payment-progress": 95 } } });
    expect(typed).toBeCloseTo(withRate.scoring!.items.find((i) => i.indicator.id === "payment-progress")!.score! / 100, 9);

    // A corrected source changes the rate and the score: 实有在职人数 56 → 54 brings 在职人员控制率 to 100% and full marks.
    const staff = a.scoring!.items.find((i) => i.indicator.id === "staff-control")!;
    wb.getWorksheet("人员情况")!.getCell("B6").value = 54;
    const after = new FormulaEvaluator(wb);
    const sr = rowOf(ws, 3, staff.indicator.name);
    expect(after.value("绩效评分表", `G${sr}`)).toBe(1);
    expect(after.value("绩效评分表", `H${sr}`)).toBe(staff.weight / 100);
  });

  test("with scores still blank, the grade says 待评分", async () => {
    const { ev, ws } = await written({});
    expect(ev.value("绩效评分表", `H${rowOf(ws, 1, "评价等级")}`)).toBe("待评分");
  });
});
