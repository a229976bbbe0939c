import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import type { CheckResult } from "../src/core";
import { loadPublicSet, publicGrids } from "./fixtures/public/load";

/**
 * Published forms transcribed from public material (test/fixtures/public, each file citing its source): read as they are.
 * The product did not see these while its recogniser was written; the findings expected here are the published tables'
 * own errors (checked by hand in the transcription), and nothing else.
 */
const check = (file: string): CheckResult => checkWorkbook(publicGrids(loadPublicSet(file)), DEFAULT_SETTINGS);
const loud = (a: CheckResult) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
const FINAL = ["final-01", "final-02", "final-03", "final-04", "final-05", "final-06", "final-07", "final-08", "final-09"];

describe("上海市普陀区 2024 决算 sets (three units, all nine forms)", () => {
  test.each([
    ["shanghai-putuo-caizhengju-2024.json", 19, "2946250000"],
    ["shanghai-putuo-guihuaziyuanju-2024.json", 24, "9746500000"],
    ["shanghai-putuo-shehuigongzuobu-2024.json", 17, "307820000"],
  ])("%s: every form by title, every code, only rounding notes", (file, coded, income) => {
    const a = check(file);
    expect(new Set(a.tables.map((t) => t.form))).toEqual(new Set(FINAL));
    expect(loud(a)).toEqual([]);
    for (const form of ["final-02", "final-03", "final-05"]) {
      expect(a.tables.find((t) => t.form === form)!.rows.filter((r) => r.code).length).toBe(coded);
    }
    const side = a.tables.find((t) => t.form === "final-01" && t.side?.startsWith("收入"))!;
    expect(String(side.rows.find((r) => r.name === "本年收入合计")!.amounts.actual!.value)).toBe(income);
    // The ±0.01 万元 differences of independently rounded figures are said as rounding, never as errors.
    expect(a.findings.every((f) => f.rule === "rounding" || f.severity === "info")).toBe(true);
  });

  test("财政局: 公开06 人员经费 + 公用经费 = 公开05 基本支出 (2152.26 + 184.65 = 2336.91)", () => {
    const a = check("shanghai-putuo-caizhengju-2024.json");
    expect(a.findings.filter((f) => f.rule === "form-mismatch")).toEqual([]);
    const basic = a.tables.find((t) => t.form === "final-05")!.rows.find((r) => r.isTotal)!.amounts.expBasic!.value;
    expect(basic).toBe(2336910000); // 分
  });
});

describe("绩效自评表 and 三公 tables of other provinces", () => {
  test("池州 棠溪镇 2022 项目支出自评表: 年度资金总额 printed 0 over filled lines (the published error), 指标值 never money", () => {
    const a = check("selfeval-project-anhui-chizhou-tangxi-2022.json");
    expect(loud(a).sort()).toEqual(
      ["D6", "E6", "F6"].flatMap((c) => [`sum-mismatch 委托业务项目!${c}`, `sum-mismatch 村级补助及运转经费!${c}`]).sort(),
    );
    const indicators = a.tables.find((t) => t.form === "selfeval-project")!;
    expect(indicators.rows[0].texts).toEqual({ target: "≥50个", result: "50" });
    expect(a.selfEvaluations.map((s) => s.subject?.text)).toEqual(["委托业务项目", "村级补助及运转经费"]);
  });

  test.each([
    ["selfeval-dept-anhui-jinzhai-2023.json", ["over-budget 部门整体支出绩效自评表!F6"]], // 执行数 338.31 over 全年预算 329.77
    ["selfeval-dept-hunan-hengshan-guantang-2023.json", ["over-budget", "over-threshold"]],
    ["selfeval-dept-hubei-tongcheng-tanghu-fy2020.json", []],
    ["selfeval-project-sichuan-zhongjiang-2022.json", []],
    ["selfeval-project-sichuan-qingshen-daying-2023.json", ["score-sum-mismatch 大英-前一项目(尾部)!I3"]], // a cut-off page
    ["budget-jiangsu-nantong-gzw-2016.json", []],
    ["budget-chongqing-jiangbei-2021.json", []],
    ["budget-hunan-yueyangxian-taichuangyuan-2017.json", []],
    ["anhui-huaiyuan-shuangqiaojizhen-2020.json", []],
  ])("%s", (file, expected) => {
    const found = loud(check(file));
    if (expected.every((e) => e.includes("!"))) expect(found).toEqual(expected);
    else for (const f of found) expect(expected.some((e) => f.startsWith(e))).toBe(true);
  });
});
