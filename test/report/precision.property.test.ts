import fc from "fast-check";
import { checkWorkbook, DEFAULT_SETTINGS, draftReport, reportText } from "../../src/core";
import type { CellValue } from "../../src/core/base/cell-grid";
import { scaledText } from "../../src/core/base/money";
import { grid } from "../support/grid";

/**
 * The generator can never produce a draft its own check rejects (issue 13, item 2): over random 三公 and 经济分类 tables —
 * in 元, 千元 and 万元, with zero and tiny bases (a 上年 of 40 元 beside amounts in 万元), blank cells, blank subtotals over
 * filled parts, planted sum errors and over-runs (公务接待费 budget 19,940 元, 决算 82,210 元) — every template drafts
 * without a self-check failure: rates come from the figures as printed, a base that prints as zero gets no rate, and a
 * blank or wrong subtotal is a 【请核对】 in the draft.
 */
type Unit = "元" | "千元" | "万元";
/** Decimals a clerk types in each unit (万元 sometimes to the 元: four decimals). */
const DECIMALS: Record<Unit, number[]> = { 元: [2, 0], 千元: [2, 3], 万元: [2, 4, 6] };

/** An amount in 分: nothing, zero, a few 元, a few thousand 元, up to a few million 元. */
const amount = fc.oneof(
  { weight: 1, arbitrary: fc.constant<number | null>(null) },
  { weight: 2, arbitrary: fc.constant<number | null>(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 100_00 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 100_000_00 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5_000_000_00 }) },
);

/** A cell: the amount in the table's unit at its decimals (rounded as the clerk would), as a number or as text. */
function cell(fen: number | null, unit: Unit, decimals: number, asText: boolean): CellValue {
  if (fen === null) return null;
  const shift = { 元: 2, 千元: 5, 万元: 6 }[unit];
  const scale = 10 ** Math.max(shift - decimals, 0);
  const rounded = Math.round(fen / scale);
  const text = scaledText(rounded, Math.min(decimals, shift));
  return asText ? text : Number(text);
}

const SANGONG_ROWS = [
  "1.因公出国（境）费",
  "2.公务用车购置及运行维护费",
  "  其中：公务用车购置费",
  "        公务用车运行维护费",
  "3.公务接待费",
];

const sangongTable = fc.record({
  unit: fc.constantFrom<Unit>("元", "千元", "万元"),
  decimals: fc.nat(2),
  asText: fc.boolean(),
  // previous, budget, actual for 出国, 购置, 运行, 接待; then 会议费, 培训费
  items: fc.array(fc.tuple(amount, amount, amount), { minLength: 6, maxLength: 6 }),
  total: fc.constantFrom<SangongSpec["total"]>("sum", "blank", "planted"),
  reason: fc.boolean(),
});

const economicTable = fc.record({
  unit: fc.constantFrom<Unit>("元", "万元"),
  decimals: fc.nat(2),
  lines: fc.array(fc.tuple(amount, amount, amount), { minLength: 4, maxLength: 4 }),
  parents: fc.constantFrom<EconomicSpec["parents"]>("sum", "blank", "planted"),
});

type Amount = number | null;
interface SangongSpec {
  unit: Unit;
  decimals: number;
  asText: boolean;
  items: [Amount, Amount, Amount][];
  total: "sum" | "blank" | "planted";
  reason: boolean;
}
interface EconomicSpec {
  unit: Unit;
  decimals: number;
  lines: [Amount, Amount, Amount][];
  parents: "sum" | "blank" | "planted";
}

