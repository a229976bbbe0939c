import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import { yuanString } from "../src/core/base/money";
import fc from "fast-check";
import { recognizeGrid } from "../src/core/recognise/recognize";
import type { Table } from "../src/core/recognise/table";
import type { CellValue } from "../src/core/base/cell-grid";
import { SHIDIAN_SANGONG } from "./fixtures/real/shidian-sangong";
import { grid } from "./support/grid";

const roles = (t: Table) => Object.fromEntries(Object.entries(t.roles).map(([r, c]) => [r, c!.letter]));
const yuan = (t: Table, i: number, role: "actual" | "budget" | "budgetInitial" | "budgetFinal" | "previous") =>
  yuanString(t.rows[i].amounts[role]?.value ?? null);

describe("recognition of real-shaped tables", () => {
  test("title rows, a 金额单位 line and a clean header below them", () => {
    const { tables, findings } = recognizeGrid(
      grid("支出", [
        ["2020年部门支出决算表"],
        ["编制单位：某乡人民政府", null, null, "金额单位：万元"],
        ["科目编码", "科目名称", "预算数", "决算数"],
        ["301", "工资福利支出", 570.5, 528.09],
        ["302", "商品和服务支出", 319.36, 355.51],
      ]),
    );
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t.title).toBe("2020年部门支出决算表");
    expect(t.unit).toBe("万元");
    expect(t.unitSource).toBe("title");
    expect(t.range).toBe("A3:D5");
    expect(roles(t)).toEqual({ code: "A", name: "B", budget: "C", actual: "D" });
    expect(yuan(t, 0, "actual")).toBe("5280900.00");
    expect(t.rows[0].cell).toBe("B4");
    expect(findings).toEqual([]);
  });

  test("merged two-row header: 决算数 over 合计/基本支出/项目支出 takes the 合计 column", () => {
    const { tables } = recognizeGrid(
      grid(
        "功能",
        [
          ["单位：元"],
          ["项目", null, "年初预算数", "全年预算数", "决算数", null, null],
          ["科目编码", "科目名称", null, null, "合计", "基本支出", "项目支出"],
          ["201", "一般公共服务支出", 100, 120, 118, 100, 18],
        ],
        ["A2:B2", "C2:C3", "D2:D3", "E2:G2"],
      ),
    );
    expect(tables).toHaveLength(1);
    expect(roles(tables[0])).toEqual({
      code: "A",
      name: "B",
      budgetInitial: "C",
      budgetFinal: "D",
      actual: "E",
      expBasic: "F",
      expProject: "G",
    });
    expect(tables[0].headerRange).toBe("A2:G3");
    expect(tables[0].rows).toHaveLength(1);
    expect(yuan(tables[0], 0, "actual")).toBe("118.00");
  });

  test("类/款/项 in separate columns compose the code and give levels", () => {
    const { tables } = recognizeGrid(
      grid(
        "功能",
        [
          ["科目编码", null, null, "科目名称", "决算数", "年初预算数"],
          ["类", "款", "项", null, null, null],
          ["201", null, null, "一般公共服务支出", 30, 25],
          ["201", "03", null, "政府办公厅（室）及相关机构事务", 30, 25],
          ["201", "03", "01", "行政运行", 30, 25],
        ],
        ["A1:C1", "D1:D2", "E1:E2", "F1:F2"],
      ),
    );
    const t = tables[0];
    expect(t.rows.map((r) => [r.code, r.level])).toEqual([
      ["201", 1],
      ["20103", 2],
      ["2010301", 3],
    ]);
    expect(t.codeScheme).toBe("function");
  });

  test("codes written inside the name, and 经济分类 levels", () => {
    const { tables } = recognizeGrid(
      grid("经济", [
        ["项目", "年初预算", "决算数"],
        ["301 工资福利支出", 10, 12],
        ["30101 基本工资", 10, 12],
      ]),
    );
    expect(tables[0].rows.map((r) => [r.code, r.name, r.level, r.codeScheme])).toEqual([
      ["301", "工资福利支出", 1, "economic"],
      ["30101", "基本工资", 2, "economic"],
    ]);
  });

  test("indentation gives levels when there are no codes; 其中 rows hang below", () => {
    const { tables } = recognizeGrid(
      grid("三公", [
        ["项目", "上年数", "本年数"],
        ["公务用车购置及运行费", 8, 3],
        ["  其中：公务用车购置费", 0, 0],
        ["        公务用车运行费", 8, 3],
        ["公务接待费", 5, 1],
      ]),
    );
    const t = tables[0];
    expect(t.rows.map((r) => [r.name, r.level, r.isPart])).toEqual([
      ["公务用车购置及运行费", 1, false],
      ["公务用车购置费", 2, true],
      ["公务用车运行费", 3, false],
      ["公务接待费", 1, false],
    ]);
  });

  test("合计 at the top and 小计 rows are totals with level 0", () => {
    const { tables } = recognizeGrid(
      grid("表", [
        ["项目", "预算数", "决算数"],
        ["合计", 30, 31],
        ["基本支出", 20, 21],
        ["项目支出", 10, 10],
        ["小计", 30, 31],
      ]),
    );
    expect(tables[0].rows.map((r) => [r.name, r.isTotal, r.totalKind, r.level])).toEqual([
      ["合计", true, "total", 0],
      ["基本支出", false, null, 1],
      ["项目支出", false, null, 1],
      ["小计", true, "subtotal", 0],
    ]);
  });

  test("blank rows inside a table are skipped; notes end it", () => {
    const { tables } = recognizeGrid(
      grid("表", [["项目", "预算数", "决算数"], ["甲", 1, 2], [], ["乙", 3, 4], ["注：本表金额单位为元。"], ["丙", 5, 6]]),
    );
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.name)).toEqual(["甲", "乙"]);
    expect(tables[0].range).toBe("A1:C4");
  });

  test("numbers stored as text and an error value: text is read, #REF! is a bad-value finding", () => {
    const { tables, findings } = recognizeGrid(
      grid("表", [
        ["单位：元"],
        ["项目", "预算数", "决算数"],
        ["甲", "3,120,000.00", "１２３"],
        ["乙", "(1,200.00)", { error: "#REF!" }],
        ["丙", "—", "待核实"],
      ]),
    );
    const t = tables[0];
    expect(yuan(t, 0, "budget")).toBe("3120000.00");
    expect(yuan(t, 0, "actual")).toBe("123.00");
    expect(yuan(t, 1, "budget")).toBe("-1200.00");
    expect(t.rows[1].amounts.actual?.bad).toBe("error-value");
    expect(t.rows[2].amounts.budget?.dash).toBe(true);
    expect(findings.map((f) => [f.rule, f.cell, f.data.text])).toEqual([
      ["bad-value", "C4", "#REF!"],
      ["bad-value", "C5", "待核实"],
    ]);
  });

  test("an amount with its own unit in a 元 table is converted: 3.07万元 = 30700 元", () => {
    const { tables } = recognizeGrid(
      grid("表", [["金额单位：元"], ["项目", "决算数", "预算数"], ["公务用车运行维护费", "3.07万元", 30900]]),
    );
    expect(yuan(tables[0], 0, "actual")).toBe("30700.00");
  });

  test("unit from the header text when no title line states it", () => {
    const { tables } = recognizeGrid(
      grid("表", [
        ["项目", "预算数（万元）", "决算数（万元）"],
        ["甲", 1.5, 2],
      ]),
    );
    expect(tables[0].unit).toBe("万元");
    expect(tables[0].unitSource).toBe("header");
    expect(yuan(tables[0], 0, "actual")).toBe("20000.00");
  });

  test("no unit anywhere: 元 is assumed and said", () => {
    const { tables, findings } = recognizeGrid(
      grid("表", [
        ["项目", "预算数", "决算数"],
        ["甲", 1, 2],
      ]),
    );
    expect(tables[0].unitSource).toBe("assumed");
    expect(tables[0].notes).toEqual(["未找到金额单位，按“元”处理"]);
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["unit-assumed", "info", "A1"]]);
  });

  test("several tables on one sheet, stacked, each with its own unit", () => {
    const { tables } = recognizeGrid(
      grid("汇总", [
        ["表一 支出决算", null, null],
        ["单位：万元"],
        ["项目", "预算数", "决算数"],
        ["甲", 1, 2],
        ["乙", 3, 4],
        [],
        ["表二 三公经费", null, null],
        ["单位：元"],
        ["项目", "上年数", "本年数"],
        ["公务接待费", 100, 90],
        ["因公出国（境）费", 0, 0],
      ]),
    );
    expect(tables.map((t) => [t.title, t.unit, t.range, t.kind])).toEqual([
      ["表一 支出决算", "万元", "A3:C5", "budget-actual"],
      ["表二 三公经费", "元", "A9:C11", "sangong"],
    ]);
  });

  test("two tables side by side (公开06: 人员经费 ‖ 公用经费)", () => {
    const { tables } = recognizeGrid(
      grid("基本支出", [
        ["单位：万元"],
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", 528.09, "302", "商品和服务支出", 355.51],
        ["30101", "基本工资", 160.35, "30201", "办公费", 22.37],
      ]),
    );
    expect(tables.map((t) => [t.range, t.rows.map((r) => r.code).join(",")])).toEqual([
      ["A2:C4", "301,30101"],
      ["D2:F4", "302,30201"],
    ]);
  });

  test("years in headers tell last year's column: 2022年决算数 | 2023年预算数 | 2023年决算数", () => {
    const { tables } = recognizeGrid(
      grid("基础数据", [
        ["项目", "2022年决算数", "2023年预算数", "2023年决算数"],
        ["公务接待", 2, 3, 1.5],
      ]),
    );
    expect(roles(tables[0])).toEqual({ name: "A", previous: "B", budget: "C", actual: "D" });
  });

  test("a used range that starts at C5 keeps sheet addresses", () => {
    const g = grid("表", [
      ["项目", "预算数", "决算数"],
      ["甲", 1, "x"],
    ]);
    g.origin = { row: 4, col: 2 };
    const { tables, findings } = recognizeGrid(g);
    expect(tables[0].range).toBe("C5:E6");
    expect(tables[0].rows[0].cell).toBe("C6");
    expect(findings.find((f) => f.rule === "bad-value")?.cell).toBe("E6");
  });

  test("a sheet with prose only has no table", () => {
    expect(recognizeGrid(grid("说明", [["部门职责"], ["一、执行上级决定"]])).tables).toEqual([]);
  });

  test("two candidate columns for one role are reported, not silently chosen", () => {
    const { tables, findings } = recognizeGrid(
      grid("表", [
        ["项目", "决算数", "执行数"],
        ["甲", 1, 2],
      ]),
    );
    expect(roles(tables[0])).toEqual({ name: "A", actual: "B" });
    expect(findings.map((f) => f.rule)).toContain("header-ambiguous");
    expect(tables[0].notes.join()).toMatch(/决算列有多个候选/);
  });
});

