import { checkWorkbook, DEFAULT_SETTINGS, digitSlip, findingMessage } from "../../src/core";
import type { CellValue } from "../../src/core";
import { GD_GONGKAI09 } from "../fixtures/real/guangdong-sangong";
import { SHIDIAN_SANGONG } from "../fixtures/real/shidian-sangong";
import { grid, withCells } from "../support/grid";

/** One mistyped cell, one finding naming it and the likely value; never a guess when two cells could explain it. */
const table = (rows: CellValue[][]) => grid("功能分类", [["单位：万元"], ["科目编码", "科目名称", "年初预算数", "决算数"], ...rows]);
const check = (rows: CellValue[][]) => checkWorkbook([table(rows)], DEFAULT_SETTINGS).findings;

test("digitSlip: adjacent digits swapped, one digit changed, anything else is not a slip", () => {
  expect(digitSlip(131382, 131328)).toBe("transposed");
  expect(digitSlip(131382, 131882)).toBe("digit");
  expect(digitSlip(90, 1090)).toBeNull();
  expect(digitSlip(131382, 132381)).toBeNull(); // swapped, but not neighbours
  expect(digitSlip(100, 100)).toBeNull();
  expect(digitSlip(180_000_000, 18_000_000)).toBe("zero"); // 1,800,000.00 typed for 180,000.00 (in 分)
  expect(digitSlip(18_000_000, 180_000_000)).toBe("zero");
  expect(digitSlip(18_000_000, 1_800_000_000)).toBeNull(); // two zeros: not one slip
  // One significant digit (10万元 beside 1万元, in 分): ten times by chance too easily, not said to be a slip.
  expect(digitSlip(1_000_000_00, 1_000_000_0)).toBeNull();
  expect(digitSlip(680_000_00, 68_000_00)).toBe("zero"); // 68万元 for 6.8万元
});

test("a 0 typed once too often on a published 公开01 (洛阳市洛龙区龙祥小学 2016, 元): the cell, not the 合计", () => {
  // https://llqyjsgk.luolong.gov.cn/home/news/newsinfo/n_id/353 — the 支出 side as published, 本年支出合计 from its lines
  // (3,300,511.88 + 508,633.33 + 127,343.12 + 180,000.00 = 4,116,488.33); 住房保障支出 typed 1,800,000.00.
  const lines: CellValue[][] = [
    ["五、教育支出", "3,300,511.88"],
    ["八、社会保障和就业支出", "508,633.33"],
    ["九、医疗卫生与计划生育支出", "127,343.12"],
    ["十二、农林水支出", "0.00"],
    ["十九、住房保障支出", "1,800,000.00"],
    ["本年支出合计", "4,116,488.33"],
  ];
  const g = grid("公开01表", [["收入支出决算总表"], [null, "单位:元"], ["项目", "金额"], ...lines]);
  const findings = checkWorkbook([g], DEFAULT_SETTINGS).findings.filter((f) => f.severity === "error");
  expect(findings.map((f) => [f.rule, f.cell])).toEqual([["digit-slip", "B8"]]);
  expect(findingMessage(findings[0])).toContain("应为 18.00万元（多输或漏输了一个0）");
});

test("a transposed 款 figure: two sum mismatches become one finding at that cell with the right value", () => {
  const findings = check([
    ["213", "农林水支出", 600, 1732.96],
    ["21305", "扶贫", 200, 1313.82], // 1313.28 typed with the last two digits swapped
    ["2130504", "农村基础设施建设", 0, 150],
    ["2130505", "生产发展", 200, 265.2],
    ["2130599", "其他扶贫支出", 0, 898.08],
    ["21307", "农村综合改革", 400, 419.68],
    [null, "合计", 600, 1732.96],
  ]);
  const slips = findings.filter((f) => f.rule === "digit-slip");
  expect(slips).toHaveLength(1);
  expect(slips[0]).toMatchObject({ sheet: "功能分类", cell: "D4", severity: "error" });
  expect(slips[0].data).toMatchObject({ likely: "13132800.00", stated: "13138200.00", kind: "transposed", mismatches: 2 });
  expect(findingMessage(slips[0])).toBe(
    "扶贫（决算）填为 1313.82万元，按上下级合计应为 1313.28万元（两位数字颠倒）；改正这一格，它与下级明细、农林水支出（D3）与其明细就都对上了。",
  );
  expect(findings.filter((f) => f.rule === "sum-mismatch")).toEqual([]);
  expect(findings[0].rule).toBe("digit-slip"); // first of the errors
});

test("the lines whose mismatches a slip explains are marked as the slip, not as 合计不符", () => {
  const result = checkWorkbook(
    [
      table([
        ["213", "农林水支出", 600, 1732.96],
        ["21305", "扶贫", 200, 1313.82], // 1313.28 typed with the last two digits swapped
        ["2130504", "农村基础设施建设", 0, 150],
        ["2130505", "生产发展", 200, 265.2],
        ["2130599", "其他扶贫支出", 0, 898.08],
        ["21307", "农村综合改革", 400, 419.68],
      ]),
    ],
    DEFAULT_SETTINGS,
  );
  const flags = Object.fromEntries(result.lines.map((l) => [l.name, l.flags.filter((x) => x !== "over-threshold" && x !== "over-budget")]));
  expect(flags["农林水支出"]).toEqual([]);
  expect(flags["扶贫"]).toEqual(["digit-slip"]);
});

