/**
 * Relations inside a table written into the text (tables.ts). With a header that names the columns: 增减 = 本年 − 上年,
 * 增减率 = 增减 ÷ 上年 (no rate on a zero 上年), 完成预算 = 决算 ÷ 预算, 总额 = Σ "其中" columns; rows of known items
 * add up (“三公”经费合计 = 出国 + 车 + 接待), and a 合计 row is the sum of the numbered rows under it. Without a
 * header, only an identity the table itself shows is used: a column that is the difference of two others, or the sum of
 * the others, in at least two rows with figures — a row that breaks it is reported (with medium confidence).
 */
import type { RuleId } from "../../base/findings";
import { amountIn, decOf, decText, shift, TEN } from "../numbers";
import { MONEY_EXP } from "../vocabulary";
import type { MoneyUnit } from "../vocabulary";
import type { Dec } from "../numbers";
import { itemKeyOf, COMPOSITIONS } from "../vocabulary";
import type { ItemKey } from "../vocabulary";
import type { Cell, Role, Row, Table } from "../tables";
import type { Check, CheckContext } from "./context";

/** A cell as an interval of units of 10⁻⁸ (all cells of a table share its unit). */
interface Iv {
  lo: bigint;
  hi: bigint;
}
const SCALE = 8;
const ivOf = (v: Dec): Iv => {
  const m = v.n * TEN(SCALE - v.d);
  const h = v.n === 0n ? 0n : 5n * TEN(SCALE - v.d - 1);
  return { lo: m - h, hi: m + h };
};
const add = (a: Iv, b: Iv): Iv => ({ lo: a.lo + b.lo, hi: a.hi + b.hi });
const sub = (a: Iv, b: Iv): Iv => ({ lo: a.lo - b.hi, hi: a.hi - b.lo });
const abs = (a: Iv): Iv => (a.lo >= 0n ? a : a.hi <= 0n ? { lo: -a.hi, hi: -a.lo } : { lo: 0n, hi: a.hi > -a.lo ? a.hi : -a.lo });
const meets = (a: Iv, b: Iv) => a.lo <= b.hi && b.lo <= a.hi;
const isZero = (c: Cell | undefined) => c?.value !== null && c?.value !== undefined && c.value.n === 0n;
const num = (c: Cell | undefined): Dec | null => c?.value ?? null;
const text = (v: bigint) => decText({ n: v, d: SCALE }).replace(/0+$/, "").replace(/\.$/, "");

/** Does a stated percent agree with a / b × 100 (b > 0)? */
function rateAgrees(stated: Dec, a: Iv, b: Iv): boolean {
  const r = stated.n < 0n ? -stated.n : stated.n;
  const scale = 2n * TEN(stated.d);
  const x = abs(a);
  return 100n * x.hi * scale >= (2n * r - 1n) * b.lo && 100n * x.lo * scale <= (2n * r + 1n) * b.hi;
}

function report(
  ctx: CheckContext,
  rule: RuleId,
  row: Row,
  data: Record<string, string>,
  confidence = "high",
  unit: string | null = null,
): void {
  const p = ctx.doc.paragraphs[row.paragraph - 1];
  const yuan = (v: string) =>
    unit && /^-?[\d.]+$/.test(v)
      ? amountIn(shift(decOf(v).n, MONEY_EXP[unit as MoneyUnit] + 6 - decOf(v).d), "元", 2).replace(/元$/, "")
      : null;
  const amounts: Record<string, string | null> =
    rule === "text-sum" || rule === "text-diff" ? { statedYuan: yuan(data.stated), expectedYuan: yuan(data.expected) } : {};
  ctx.report(
    rule,
    "error",
    { paragraph: row.paragraph, start: 0, end: p ? p.text.length : 0 },
    {
      check: "table",
      ...data,
      ...amounts,
      row: row.label,
      quote: row.text.length > 160 ? `${row.text.slice(0, 150)}……` : row.text,
      confidence,
    },
  );
}

