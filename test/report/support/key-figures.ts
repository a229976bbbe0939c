import type { CellGrid } from "../../../src/core";
import type { Compared, Count, Figure, ReportFacts } from "../../../src/core";
import { parseAddress } from "../../../src/core/base/cell-grid";
import { fenOfDecimal, formatFen, rateBp, scaledText } from "../../../src/core/base/money";
import type { Unit } from "../../../src/core/base/money";
import { mainBudget } from "../../../src/core/report/write";

/**
 * The key figures every draft must state (收入/支出合计, 基本/项目, 人员/公用经费, 年初预算 and 完成率, 三公 with its items,
 * 会议/培训费, 得分/等级), each looked for in the draft's text after its label, in the same sentence, and each checked
 * against the cell it came from. A figure the facts do not hold is not applicable (the draft then has a placeholder).
 */
export interface KeyFigure {
  name: string;
  /** The draft templates that must state it. */
  in: ("final-accounts" | "performance" | "self-evaluation")[];
  /** The value as the draft prints it (万元 two decimals, a rate, points, a grade), or null when not applicable. */
  value: (f: ReportFacts) => { text: string; source: Figure | Count | null } | null;
  /** What precedes the value in its sentence. */
  label: RegExp;
  /** For a zero figure: the sentence that says there is none ("会议费、培训费无支出"). */
  zero?: RegExp;
}

const FA = "final-accounts" as const;
const PERF = "performance" as const;
const SELF = "self-evaluation" as const;

const wan = (x: Figure | null | undefined) => (x ? { text: formatFen(x.fen, "万元", 2), source: x } : null);
const shownFen = (x: Figure) => Math.round(x.fen / 10000) * 10000;
function completion(x: Compared | null | undefined): { text: string; source: Figure | null } | null {
  if (!x?.actual) return null;
  const b = mainBudget(x);
  if (!b || b.fig.fen === 0) return null;
  const r = rateBp(shownFen(x.actual), shownFen(b.fig));
  return r === null ? null : { text: scaledText(r, 2), source: null };
}
const kind = (f: ReportFacts, k: string) => f.expenditure?.kinds.find((x) => x.key === k)?.amount ?? null;
const sg = (f: ReportFacts, k: string) => f.sangong?.items.find((i) => i.key === k)?.actual ?? null;

export const KEY_FIGURES: KeyFigure[] = [
  { name: "收入总计", in: [FA], value: (f) => wan(f.totals?.incomeTotal), label: /收、支总计均为|收入总计/ },
  { name: "支出总计", in: [FA], value: (f) => wan(f.totals?.expenditureTotal), label: /收、支总计均为|支出总计/ },
  { name: "本年收入合计", in: [FA, PERF], value: (f) => wan(f.income?.total), label: /本年收入合计/ },
  { name: "本年支出合计", in: [FA, PERF], value: (f) => wan(f.expenditure?.total), label: /本年支出合计|部门整体支出/ },
  {
    name: "基本支出",
    in: [FA, PERF],
    value: (f) => wan(kind(f, "basic") ?? f.general?.total.basic ?? f.basic?.total.actual),
    label: /基本支出/,
  },
  { name: "项目支出", in: [FA, PERF], value: (f) => wan(kind(f, "project") ?? f.general?.total.project), label: /项目支出/ },
  { name: "人员经费", in: [FA, PERF], value: (f) => wan(f.basic?.personnel.total), label: /人员经费/ },
  { name: "公用经费", in: [FA, PERF], value: (f) => wan(f.basic?.public.total), label: /公用经费/ },
  {
    name: "一般公共预算财政拨款支出",
    in: [FA, PERF],
    value: (f) => wan(f.general?.total.actual),
    label: /一般公共预算财政拨款支出|部门整体支出/,
  },
  {
    name: "年初预算（或全年预算）",
    in: [FA],
    value: (f) => (f.general ? wan(mainBudget(f.general.total)?.fig) : null),
    label: /一般公共预算财政拨款支出(年初未安排预算，)?(年初|全年)预算为/,
  },
  { name: "完成率", in: [FA], value: (f) => completion(f.general?.total), label: /完成(年初|全年)预算的/ },
  {
    name: "三公合计",
    in: [FA, PERF],
    value: (f) => wan(f.sangong?.total.actual),
    label: /“三公”经费支出[^。]*(支出决算为|预算为)/,
    zero: /没有财政拨款“三公”经费支出|本年未发生支出/,
  },
  {
    name: "三公预算",
    in: [FA, PERF],
    value: (f) => (f.sangong ? wan(mainBudget(f.sangong.total)?.fig) : null),
    label: /“三公”经费支出预算为/,
    zero: /没有财政拨款“三公”经费支出/,
  },
  {
    name: "因公出国（境）费",
    in: [FA, PERF],
    value: (f) => wan(sg(f, "abroad")),
    label: /因公出国（境）费/,
    zero: /因公出国（境）费[^。]*无支出|没有财政拨款“三公”经费支出/,
  },
  {
    name: "公务用车购置及运行维护费",
    in: [FA, PERF],
    value: (f) => wan(sg(f, "car")),
    label: /公务用车购置及运行（?维护）?费/,
    zero: /公务用车购置及运行（?维护）?费[^。]*无支出|没有财政拨款“三公”经费支出/,
  },
  {
    name: "公务接待费",
    in: [FA, PERF],
    value: (f) => wan(sg(f, "reception")),
    label: /公务接待费/,
    zero: /公务接待费[^。]*(无支出|本年未发生支出)|没有财政拨款“三公”经费支出/,
  },
  { name: "会议费", in: [FA, PERF], value: (f) => wan(f.generalSpending?.meeting?.actual), label: /会议费/, zero: /会议费[^。]*无支出/ },
  { name: "培训费", in: [FA, PERF], value: (f) => wan(f.generalSpending?.training?.actual), label: /培训费/, zero: /培训费[^。]*无支出/ },
  {
    name: "得分",
    in: [FA, PERF, SELF],
    value: (f) =>
      f.performance?.total && f.performance.pending === 0 ? { text: points(f.performance.total.hundredths), source: null } : null,
    label: /(自评)?得分|总分为/,
  },
  {
    name: "等级",
    in: [FA, PERF, SELF],
    value: (f) => (f.performance?.grade && f.performance.pending === 0 ? { text: f.performance.grade, source: null } : null),
    label: /等级为“/,
  },
];