describe("recognition is robust", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom(
      "项目",
      "科目编码",
      "预算数",
      "决算数",
      "上年数",
      "合计",
      "小计",
      "单位：万元",
      "其中：",
      "301",
      "20103",
      "#REF!",
      "—",
      "３,１２０.00",
      "  基本工资",
    ),
    fc.string({ maxLength: 12 }),
    fc.record({ error: fc.constantFrom("#REF!", "#DIV/0!") }),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });

  test("property: never throws on arbitrary grids, and every finding has a cell", () => {
    fc.assert(
      fc.property(rows, fc.array(fc.tuple(fc.nat(25), fc.nat(8), fc.nat(3), fc.nat(3)), { maxLength: 3 }), (values, ms) => {
        const g = grid("随机", values);
        g.merges = ms.map(([r, c, h, w]) => ({ top: r, left: c, bottom: r + h, right: c + w }));
        const { findings } = recognizeGrid(g);
        for (const f of findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      }),
      { numRuns: 1500 },
    );
  });

  const base: CellValue[][] = [
    ["单位：万元"],
    ["科目编码", "科目名称", "预算数", "决算数"],
    ["301", "工资福利支出", 10, 12],
    ["30101", "基本工资", 10, 12],
    [null, "合计", 10, 12],
  ];
  const summary = (values: CellValue[][]) =>
    recognizeGrid(grid("表", values)).tables.map((t) =>
      t.rows.map((r) => `${r.code ?? ""}|${r.name}|${r.isTotal}|${r.amounts.actual?.value}`),
    );

  test("property: stable under inserted blank rows inside the data", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3, max: 5 }), { maxLength: 2 }), (positions) => {
        const values = base.map((r) => [...r]);
        for (const p of positions.sort((a, b) => b - a)) values.splice(p, 0, []);
        expect(summary(values)).toEqual(summary(base));
      }),
    );
  });

  test("stable when the total row moves from the bottom to the top", () => {
    const moved = [base[0], base[1], base[4], base[2], base[3]];
    const sort = (x: string[][]) => x.map((t) => [...t].sort());
    expect(sort(summary(moved))).toEqual(sort(summary(base)));
  });
});