test("a 项 one digit off: its 款 does not add up, and only that cell fits", () => {
  const findings = check([
    ["213", "农林水支出", 200, 1319.28],
    ["21305", "扶贫", 200, 1319.28], // agrees with 213: changing it would break that sum
    ["2130504", "农村基础设施建设", 0, 156], // 161 is two digits away
    ["2130505", "生产发展", 200, 265.2],
    ["2130599", "其他扶贫支出", 0, 893.08], // 898.08
  ]);
  const slip = findings.find((f) => f.rule === "digit-slip")!;
  expect(slip).toMatchObject({ cell: "D7", data: expect.objectContaining({ likely: "8980800.00", kind: "digit", mismatches: 1 }) });
  expect(findings.some((f) => f.rule === "sum-mismatch")).toBe(false);
});

test("never a guess: when two cells could each explain the mismatch, the mismatch stays as it is", () => {
  const findings = check([
    ["21305", "扶贫", 200, 110.09],
    ["2130504", "农村基础设施建设", 0, 50], // 50.09 is one digit off
    ["2130505", "生产发展", 200, 60], // so is 60.09
  ]);
  expect(findings.some((f) => f.rule === "digit-slip")).toBe(false);
  expect(findings.filter((f) => f.rule === "sum-mismatch").map((f) => f.cell)).toEqual(["D3"]);
});

test("a difference no digit slip explains stays a sum mismatch", () => {
  const findings = check([
    ["21305", "扶贫", 200, 1400],
    ["2130504", "农村基础设施建设", 0, 150],
    ["2130505", "生产发展", 200, 265.2],
  ]);
  expect(findings.some((f) => f.rule === "digit-slip")).toBe(false);
  expect(findings.some((f) => f.rule === "sum-mismatch")).toBe(true);
});

/**
 * 三公 统计表s add up by the 三公 identities, not by their nesting: 施甸县 2016 (test/fixtures/real/shidian-sangong.ts)
 * writes "其中:(1)公务用车购置费" over the car's first part only. The row's own 增减金额 / 增减幅度 are evidence too.
 */
describe("a digit slip in a 三公 table", () => {
  const sangong = (cells: Record<string, CellValue>) =>
    checkWorkbook(withCells([SHIDIAN_SANGONG], "三公", cells), DEFAULT_SETTINGS).findings;

  test("a transposed 上年 运行费: one finding at that cell, which also mends the row's stated 增减 (the published table has none)", () => {
    expect(sangong({}).filter((f) => f.severity === "error")).toEqual([]);
    const findings = sangong({ B10: "1230.92" });
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell])).toEqual([["digit-slip", "B10"]]);
    expect(findings[0].data).toMatchObject({ likely: "12039200.00", kind: "transposed", changes: "D10、E10", mismatches: 3 });
    expect(findingMessage(findings[0])).toBe(
      "(2)公务用车运行费（上年）填为 1230.92万元，按上下级合计应为 1203.92万元（两位数字颠倒）；" +
        "改正这一格，3.公务用车购置及运行费（B8）与其明细就都对上了，本行写明的增减（D10、E10）也随之相符。",
    );
  });

  test("the part written under 其中 is an addend of the car too", () => {
    const findings = sangong({ B9: "14.08" });
    const slip = findings.find((f) => f.rule === "digit-slip");
    expect(slip).toMatchObject({ cell: "B9", data: expect.objectContaining({ likely: "148000.00", changes: "D9" }) });
    expect(findings.filter((f) => f.severity === "error")).toHaveLength(1);
  });

  test("a correction that would break the row's stated 增减 is no slip: the mismatch stays as it is", () => {
    // The 增减 written from the mistyped figure, so the row agrees with itself and only the car's sum is off.
    const findings = sangong({ B10: "1230.92", D10: "-125.2", E10: "-10.17%" });
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell])).toEqual([["sum-mismatch", "B8"]]);
  });

  test("a slip in the written 合计 itself is the 合计 against its lines, said once", () => {
    const findings = sangong({ C5: "2760.86" }); // 2706.86
    const slip = findings.find((f) => f.rule === "digit-slip")!;
    expect(slip.cell).toBe("C5");
    expect(findingMessage(slip)).toContain("改正这一格，它与下级明细就都对上了，");
  });
});

test("a 小计 slip in a one-row 公开09: the 小计 mends both its parts' sum and the 合计, so it wins over its part", () => {
  // 广东省财政厅 2023 决算 三公 figures (http://czt.gd.gov.cn/sgjf/content/post_4484831.html) in the 公开09 layout, the
  // car 小计 27.46 typed 27.64. 运行费 alone (27.46 → 27.64) would mend the car's sum but leave the 合计 wrong.
  const sheet = withCells([GD_GONGKAI09], "公开09", { I8: 27.64 })[0];
  const findings = checkWorkbook([sheet], DEFAULT_SETTINGS).findings.filter((f) => f.severity === "error");
  expect(findings.map((f) => [f.rule, f.cell, f.data.likely])).toEqual([["digit-slip", "I8", "274600.00"]]);
  expect(findings[0].data).toMatchObject({ own: true, totals: "“三公”经费合计", cells: "G8" });
  expect(findingMessage(findings[0])).toContain("改正这一格，它与下级明细、“三公”经费合计（G8）就都对上了");
});