const points = (h: number) => scaledText(h, 2).replace(/\.?0+$/, "");

export interface Coverage {
  applicable: string[];
  found: string[];
  missing: string[];
}

/** Which key figures the draft states (after their label, in one sentence), of those the facts hold. */
export function coverage(template: "final-accounts" | "performance" | "self-evaluation", text: string, f: ReportFacts): Coverage {
  const sentences = text.split(/(?<=[。\n])/);
  const out: Coverage = { applicable: [], found: [], missing: [] };
  for (const k of KEY_FIGURES) {
    if (!k.in.includes(template)) continue;
    const v = k.value(f);
    if (!v) continue;
    out.applicable.push(k.name);
    const value = v.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const isZero = /^0(\.0+)?$/.test(v.text);
    const found = sentences.some((s) => {
      const at = s.search(k.label);
      if (at < 0) return isZero && !!k.zero && k.zero.test(s);
      return new RegExp(`${value}(万元|%|分|”|$)`).test(s.slice(at)) || (isZero && !!k.zero && k.zero.test(s));
    });
    (found ? out.found : out.missing).push(k.name);
  }
  return out;
}

/** The figure a cell of the workbook holds, in 分 (text or number, in the sheet's unit). */
export function cellFen(grids: CellGrid[], sheet: string, cell: string, unit: Unit): number | null {
  const g = grids.find((x) => x.sheet === sheet);
  if (!g) return null;
  const { row, col } = parseAddress(cell);
  const v = g.values[row - g.origin.row]?.[col - g.origin.col];
  if (v === null || v === undefined || v === "") return 0;
  const text = String(v).replace(/,/g, "").trim();
  const r = fenOfDecimal(typeof v === "number" ? String(Number(v.toPrecision(15))) : text, unit);
  return r === null || r === "too-large" ? null : r.fen;
}

/** Every key figure a draft states against its source cell(s): "D4+D20" sums cells. */
export function sourceMismatches(f: ReportFacts, grids: CellGrid[]): string[] {
  const problems: string[] = [];
  for (const k of KEY_FIGURES) {
    const v = k.value(f);
    const src = v?.source;
    if (!src || !("fen" in src) || !src.cell) continue;
    const cells = src.cell.split("+");
    let sum = 0;
    for (const c of cells) {
      const [sheet, cell] = c.includes("!") ? c.split("!") : [src.sheet, c];
      const fen = cellFen(grids, sheet, cell, src.unit);
      if (fen === null) {
        problems.push(`${k.name}: ${sheet}!${cell} 读不出`);
        continue;
      }
      sum += fen;
    }
    if (sum !== src.fen) problems.push(`${k.name}: 事实 ${src.fen} ≠ 单元格 ${src.sheet}!${src.cell} ${sum}`);
  }
  return problems;
}