describe("the clerk's confirmations", () => {
  const values: CellValue[][] = [
    ["项目", "决算数", "执行数", "上年"],
    ["甲", 1, 2, 3],
  ];
  test("a confirmed column replaces the guess and clears the doubt", () => {
    const { tables, findings } = recognizeGrid(grid("表", values), {
      columnOverrides: { "表!A1": { actual: "C" } },
      unitOverrides: { "表!A1": "万元" },
    });
    expect(roles(tables[0])).toEqual({ name: "A", actual: "C", previous: "D" });
    expect(tables[0].unit).toBe("万元");
    expect(tables[0].unitSource).toBe("confirmed");
    expect(findings).toEqual([]);
    expect(yuan(tables[0], 0, "actual")).toBe("20000.00");
  });
  test("overrides for another table change nothing", () => {
    const { tables } = recognizeGrid(grid("表", values), { columnOverrides: { "别的表!A1": { actual: "C" } } });
    expect(roles(tables[0]).actual).toBe("B");
  });
});

describe("without merged-area information (Excel before ExcelApi 1.13)", () => {
  test("a multi-row header reads the same with and without its merges", () => {
    const values: CellValue[][] = [
      ["单位：万元"],
      ["项目", null, "年初预算数", "全年预算数", "决算数", null, null],
      ["科目编码", "科目名称", null, null, "合计", "基本支出", "项目支出"],
      [null, "合计", 100, 120, 118, 100, 18],
      ["201", "一般公共服务支出", 100, 120, 118, 100, 18],
    ];
    const merged = recognizeGrid(grid("功能", values, ["A2:B2", "C2:C3", "D2:D3", "E2:G2"])).tables;
    const plain = recognizeGrid(grid("功能", values)).tables;
    expect(roles(plain[0])).toEqual({
      code: "A",
      name: "B",
      budgetInitial: "C",
      budgetFinal: "D",
      actual: "E",
      expBasic: "F",
      expProject: "G",
    });
    expect(roles(plain[0])).toEqual(roles(merged[0]));
    expect(plain[0].rows.map((r) => [r.code, r.name, r.isTotal])).toEqual(merged[0].rows.map((r) => [r.code, r.name, r.isTotal]));
  });
});

