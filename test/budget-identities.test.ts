import { checkWorkbook, DEFAULT_SETTINGS, findingMessage } from "../src/core";
import type { CellGrid, CheckResult } from "../src/core";
import { loadPublicSet, publicGrids } from "./fixtures/public/load";
import {
  PUTUO_COMMERCE_FUNCTIONAL,
  PUTUO_COMMERCE_TOTALS,
  SH_WELFARE_EXPENDITURE,
  SH_WELFARE_FISCAL,
  SH_WELFARE_FUNCTIONAL,
  SH_WELFARE_TOTALS,
} from "./fixtures/real/shanghai-budget";
import { grid, withCells } from "./support/grid";
import { specGrid } from "./support/spec-grid";
import { budgetSet, DEFAULT_LAYOUT, finalAccountsSet } from "./fixtures/national/forms";
import { TOWNSHIP } from "./fixtures/national/units";
import type { SheetSpec } from "../scripts/workbook-builder";

/**
 * The budget package's cross-table identities (收支总表 类 lines against 支出总表 and 一般公共预算支出表, 财政拨款收支总表's
 * 一般公共预算 column against 一般公共预算支出表) and the 收支总表's own balance (收入总计 = 支出总计).
 */
const check = (grids: CellGrid[]): CheckResult => checkWorkbook(grids, DEFAULT_SETTINGS);
const errors = (a: CheckResult) => a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

/*
 * 梧州 2021 部门预算 表1 部门收支总表 and 表5 一般公共预算支出表 (元), rebuilt from the figures of the unit's 说明, p.5, which
 * prints no table (http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1208/upload20210425/A1F8BCD1ACA85AC7E68757F66715634C.html):
 * total 1,493,924.60 = 基本 1,440,224.60 + 项目 53,700; 科学技术 1,154,610.50, 养老 150,384, 事业单位医疗 76,142.10, 住房公积金
 * 112,788. The 功能分类 codes under them are the 科目 their names stand for. All income is 一般公共预算拨款.
 */