function withRoles(ctx: CheckContext, t: Table, roles: Role[]): void {
  const at = (r: Role["role"], pick?: (x: Role) => boolean) => roles.findIndex((x) => x.role === r && (!pick || pick(x)));
  const prev = at("prev");
  const curActual = at("cur", (x) => x.role === "cur" && x.kind !== "budget");
  const cur = curActual >= 0 ? curActual : at("cur");
  const budgets = roles.map((x, i) => (x.role === "cur" && x.kind === "budget" ? i : -1)).filter((i) => i >= 0);
  const budget = budgets.find((i) => (roles[i] as { final?: boolean }).final) ?? budgets[budgets.length - 1] ?? -1;
  const diff = at("diff");
  const rate = at("rate");
  const completion = at("completion");
  const total = at("total");
  const parts = roles.map((x, i) => (x.role === "part" ? i : -1)).filter((i) => i >= 0);
  for (const row of t.rows) {
    const c = row.cells;
    const p = num(c[prev]);
    const x = num(c[cur]);
    if (diff >= 0 && p && x && num(c[diff])) {
      ctx.checked();
      const expected = sub(ivOf(x), ivOf(p));
      const stated = ivOf(num(c[diff])!);
      const ok = num(c[diff])!.n < 0n ? meets(stated, expected) : meets(stated, abs(expected));
      if (!ok) report(ctx, "text-diff", row, { stated: c[diff].text, expected: text((expected.lo + expected.hi) / 2n) }, "high", t.unit);
    }
    if (rate >= 0 && p && x && num(c[rate])) {
      ctx.checked();
      // The rate of the two amounts (a wrong 增减 cell is reported on its own).
      const d = sub(ivOf(x), ivOf(p));
      if (p.n === 0n) report(ctx, "text-base-zero", row, { stated: c[rate].text, expected: "上年为0，不计算增减率" }, "high", t.unit);
      else if (!rateAgrees(num(c[rate])!, d, abs(ivOf(p)))) {
        const e = sub(ivOf(x), ivOf(p));
        report(
          ctx,
          "text-rate",
          row,
          { stated: c[rate].text, expected: pct((e.lo + e.hi) / 2n, (ivOf(p).lo + ivOf(p).hi) / 2n) },
          "high",
          t.unit,
        );
      }
    }
    if (completion >= 0 && budget >= 0 && x && num(c[budget]) && num(c[completion])) {
      ctx.checked();
      const b = num(c[budget])!;
      if (b.n === 0n) report(ctx, "text-base-zero", row, { stated: c[completion].text, expected: "预算为0，不计算完成率" }, "high", t.unit);
      else if (!rateAgrees(num(c[completion])!, ivOf(x), ivOf(b))) {
        report(ctx, "text-rate", row, { stated: c[completion].text, expected: pct(mid(ivOf(x)), mid(ivOf(b))) }, "high", t.unit);
      }
    }
    if (total >= 0 && parts.length >= 2 && num(c[total]) && parts.every((i) => num(c[i]) || c[i] === undefined || c[i].text === "")) {
      const figs = parts.map((i) => num(c[i])).filter((v): v is Dec => v !== null);
      if (figs.length >= 2) {
        ctx.checked();
        const sum = figs.reduce((s, v) => add(s, ivOf(v)), { lo: 0n, hi: 0n });
        if (!meets(sum, ivOf(num(c[total])!)))
          report(ctx, "text-sum", row, { stated: c[total].text, expected: text(mid(sum)) }, "high", t.unit);
      }
    }
  }
}

const mid = (a: Iv) => (a.lo + a.hi) / 2n;
const pct = (a: bigint, b: bigint) => (b === 0n ? "—" : decText({ n: (a * 10000n) / b, d: 2 }));