test("增、减金额 and 增、减幅度 under 比上年增、减情况 are the stated change and rate, not 上年 (施甸县 2016 三公统计表)", () => {
  const t = recognizeGrid(SHIDIAN_SANGONG).tables[0];
  expect(Object.fromEntries(Object.entries(t.roles).map(([r, c]) => [r, c!.letter]))).toEqual({
    name: "A",
    previous: "B",
    actual: "C",
    statedDiff: "D",
    statedRate: "E",
  });
});

test("a column headed 其中 is a part of the column before it, not a second candidate for its figure (桂林市司法局 2015 三公)", () => {
  // 2015年桂林市司法局部门“三公”经费情况统计表, as published (mirror: http://honghao99.com/html/contentscontent-2015-3-18-781197.html)
  const r = recognizeGrid(
    grid(
      "三公",
      [
        ["2015年桂林市司法局部门“三公”经费情况统计表"],
        [null, null, "单位:万元"],
        ["项 目", "本年预算数", "其中:公共预算财政拨款"],
        ["合 计", 34.35, 34.35],
        ["1.因公出国(境)费用", 0, 0],
        ["2.公务接待费", 1.7, 1.7],
      ],
      ["A1:C1"],
    ),
  );
  expect(r.tables[0].roles.budget?.letter).toBe("B");
  expect(r.findings.filter((f) => f.rule === "header-ambiguous")).toEqual([]);
});