function sangongGrid(t: SangongSpec): CellValue[][] {
  const d = DECIMALS[t.unit][t.decimals % DECIMALS[t.unit].length];
  const c = (fen: number | null) => cell(fen, t.unit, d, t.asText);
  const [abroad, buy, run, reception, meeting, training] = t.items;
  const add = (...xs: (number | null)[]) => (xs.every((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0));
  const car = [0, 1, 2].map((k) => add(buy[k], run[k]));
  const total = [0, 1, 2].map((k) => {
    if (t.total === "blank") return null;
    const sum = add(abroad[k], car[k], reception[k]);
    return t.total === "planted" && k === 2 && sum !== null ? sum + 123_456 : sum;
  });
  const row = (name: string, v: (number | null)[], reason = "") => [name, c(v[0]), c(v[1]), c(v[2]), t.reason ? reason : null];
  return [
    ["2023年“三公”经费及会议费、培训费支出情况表"],
    [null, null, null, `单位：${t.unit}`],
    ["项目", "上年决算数", "本年预算数", "本年决算数", "增减原因"],
    row("“三公”经费合计", total, "厉行节约"),
    row(SANGONG_ROWS[0], abroad),
    row(SANGONG_ROWS[1], car, "公车使用次数减少"),
    row(SANGONG_ROWS[2], buy),
    row(SANGONG_ROWS[3], run),
    row(SANGONG_ROWS[4], reception, "接待批次变化"),
    row("会议费", meeting),
    row("培训费", training),
  ];
}

function economicGrid(t: EconomicSpec): CellValue[][] {
  const d = DECIMALS[t.unit][t.decimals % DECIMALS[t.unit].length];
  const c = (fen: number | null) => cell(fen, t.unit, d, false);
  const codes = [
    ["30101", "基本工资"],
    ["30102", "津贴补贴"],
    ["30201", "办公费"],
    ["30217", "公务接待费"],
  ];
  const sum = (i: number, j: number, k: number) => {
    if (t.parents === "blank") return null;
    const s = (t.lines[i][k] ?? 0) + (t.lines[j][k] ?? 0);
    return t.parents === "planted" && k === 1 ? s + 99_00 : s;
  };
  return [
    ["2023年一般公共预算基本支出预决算对比表（按经济分类）"],
    ["编制单位：青山乡人民政府", null, null, null, `金额单位：${t.unit}`],
    ["科目编码", "科目名称", "年初预算数", "决算数", "上年决算数", "差异原因"],
    ["301", "工资福利支出", c(sum(0, 1, 0)), c(sum(0, 1, 1)), c(sum(0, 1, 2)), "人员调整"],
    ...[0, 1].map((i) => [codes[i][0], codes[i][1], c(t.lines[i][0]), c(t.lines[i][1]), c(t.lines[i][2]), ""]),
    ["302", "商品和服务支出", c(sum(2, 3, 0)), c(sum(2, 3, 1)), c(sum(2, 3, 2)), ""],
    ...[2, 3].map((i) => [codes[i][0], codes[i][1], c(t.lines[i][0]), c(t.lines[i][1]), c(t.lines[i][2]), ""]),
  ];
}

test("property: no random 三公 or 经济分类 table makes a draft its own check rejects", () => {
  fc.assert(
    fc.property(sangongTable, economicTable, (s, e) => {
      const grids = [grid("三公经费", sangongGrid(s)), grid("经济分类", economicGrid(e))];
      const a = checkWorkbook(grids, DEFAULT_SETTINGS);
      for (const template of ["final-accounts", "performance", "self-evaluation"] as const) {
        const draft = draftReport(template, a, DEFAULT_SETTINGS); // throws DraftCheckError on any self-check failure
        const text = reportText(draft.model);
        expect(text).not.toMatch(/支出决算为0\.00万元，完成/); // nothing spent: no "完成预算的0.00%"
      }
    }),
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 120) },
  );
});

test("the cases of issue 13: a 三公 item far over budget, a blank subtotal with filled parts, a 上年 of 40 元", () => {
  const rows: CellValue[][] = [
    ["2023年“三公”经费支出情况表"],
    [null, null, null, "单位：元"],
    ["项目", "上年决算数", "本年预算数", "本年决算数"],
    ["“三公”经费合计", 40, 19940, null],
    ["1.因公出国（境）费", 0, 0, 0],
    ["2.公务用车购置及运行维护费", 0, 0, 0],
    ["3.公务接待费", 40, 19940, 82210],
  ];
  const a = checkWorkbook([grid("三公经费", rows)], DEFAULT_SETTINGS);
  const text = reportText(draftReport("final-accounts", a, DEFAULT_SETTINGS).model);
  // 8.22 / 1.99 as printed: 413.07 % (from 元: 412.29 %); the reader recomputing from the text gets the stated rate.
  expect(text).toContain("公务接待费预算为1.99万元，支出决算为8.22万元，完成预算的413.07%");
  // last year's 40 元 prints as 0.00 万元: no rate on it
  expect(text).toContain("较上年新增8.22万元");
  expect(text).not.toMatch(/76\d{3}(\.\d+)?%/);
  // the blank 合计 over filled parts: a mark naming its cell, no sentence built on it
  expect(text).toMatch(/【请核对：三公经费!D4合计为空，而所属各项有数】/);
});
