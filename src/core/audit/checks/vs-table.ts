/**
 * A figure the report states for an item of the workbook, against the workbook (text-vs-table): matched by 科目 code
 * (“（30217）”) or name, period (本年/上年) and kind (预算/决算). The tolerance is the rounding of both: the stated figure's
 * half unit of its last decimal and the table's half unit of its shown decimals. An item whose name matches lines of
 * two tables with different figures is ambiguous and skipped; so is an unlabelled amount where the line has both a
 * 预算 and a 决算 figure and it agrees with neither is not guessed at.
 */
import { FEN_PER } from "../../base/money";
import { amountIn, decText } from "../numbers";
import { around, meets, mid, minus } from "../relations";
import type { Amount, Claim } from "../claims";
import { itemKeyOf, MONEY_EXP } from "../vocabulary";
import type { MoneyUnit } from "../vocabulary";
import { lineName, spendingScope } from "../workbook";
import type { SpendingScope, WorkbookLine } from "../workbook";
import { currentOf } from "./context";
import type { Check, CheckContext } from "./context";

const strip = (s: string) => s.replace(/(支出|经费|费用|费)$/, "");
/** The funds a name is limited to: "一般公共预算财政拨款基本支出" is not the unit's whole 基本支出. */
const scopeOf = (s: string) =>
  /一般公共预算/.exec(s)?.[0] ?? /政府性基金/.exec(s)?.[0] ?? /国有资本/.exec(s)?.[0] ?? /财政拨款/.exec(s)?.[0] ?? "";

/**
 * The part of the spending a claim speaks of, from the claims it is listed under ("2. 项目支出469500元，其中：工资福利支出
 * 12000元") or the whole it takes a share of ("占项目支出预算2.56%"); null for the parts themselves (基本支出, 人员经费).
 */
function claimScope(c: Claim): SpendingScope | null {
  if (c.key === "basic" || c.key === "personnel" || c.key === "public") return null;
  for (const s of c.shares) {
    const scope = s.whole ? spendingScope(s.whole) : null;
    if (scope) return scope;
  }
  for (let p = c.parent; p; p = p.parent) {
    const scope = spendingScope(p.subject);
    if (scope) return scope;
  }
  return null;
}

function linesFor(ctx: CheckContext, c: Claim): WorkbookLine[] {
  // An item of 项目支出 is not the same item of a 基本支出 table, nor of a table of both (its figure is their sum).
  const scope = claimScope(c);
  const lines = scope ? ctx.lines.filter((l) => l.scope === scope) : ctx.lines;
  const code = /[（(](\d{3,7})[）)]/.exec(c.raw)?.[1] ?? null;
  if (code) {
    const byCode = lines.filter((l) => l.code === code);
    if (byCode.length > 0) return byCode;
  }
  const name = lineName(c.raw.replace(/[（(]\d{3,7}[）)]/, ""));
  const subject = c.subject;
  const key = itemKeyOf(subject);
  return lines.filter((l) => {
    if (l.name === name || l.name === subject || (strip(l.name) === strip(subject) && strip(subject).length >= 2)) return true;
    if (key === null || key !== itemKeyOf(l.name)) return false;
    // 三公 tables are all 财政拨款: only 基本支出 and its parts are written for one fund or for all.
    if (/^(basic|personnel|public)$/.test(key) && scopeOf(subject) !== scopeOf(l.name)) return false;
    return key !== "sangong" || /三公/.test(l.name);
  });
}

/** µ元 interval of a table figure, with the table's rounding. */
function tableInterval(l: WorkbookLine) {
  const m = BigInt(l.fen) * 10_000n;
  const exp = MONEY_EXP[l.unit as MoneyUnit] + 6 - l.decimals;
  const h = exp <= 0 ? 0n : 5n * 10n ** BigInt(exp - 1);
  return { lo: m - h, hi: m + h };
}

