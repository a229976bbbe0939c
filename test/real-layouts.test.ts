import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import type { CheckResult } from "../src/core";
import { yuanString } from "../src/core/base/money";
import { squash } from "../src/core/base/text";
import { foldTraditional } from "../src/core/base/traditional";
import { plainReview } from "../src/core/present/plain-review";
import { DEFAULT_PRESENTATION } from "../src/core/base/presentation";
import type { SheetSpec } from "../scripts/workbook-builder";
import { LANGFANG_SELFEVAL, LIJIANG_SELFEVAL, SHANGHAI_SANGONG, YUNYANG_SANGONG } from "./fixtures/real-layouts";
import { specGrid } from "./support/spec-grid";
import { grid } from "./support/grid";

/**
 * Published tables of other provinces that a new user's test found unread or misread (test/fixtures/real-layouts.ts
 * cites each source). Read with merged areas known and without them (ExcelApi < 1.13).
 */
const check = (spec: SheetSpec, merges = true): CheckResult => checkWorkbook([specGrid(spec, merges)], DEFAULT_SETTINGS);
const loud = (a: CheckResult) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
const withCell = (spec: SheetSpec, row: number, col: number, v: string | number | null): SheetSpec => ({
  ...spec,
  rows: spec.rows.map((r, i) => (i === row ? Object.assign([...r], { [col]: v }) : r)),
});

describe("traditional characters fold for matching only", () => {
  test("the forms' words fold; simplified text and cell text are left alone", () => {
    expect(squash("年初預算數")).toBe("年初预算数");
    expect(squash("偏差原因分析及改進措施")).toBe("偏差原因分析及改进措施");
    expect(foldTraditional("实际完成值 公务用车购置费")).toBe("实际完成值 公务用车购置费");
  });
});

describe.each([true, false])("丽江 项目支出绩效自评表 (traditional characters, 云南 two-row header), merges known: %s", (merges) => {
  test("the funds block and every indicator column are read; 总分 = 资金 10 + 9 + 19 + 19 + 27", () => {
    const a = check(LIJIANG_SELFEVAL, merges);
    expect(a.tables.map((t) => t.form)).toEqual(["selfeval-funds", "selfeval-project"]);
    const indicators = a.tables.find((t) => t.form === "selfeval-project")!;
    const letters = Object.fromEntries(Object.entries(indicators.roles).map(([role, c]) => [role, c!.letter]));
    expect(letters).toEqual({
      level1: "A",
      level2: "B",
      level3: "C",
      target: "E",
      result: "G",
      maxScore: "H",
      score: "I",
      reason: "J",
    });
    // 指标性质 | 指标值 | 度量单位 read as one target, as written; names shown as written (traditional).
    expect(indicators.rows.map((r) => [r.name, r.texts?.target, r.amounts.maxScore?.value, r.amounts.score?.value ?? null])).toEqual([
      ["衛片執法補助經費", "﹦72890元", 1000, 900],
      ["項目驗收合格率", "﹦100%", 2000, 1900],
      ["項目完成及時率", "﹦100%", 2000, 1900],
      ["違法行為責停率", "≥95%", 3000, 2700],
      ["滿意度", "≥95%", 1000, null],
    ]);
    expect(a.scoringSheet).toMatchObject({ baseTotal: 8400, total: 8400 });
    expect(a.scoringSheet!.items).toHaveLength(5);
    expect(a.scoring).toBeNull(); // its own scores: the department framework is not run on it
    expect(loud(a)).toEqual([]);
    // The 满意度 line's score is cut off in the source: said, not silently counted as 0.
    expect(plainReview("x.xlsx", a, DEFAULT_PRESENTATION)).toContain("其中 1 项有分值而未填得分（滿意度），未计入总分");
  });

  test("the same table in simplified characters reads the same", () => {
    const simplified = {
      ...LIJIANG_SELFEVAL,
      rows: LIJIANG_SELFEVAL.rows.map((r) => r.map((v) => (typeof v === "string" ? foldTraditional(v) : v))),
    };
    expect(check(simplified, merges).scoringSheet).toMatchObject({ baseTotal: 8400 });
  });
});

test("丽江: a header whose 分值/得分 are not recognised says so instead of scoring 0 in silence", () => {
  const renamed = withCell(withCell(LIJIANG_SELFEVAL, 10, 7, "權數"), 10, 8, "評定");
  const a = check(renamed);
  expect(a.findings.filter((f) => f.rule === "table-empty").map((f) => [f.severity, f.cell, f.data.what])).toEqual([
    ["info", "A12", "分值或得分"],
  ]);
});