/** Rows of known items add up: “三公”经费合计 = 出国 + 车 + 接待; 车 = 购置 + 运行. Every numeric column alike. */
function compositions(ctx: CheckContext, t: Table, skip: Set<number>): void {
  const byKey = new Map<ItemKey, Row[]>();
  for (const r of t.rows) {
    const k = itemKeyOf(r.label.replace(/^([（(]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/, "").replace(/^其中[:：]?/, ""));
    if (k && !/不计入|不含/.test(r.label)) byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  for (const comp of COMPOSITIONS) {
    const whole = byKey.get(comp.whole);
    const parts = comp.parts.map((k) => byKey.get(k));
    if (!whole || whole.length !== 1 || parts.some((p) => !p || p.length !== 1)) continue;
    const w = whole[0];
    w.cells.forEach((cell, i) => {
      if (skip.has(i) || !cell.value || cell.percent) return;
      const vals = parts.map((p) => p![0].cells[i]?.value ?? null);
      if (vals.some((v) => v === null)) return;
      ctx.checked();
      const sum = vals.reduce((s, v) => add(s, ivOf(v!)), { lo: 0n, hi: 0n });
      if (!meets(sum, ivOf(cell.value))) report(ctx, "text-sum", w, { stated: cell.text, expected: text(mid(sum)) }, "high", t.unit);
    });
  }
}

/** A relation instance that fails: the cells it involves, and the cell it states (the one it would report). */
interface Failure {
  cells: string[];
  row: Row;
  col: number;
  expected: bigint;
  rule: RuleId;
}

/**
 * Identities the table shows itself: a column that is the difference of two others, or the sum of all the others, in
 * at least two rows with figures; a row that is the difference of two others in at least two columns. One wrong cell
 * breaks several of them: only a cell that every broken identity involves is reported, and only once.
 */
function learned(ctx: CheckContext, t: Table): void {
  const width = Math.max(...t.rows.map((r) => r.cells.length));
  const rows = t.rows;
  const at = (r: number, c: number) => ivOf(num(rows[r].cells[c])!);
  const ok = (r: number, c: number) => num(rows[r].cells[c]) !== null && !rows[r].cells[c].percent;
  const id = (r: number, c: number) => `${r}:${c}`;
  const failures: Failure[] = [];
  // Columns: k = j − i, row by row.
  for (let k = 0; k < width; k++)
    for (let j = 0; j < width; j++)
      for (let i = 0; i < width; i++) {
        if (i === j || j === k || i === k || (i > j && k > i)) continue;
        const used = rows
          .map((_, r) => r)
          .filter((r) => ok(r, i) && ok(r, j) && ok(r, k) && [i, j, k].some((c) => !isZero(rows[r].cells[c])));
        const failing = used.filter((r) => !meets(at(r, k), sub(at(r, j), at(r, i))));
        if (used.length < 3 || failing.length !== 1 || used.length - 1 < 2) continue;
        const r = failing[0];
        failures.push({
          cells: [id(r, i), id(r, j), id(r, k)],
          row: rows[r],
          col: k,
          expected: mid(sub(at(r, j), at(r, i))),
          rule: "text-diff",
        });
      }
  // Column 0 = the sum of the others.
  if (width >= 3) {
    const cols = Array.from({ length: width }, (_, c) => c);
    const used = rows.map((_, r) => r).filter((r) => cols.every((c) => ok(r, c)) && cols.some((c) => !isZero(rows[r].cells[c])));
    const sumOf = (r: number) => cols.slice(1).reduce((acc, c) => add(acc, at(r, c)), { lo: 0n, hi: 0n });
    const failing = used.filter((r) => !meets(at(r, 0), sumOf(r)));
    if (used.length >= 3 && failing.length === 1) {
      const r = failing[0];
      failures.push({ cells: cols.map((c) => id(r, c)), row: rows[r], col: 0, expected: mid(sumOf(r)), rule: "text-sum" });
    }
  }
  // Rows: k = j − i, column by column ("决算对比" = 本年决算 − 上年决算).
  for (let k = 0; k < rows.length; k++)
    for (let j = 0; j < rows.length; j++)
      for (let i = 0; i < rows.length; i++) {
        if (i === j || j === k || i === k) continue;
        const cols = Array.from({ length: width }, (_, c) => c).filter(
          (c) => ok(i, c) && ok(j, c) && ok(k, c) && [i, j, k].some((r) => !isZero(rows[r].cells[c])),
        );
        const failing = cols.filter((c) => !meets(at(k, c), sub(at(j, c), at(i, c))));
        if (cols.length < 3 || failing.length !== 1) continue;
        const c = failing[0];
        failures.push({
          cells: [id(i, c), id(j, c), id(k, c)],
          row: rows[k],
          col: c,
          expected: mid(sub(at(j, c), at(i, c))),
          rule: "text-diff",
        });
      }
  if (failures.length === 0) return;
  ctx.checked();
  const culprits = failures[0].cells.filter((cell) => failures.every((f) => f.cells.includes(cell))).map((x) => x.split(":").map(Number));
  // Cells of one row (or one column) that one identity alone cannot tell apart: the derived one is the rightmost column
  // (a 增减 after 上年 and 本年) or the bottom row (a 对比 row under the rows it compares).
  const oneRow = culprits.every(([r]) => r === culprits[0][0]);
  const oneCol = culprits.every(([, c]) => c === culprits[0][1]);
  if (culprits.length === 0 || (culprits.length > 1 && !oneRow && !oneCol)) {
    ctx.skip("a table whose broken identities no single cell explains");
    return;
  }
  const [r, c] = culprits.reduce((best, x) => (oneRow ? (x[1] > best[1] ? x : best) : x[0] > best[0] ? x : best));
  // Reported where the culprit is the stated side of an identity, else on the first.
  const f = failures.find((x) => x.row === rows[r] && x.col === c) ?? failures[0];
  report(
    ctx,
    f.rule,
    rows[r],
    { stated: rows[r].cells[c].text, expected: f.row === rows[r] && f.col === c ? text(f.expected) : "" },
    "medium",
  );
}

export const tableRows: Check = {
  id: "table-rows",
  run(ctx) {
    for (const t of ctx.doc.tables) {
      if (t.roles) withRoles(ctx, t, t.roles);
      else learned(ctx, t);
      const skip = new Set((t.roles ?? []).map((r, i) => (r.role === "rate" || r.role === "completion" || r.role === "share" ? i : -1)));
      compositions(ctx, t, skip);
    }
  },
};