function check(ctx: CheckContext, c: Claim, a: Amount, lines: WorkbookLine[]): void {
  const unit = ctx.unit(a.fig);
  if (!unit || ctx.flagged.has(a.fig)) return;
  const period = a.slot.period === "cur" ? "cur" : a.slot.period === "prev" ? "prev" : null;
  if (!period) return;
  const kinds: WorkbookLine["kind"][] = a.slot.kind ? [a.slot.kind] : period === "prev" ? ["actual"] : ["actual", "budget"];
  const candidates = lines.filter((l) => l.period === period && kinds.includes(l.kind));
  if (candidates.length === 0) return;
  const stated = around(a.fig, unit);
  const values = new Set(candidates.map((l) => `${l.kind}|${l.fen}`));
  const kindsFound = new Set(candidates.map((l) => l.kind));
  if (values.size !== kindsFound.size) {
    ctx.skip("item in two tables with different figures");
    return;
  }
  ctx.checked();
  // Agrees when the intervals meet, or when the table's figure prints as stated ("0.00万元" for a table's 1元).
  const printsAs = (l: WorkbookLine) => amountIn(BigInt(l.fen) * 10_000n, unit, a.fig.value.d) === `${decText(a.fig.value)}${unit}`;
  if (candidates.some((l) => meets(stated, tableInterval(l)) || printsAs(l))) return;
  if (!a.slot.kind && kindsFound.size > 1) {
    ctx.skip("unlabelled amount");
    return;
  }
  const l = candidates[0];
  const decimals = Math.max(a.fig.value.d, 2);
  ctx.report("text-vs-table", "error", c, {
    check: "vs-table",
    name: c.subject,
    stated: a.fig.text,
    expected: `${amountIn(BigInt(l.fen) * 10_000n, unit, decimals)}（${l.sheet}!${l.cell}）`,
    expectedYuan: (l.fen / FEN_PER["元"]).toFixed(2),
    tableSheet: l.sheet,
    tableCell: l.cell,
    confidence: "high",
  });
  ctx.flagged.add(a.fig);
}

/**
 * "公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元" with no budget figure in the text: the change against the
 * workbook's 预算 of the item (one table figure, the stated 决算 agreeing with the table's), "无增减/无变化" included.
 */
function checkBudgetChange(ctx: CheckContext, c: Claim, lines: WorkbookLine[]): void {
  if (c.amounts.some((a) => a.slot.period === "cur" && a.slot.kind === "budget")) return; // the text's own budget: checked above
  const cur = currentOf(c, "budget");
  const unit = cur ? ctx.unit(cur.fig) : null;
  if (!cur || !unit || ctx.flagged.has(cur.fig)) return;
  const budgets = lines.filter((l) => l.period === "cur" && l.kind === "budget");
  const actuals = lines.filter((l) => l.period === "cur" && l.kind === "actual");
  if (new Set(budgets.map((l) => l.fen)).size !== 1 || actuals.length === 0) return;
  // The same item and scope as the table's: its 决算 as stated is the table's.
  const stated = around(cur.fig, unit);
  if (!actuals.every((l) => meets(stated, tableInterval(l)))) return;
  const b = budgets[0];
  const diff = minus(stated, tableInterval(b));
  for (const ch of c.changes) {
    if (ch.cmp.against !== "budget" || ch.cmp.base || ch.cmp.assumed || (ch.fig && ctx.flagged.has(ch.fig))) continue;
    const chUnit = ch.fig ? ctx.unit(ch.fig) : unit;
    if (!chUnit) continue;
    ctx.checked();
    let agrees: boolean;
    if (!ch.fig || ch.dir === 0) agrees = diff.lo <= 0n && diff.hi >= 0n;
    else {
      const said = around(ch.fig, chUnit);
      const signed = ch.dir > 0 ? said : { lo: -said.hi, hi: -said.lo };
      agrees = meets(signed, diff);
    }
    if (agrees) continue;
    const d = mid(diff);
    const decimals = Math.max(cur.fig.value.d, 2);
    const word = d === 0n ? "持平" : d > 0n ? "增加" : "减少";
    const amount = d === 0n ? "" : amountIn(d < 0n ? -d : d, unit, decimals);
    ctx.report("text-vs-table", "error", c, {
      check: "vs-table-budget-change",
      name: c.subject,
      stated: ch.fig ? `${ch.dir > 0 ? "增加" : ch.dir < 0 ? "减少" : ""}${ch.fig.text}` : "与预算相比无增减",
      expected: `预算${amountIn(BigInt(b.fen) * 10_000n, unit, decimals)}（${b.sheet}!${b.cell}），应为${word}${amount}`,
      tableSheet: b.sheet,
      tableCell: b.cell,
      confidence: "high",
    });
    if (ch.fig) ctx.flagged.add(ch.fig);
  }
}

export const vsTable: Check = {
  id: "vs-table",
  run(ctx) {
    if (ctx.lines.length === 0) return;
    for (const c of ctx.doc.claims) {
      if (c.doubt || c.perUnit || !c.subject) continue;
      const lines = linesFor(ctx, c);
      if (lines.length === 0) continue;
      for (const a of c.amounts) check(ctx, c, a, lines);
    }
  },
};

/** Run before the rate checks, so a rate worked out from a wrong change is not blamed in its place. */
export const vsTableChange: Check = {
  id: "vs-table-change",
  run(ctx) {
    if (ctx.lines.length === 0) return;
    for (const c of ctx.doc.claims) {
      if (c.doubt || c.perUnit || !c.subject || c.changes.length === 0) continue;
      const lines = linesFor(ctx, c);
      if (lines.length > 0) checkBudgetChange(ctx, c, lines);
    }
  },
};