const WUZHOU_TOTALS = grid(
  "收支总表",
  [
    ["2021年部门收支总表"],
    [null, null, null, "表1"],
    [null, null, null, "单位：元"],
    ["收入", null, "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 1493924.6, "一、科学技术支出", 1154610.5],
    ["二、政府性基金预算拨款收入", 0, "二、社会保障和就业支出", 150384],
    ["三、事业收入", 0, "三、卫生健康支出", 76142.1],
    ["四、其他收入", 0, "四、住房保障支出", 112788],
    ["本年收入合计", 1493924.6, "本年支出合计", 1493924.6],
    ["上年结转", 0, "结转下年", 0],
    ["收入总计", 1493924.6, "支出总计", 1493924.6],
  ],
  ["A1:D1", "A4:B4", "C4:D4"],
);

const WUZHOU_GENERAL = grid(
  "一般公共预算支出表",
  [
    ["2021年一般公共预算支出表"],
    [null, null, null, null, "表5"],
    [null, null, null, null, "单位：元"],
    ["科目", null, "一般公共预算支出"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [null, "合计", "1,493,924.60", "1,440,224.60", "53,700.00"],
    ["206", "科学技术支出", "1,154,610.50", "1,100,910.50", "53,700.00"],
    ["20604", "技术研究与开发", "1,154,610.50", "1,100,910.50", "53,700.00"],
    ["2060401", "机构运行", "1,100,910.50", "1,100,910.50", "0.00"],
    ["2060499", "其他技术研究与开发支出", "53,700.00", "0.00", "53,700.00"],
    ["208", "社会保障和就业支出", "150,384.00", "150,384.00", "0.00"],
    ["20805", "行政事业单位养老支出", "150,384.00", "150,384.00", "0.00"],
    ["2080505", "机关事业单位基本养老保险缴费支出", "150,384.00", "150,384.00", "0.00"],
    ["210", "卫生健康支出", "76,142.10", "76,142.10", "0.00"],
    ["21011", "行政事业单位医疗", "76,142.10", "76,142.10", "0.00"],
    ["2101102", "事业单位医疗", "76,142.10", "76,142.10", "0.00"],
    ["221", "住房保障支出", "112,788.00", "112,788.00", "0.00"],
    ["22102", "住房改革支出", "112,788.00", "112,788.00", "0.00"],
    ["2210201", "住房公积金", "112,788.00", "112,788.00", "0.00"],
  ],
  ["A1:E1", "A4:B4", "C4:E4"],
);

/** 卫生健康支出 typed 76,412.10 on 表1, 本年支出合计 and 支出总计 changed to match: 表1 adds up on each side. */
const P8 = { D8: 76412.1, D10: 1494194.6, D12: 1494194.6 };

describe("梧州 2021 表1 + 表5", () => {
  test("as rebuilt: every 类 of 表1 agrees with 表5, both sides balance, nothing said", () => {
    expect(check([WUZHOU_TOTALS, WUZHOU_GENERAL]).findings).toEqual([]);
  });

  test("卫生健康支出 typed wrong on 表1 with its totals to match: the 类 against 表5 and the unbalanced 总计, nothing else", () => {
    const a = check(withCells([WUZHOU_TOTALS, WUZHOU_GENERAL], "收支总表", P8));
    expect(errors(a).sort()).toEqual(["balance-mismatch 收支总表!D12", "form-mismatch 收支总表!D8"]);
    const [balance, line] = ["balance-mismatch", "form-mismatch"].map((r) => a.findings.find((f) => f.rule === r)!);
    expect(findingMessage(balance, DEFAULT_SETTINGS)).toBe(
      "部门收支总表的支出总计为 1494194.60元，收入总计为 1493924.60元（收支总表!B12），相差 270元。",
    );
    expect(findingMessage(line, DEFAULT_SETTINGS)).toBe(
      "部门收支总表·卫生健康支出为 76412.10元，一般公共预算支出表·卫生健康支出为 76142.10元（一般公共预算支出表!C14），" +
        "相差 270元。本单位收入全部是一般公共预算拨款，两表的数应当相同。",
    );
    // 本年支出合计 ≠ 表5 合计 by the same 270: the 类 says where, the totals are not said again
    expect(a.findings.some((f) => f.cell === "D10")).toBe(false);
  });

  test("with 上年结转 the unit has more than 一般公共预算拨款: 表1 is not held to 表5, the balance still is", () => {
    const carry = { B11: 100, B12: 1494024.6, D11: 100, D12: 1494024.6 };
    expect(check(withCells([WUZHOU_TOTALS, WUZHOU_GENERAL], "收支总表", carry)).findings).toEqual([]);
    const planted = withCells([WUZHOU_TOTALS, WUZHOU_GENERAL], "收支总表", { ...carry, ...P8, D12: 1494294.6 });
    expect(errors(check(planted))).toEqual(["balance-mismatch 收支总表!D12"]);
  });
});

describe("上海 budgets as published (test/fixtures/real/shanghai-budget.ts)", () => {
  test("商务委 2025 收支总表 + 一般公共预算支出功能分类: all income 一般公共预算资金, all seven 类 agree", () => {
    const grids = [specGrid(PUTUO_COMMERCE_TOTALS), specGrid(PUTUO_COMMERCE_FUNCTIONAL)];
    expect(check(grids).findings).toEqual([]);
    // 四、卫生健康支出 881,803 typed 881,830 with 支出总计 to match: against 表5's 210 (row 25) and the 收入总计
    const planted = withCells(grids, "财务收支预算总表", { D8: 881830, D18: 371514682 });
    expect(errors(check(planted)).sort()).toEqual(["balance-mismatch 财务收支预算总表!D18", "form-mismatch 财务收支预算总表!D8"]);
    const line = check(planted).findings.find((f) => f.rule === "form-mismatch")!;
    expect([line.data.otherSheet, line.data.otherCell]).toEqual(["一般公共预算支出功能分类", "E25"]);
  });

  const welfare = () => [SH_WELFARE_TOTALS, SH_WELFARE_EXPENDITURE, SH_WELFARE_FISCAL, SH_WELFARE_FUNCTIONAL].map((s) => specGrid(s));

  test("福利院 2024 表1 + 表3 + 表4 + 表5: clean; 事业收入 keeps 表1 from being held to 表5", () => {
    const a = check(welfare());
    expect(a.tables.map((t) => `${t.form} ${t.side ?? ""}`.trim())).toEqual([
      "budget-01 收入",
      "budget-01 支出",
      "budget-03",
      "budget-04 收入",
      "budget-04 支出",
      "budget-05",
    ]);
    expect(a.findings).toEqual([]);
    // The two do differ (11,281,624 for all funds, 8,661,624 of 一般公共预算): said, it would be a false error.
    const social = (form: string) =>
      a.tables.filter((t) => t.form === form && t.side !== "收入")[0].rows.find((r) => r.code === "208")!.amounts.budget!.value;
    expect([social("budget-01"), social("budget-05")]).toEqual([11_281_624_00, 8_661_624_00]);
  });

  test("福利院: a 类 typed wrong on 表1 (totals and row parts kept adding up) is found against 表3, not 表5", () => {
    // 社会保障和就业支出 11,281,624 → 11,218,624 with its 人员经费 and the 支出总计 row lowered by the same 63,000
    const cells = { D8: "11,218,624", E8: "6,477,674", D18: "12,058,164", E18: "7,317,214" };
    const a = check(withCells(welfare(), "财务收支预算总表", cells));
    expect(errors(a).sort()).toEqual(["balance-mismatch 财务收支预算总表!D18", "form-mismatch 财务收支预算总表!D8"]);
    expect(a.findings.find((f) => f.rule === "form-mismatch")!.data.otherSheet).toBe("支出预算总表");
  });

  test("福利院: 表4's 一般公共预算 column by 类 against 表5", () => {
    // 三、医疗卫生与计划生育支出 503,724 → 530,724 in both columns, 支出总计 to match (a side that adds up)
    const cells = { D7: "530,724", E7: "530,724", D18: "9,528,164", E18: "9,528,164" };
    const a = check(withCells(welfare(), "财政拨款收支预算总表", cells));
    expect(errors(a).sort()).toEqual(["balance-mismatch 财政拨款收支预算总表!D18", "form-mismatch 财政拨款收支预算总表!E7"]);
    expect(a.findings.find((f) => f.rule === "form-mismatch")!.data).toMatchObject({ computed: "503724.00", otherCell: "E14" });
  });
});

describe("收支总表 balance: 收入总计 = 支出总计", () => {
  const totals = () => [specGrid(PUTUO_COMMERCE_TOTALS)];

  test("a 支出总计 that adds up to its own side but not to the 收入总计 is said at the 支出总计", () => {
    const a = check(withCells(totals(), "财务收支预算总表", { D8: 891803, D18: 371524655 }));
    expect(errors(a)).toEqual(["balance-mismatch 财务收支预算总表!D18"]);
    expect(a.findings[0].data).toMatchObject({ stated: "371524655.00", computed: "371514655.00", otherCell: "B18" });
  });

  test("a 总计 its own side's sum already finds wrong is said once, there (not again at the other side's 总计)", () => {
    // 12,345 元 more: no digit slip, a plain sum mismatch on the side that is wrong
    for (const cell of ["B18", "D18"]) {
      const a = check(withCells(totals(), "财务收支预算总表", { [cell]: 371527000 }));
      expect(errors(a)).toEqual([`sum-mismatch 财务收支预算总表!${cell}`]);
    }
    // a digit slip in a 总计 is said as such, once
    expect(errors(check(withCells(totals(), "财务收支预算总表", { B18: 371524655 })))).toEqual(["digit-slip 财务收支预算总表!B18"]);
  });

  test("决算 公开01 (上海市普陀区财政局 2024, as published): 类, balance, and the totals not said twice", () => {
    // test/fixtures/public/shanghai-putuo-caizhengju-2024.json: 九、卫生健康支出 60.99 typed 69.09, 本年支出合计 and 总计 to
    // match (2,948.15 and 3,003.49): the side adds up, 公开03 and the 收入 side's 总计 do not
    const grids = publicGrids(loadPublicSet("shanghai-putuo-caizhengju-2024.json"));
    expect(errors(check(grids))).toEqual([]);
    const planted = withCells(grids, "收入支出决算总表", { D14: "69.09", D32: "2,948.15", D35: "3,003.49" });
    const a = check(planted);
    expect(errors(a).sort()).toEqual(["balance-mismatch 收入支出决算总表!D35", "form-mismatch 收入支出决算总表!D14"]);
    expect(a.findings.find((f) => f.rule === "form-mismatch")!.data).toMatchObject({ otherSheet: "支出决算表", otherCell: "E19" });
  });
});

describe("the 收入 sides of 部门收支总表 and 财政拨款收支总表 state the same appropriations", () => {
  const set = budgetSet(TOWNSHIP, DEFAULT_LAYOUT);
  const cellOf = (s: SheetSpec, label: string) => {
    const r = s.rows.findIndex((row) => row[0] === label);
    return { r, cell: `B${r + 1}` };
  };

  test("a clean set: no finding", () => {
    expect(errors(check(set.map((s) => specGrid(s))))).toEqual([]);
  });

  test.each([["一、一般公共预算拨款收入"], ["二、政府性基金预算拨款收入"]])("%s raised by 1万元 in 表4: a form-mismatch at it", (label) => {
    const sheets = set.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
    const t4 = sheets.find((s) => /财政拨款收支总表$/.test(String(s.rows[0]?.[0] ?? "")))!;
    const { r, cell } = cellOf(t4, label);
    t4.rows[r][1] = Number(t4.rows[r][1]) + 1;
    const a = check(sheets.map((s) => specGrid(s)));
    const mismatch = a.findings.filter((f) => f.rule === "form-mismatch" && f.cell === cell);
    expect(mismatch.map((f) => findingMessage(f))).toEqual([expect.stringContaining("部门收支总表")]);
  });
});

test("决算: 公开04's 政府性基金预算财政拨款 against 公开01's 政府性基金预算财政拨款收入", () => {
  const sheets = finalAccountsSet(TOWNSHIP, DEFAULT_LAYOUT).map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  const t4 = sheets.find((s) => /^财政拨款收入支出决算总表$/.test(String(s.rows[0]?.[0] ?? "")))!;
  const r = t4.rows.findIndex((row) => row[0] === "二、政府性基金预算财政拨款");
  expect(errors(check(sheets.map((s) => specGrid(s))))).toEqual([]);
  t4.rows[r][2] = Number(t4.rows[r][2]) + 1;
  const a = check(sheets.map((s) => specGrid(s)));
  expect(a.findings.filter((f) => f.rule === "form-mismatch" && f.cell === `C${r + 1}`).map((f) => findingMessage(f))).toEqual([
    expect.stringContaining("收入支出决算总表"),
  ]);
});