test("a 合计 printed first and closed by a 总计 sums nothing below it: the lines between are what 总计 adds", () => {
  // 乌鲁木齐市政务服务中心 2023 公开01 cut to its lower block (figures from its 决算说明, reconstructed as the form prints
  // them: http://upcchem.com/wlmqs/c119485/202501/b6ed714d8d334d43bcd1e201fd61491c.shtml).
  const sheet = grid(
    "收入支出决算总表",
    [
      ["收入支出决算总表"],
      [null, null, null, null, null, "公开01表"],
      ["编制单位：乌鲁木齐市政务服务中心", null, null, null, null, "单位：万元"],
      ["收入", null, null, "支出"],
      ["项目", "行次", "金额", "项目", "行次", "金额"],
      ["栏次", null, "1", "栏次", null, "2"],
      ["本年收入合计", "1", 434.16, "本年支出合计", "2", 434.16],
      ["使用非财政拨款结余", "3", 0, "结余分配", "4", 0],
      ["年初结转和结余", "5", 0.55, "年末结转和结余", "6", 0.55],
      ["总计", "7", 434.72, "总计", "8", 434.72],
    ],
    ["A1:F1", "A4:C4", "D4:F4"],
  );
  const result = checkWorkbook([sheet], DEFAULT_SETTINGS);
  expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  // 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余, within rounding (434.71 printed as 434.72).
  expect(result.findings.map((f) => [f.rule, f.cell])).toEqual([
    ["rounding", "C10"],
    ["rounding", "F10"],
  ]);
});

describe("columns headed by a year alone", () => {
  // hlx.gov.cn 2020 “三公”经费 (http://www.hlx.gov.cn/zfxxgk/fdzdgknr/czxx/sgjf/1571070444591751170.html): the figures
  // its text gives, laid out as such tables are (项目 | 2019年 | 2020年).
  const rows: CellValue[][] = [
    ["项目", "2019年", "2020年"],
    ["合计", 433, 431],
    ["因公出国（境）费", 0, 0],
    ["公务用车购置及运行维护费", 285, 307],
    ["  其中：公务用车购置费", 0, 56],
    ["        公务用车运行维护费", 285, 251],
    ["公务接待费", 148, 124],
  ];
  const titled = (title: string) => grid("三公经费", [[title], [null, null, "单位：万元"], ...rows]);
  const rolesOf = (t: Table | undefined) => t?.columns.map((c) => c.role);

  test("a title about spending makes them 决算, the earlier year 上年", () => {
    const t = recognizeGrid(titled("2020年“三公”经费支出情况表")).tables[0];
    expect(rolesOf(t)).toEqual(["name", "previous", "actual"]);
    expect(checkWorkbook([titled("2020年“三公”经费支出情况表")], DEFAULT_SETTINGS).sangong?.total.yoyDiff).toBe(-2_000_000); // −2 万元, in 分
  });

  test("a 预算 title makes them 预算", () => {
    expect(rolesOf(recognizeGrid(titled("2020年“三公”经费预算情况表")).tables[0])).toEqual(["name", "previousBudget", "budget"]);
  });

  test("a title that says neither spending nor 预算/决算 reads nothing from them", () => {
    expect(recognizeGrid(titled("2020年机构人员情况")).tables).toEqual([]);
  });
});