describe("廊坊 项目支出绩效自评表 (national template, placeholder rows left in)", () => {
  test("9 indicators, not the template's 26 lines; 总分 98 = 预算执行 9 + 89", () => {
    const a = check(LANGFANG_SELFEVAL);
    const sheet = a.scoringSheet!;
    expect(sheet.items.map((i) => i.name)).toEqual([
      "指标1工程资金金额",
      "指标1工程完工率",
      "指标2工程验收合格率",
      "指标1项目完成及时率",
      "指标1成本控制率",
      "指标1安全率",
      "指标1学校发展能力",
      "指标1长期使用性",
      "指标1学生满意度",
    ]);
    expect(sheet.baseTotal).toBe(9800);
    expect(a.scoring).toBeNull();
  });

  test("the 执行 gap is explained on the 数量指标 line that measures the funds: the warning does not say 未填写原因", () => {
    const a = check(LANGFANG_SELFEVAL);
    const over = a.findings.filter((f) => f.rule === "over-threshold");
    expect(over.map((f) => [f.cell, f.data.hasReason])).toEqual([["E8", true]]);
    const funds = a.tables.find((t) => t.form === "selfeval-funds")!;
    expect(funds.rows.find((r) => r.name === "当年财政拨款")?.reasonCell).toBe("H14");
    // Without that line's reason, the warning says so.
    const bare = check(withCell(LANGFANG_SELFEVAL, 13, 7, null));
    expect(bare.findings.filter((f) => f.rule === "over-threshold").map((f) => f.data.hasReason)).toEqual([false]);
  });

  test("with the template's 总分 row the stated total is used and agrees", () => {
    const rows = [...LANGFANG_SELFEVAL.rows, ["总分", null, null, null, null, 100, 98]];
    const a = check({ ...LANGFANG_SELFEVAL, rows });
    expect(a.scoringSheet).toMatchObject({ baseTotal: 9800 });
    expect(loud(a)).toEqual(["over-threshold E8"]);
  });
});

describe.each([true, false])("云阳 全区“三公”经费决算情况, merges known: %s", (merges) => {
  test("read with its total row last; the counts table under it is not part of it", () => {
    const a = check(YUNYANG_SANGONG, merges);
    expect(a.tables.map((t) => [t.kind, t.range, t.unit])).toEqual([["sangong", "A2:D8", "万元"]]);
    const sg = a.sangong!;
    expect([sg.total, ...sg.items].map((i) => [i.key, yuanString(i.actual)])).toEqual([
      ["total", "19287600.00"],
      ["abroad", "0.00"],
      ["car", "18572300.00"],
      ["carPurchase", "4238100.00"],
      ["carRun", "14334200.00"],
      ["reception", "715300.00"],
    ]);
    expect(a.findings).toEqual([]);
  });
});

test("云阳: the 三公 identities are checked on it (a planted 1928.86 total is found)", () => {
  const a = check(withCell(YUNYANG_SANGONG, 7, 1, "1928.86"));
  expect(loud(a)).toEqual(["sum-mismatch B8"]);
});

describe.each(SHANGHAI_SANGONG)("上海 “三公”经费和机关运行经费预算表: $file", ({ sheet }) => {
  test.each([true, false])("the one row of 预算 figures is read item by item, 机关运行经费 beside (merges known: %s)", (merges) => {
    const a = check(sheet, merges);
    expect(a.tables.map((t) => [t.kind, t.form, t.basis, t.range])).toEqual([["sangong", "budget-07", "budget", "A3:G6"]]);
    const sg = a.sangong!;
    const figures = sheet.rows[5];
    const wan = (v: unknown) => (typeof v === "number" ? yuanString(Math.round(v * 1_000_000)) : "0.00");
    expect(Object.fromEntries([sg.total, ...sg.items, ...sg.related].map((i) => [i.key, yuanString(i.budget)]))).toEqual({
      total: wan(figures[0]),
      abroad: wan(figures[1]),
      reception: wan(figures[2]),
      car: wan(figures[3]),
      carPurchase: wan(figures[4]),
      carRun: wan(figures[5]),
      operation: wan(figures[6]),
    });
    expect(sg.total.actual).toBeNull();
    expect(loud(a)).toEqual([]);
    const text = plainReview("x.xlsx", a, DEFAULT_PRESENTATION);
    expect(text).toContain(`三公经费：预算 ${Number(figures[0]).toFixed(2)}万元`);
  });
});

test("上海 财政局: a planted 三公 total that its items do not give is found in the 预算 figures", () => {
  const sheet = SHANGHAI_SANGONG[2].sheet;
  const a = check(withCell(sheet, 5, 0, 346.4));
  expect(loud(a)).toEqual(["sum-mismatch A6"]);
});

test("a table without a 合计 row: the summary says its total is its lines added up (南漳县招商服务中心 2019 公开01, cut short)", () => {
  // The top of 公开01 as the page shows it, typed by a new user (2026-11): no 合计 row on the part available.
  // http://www.hbnz.gov.cn/bmxz/bm/zsfwzx/fdzdgk/czgk/202010/t20201021_2291670.shtml
  const sheet = grid("公开01表", [
    ["收入支出决算总表"],
    ["部门：南漳县招商服务中心", null, null, null, null, "金额单位：万元"],
    ["收入", null, null, "支出"],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["一、一般公共预算财政拨款收入", 1, 440.55, "一、一般公共服务支出", 29, 423.2],
    ["二、政府性基金预算财政拨款收入", 2, 0, "二、外交支出", 30, 0],
    ["三、上级补助收入", 3, 10, "三、国防支出", 31, 0],
  ]);
  const text = plainReview("x.xlsx", checkWorkbook([sheet], DEFAULT_SETTINGS), DEFAULT_PRESENTATION);
  expect(text).toContain("「收入支出决算总表」（表中没有合计行，按各行相加）：决算 450.55万元");
});
