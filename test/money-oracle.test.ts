import Decimal from "decimal.js";
import fc from "fast-check";
import { checkJson, CheckJsonSchema, checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import type { CellValue, Unit } from "../src/core";
import { grid } from "./support/grid";

/**
 * Exact money: every figure of the analysis (amounts, differences, rates, the sum checks) equals what decimal.js computes
 * from the same cells, on random tables in every unit — written as numbers, as text with separators, blank, zero,
 * negative, up to 千亿. Zero differences, not "close".
 */
const UNITS: Unit[] = ["元", "千元", "万元", "亿元"];
const FACTOR: Record<Unit, Decimal> = { 元: new Decimal(1), 千元: new Decimal(1000), 万元: new Decimal(10000), 亿元: new Decimal(1e8) };
/** Decimals a unit can carry and still be whole 分 (元 0.01, 万元 0.000001 …). */
const MAX_DECIMALS: Record<Unit, number> = { 元: 2, 千元: 5, 万元: 6, 亿元: 10 };
const ROLES = ["budgetInitial", "budgetFinal", "actual", "previous"] as const;

interface Cell {
  text: string | null; // decimal string in the table's unit, null = blank
  asNumber: boolean;
  separators: boolean;
}

const cellArb = (unit: Unit) =>
  fc
    .record({
      blank: fc.integer({ min: 0, max: 12 }),
      digits: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
      decimals: fc.integer({ min: 0, max: MAX_DECIMALS[unit] }),
      zero: fc.integer({ min: 0, max: 8 }),
      asNumber: fc.boolean(),
      separators: fc.boolean(),
    })
    .map(({ blank, digits, decimals, zero, asNumber, separators }): Cell => {
      if (blank === 0) return { text: null, asNumber, separators };
      if (zero === 0) return { text: "0", asNumber, separators };
      // An amount below 10¹¹ 元 in the table's unit, with the chosen decimals.
      const limit = new Decimal(1e11).dividedBy(FACTOR[unit]);
      let d = new Decimal(digits.toString()).dividedBy(new Decimal(10).pow(decimals));
      if (d.abs().gt(limit)) d = d.mod(limit);
      return { text: d.toFixed(decimals), asNumber, separators };
    });

function written(c: Cell): CellValue {
  if (c.text === null) return null;
  if (c.asNumber) return Number(c.text);
  if (!c.separators) return c.text;
  const [whole, frac] = c.text.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${c.text.startsWith("-") ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

const yuan = (c: Cell, unit: Unit): Decimal | null => (c.text === null ? null : new Decimal(c.text).times(FACTOR[unit]));
/** The contract's two-decimal string; zero is "0.00", never "-0.00". */
const s2 = (d: Decimal | null) => (d === null ? null : d.toFixed(2, Decimal.ROUND_HALF_UP).replace(/^-(0\.00)$/, "$1"));
/** A rate in percent; beyond ±2⁵³ basis points (about 9×10¹³ %) there is no rate worth stating, as in core. */
const rate = (n: Decimal | null, b: Decimal | null) => {
  if (n === null || b === null || b.isZero()) return null;
  const r = n.dividedBy(b).times(100);
  return r.times(100).abs().round().gt(Number.MAX_SAFE_INTEGER) ? null : s2(r);
};

test("property: the analysis equals a decimal.js oracle, figure by figure", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...UNITS).chain((unit) =>
        fc.record({
          unit: fc.constant(unit),
          lines: fc.array(fc.tuple(cellArb(unit), cellArb(unit), cellArb(unit), cellArb(unit)), { minLength: 1, maxLength: 15 }),
          withTotal: fc.boolean(),
        }),
      ),
      ({ unit, lines, withTotal }) => {
        const rows: CellValue[][] = [[`单位：${unit}`], ["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "上年决算数"]];
        lines.forEach((l, i) =>
          rows.push([
            `2010${String(i + 1)
              .padStart(3, "0")
              .slice(-3)}`,
            `科目${i + 1}`,
            ...l.map(written),
          ]),
        );
        // A 合计 row that is the exact sum, so the sum check must stay silent; its own figures are compared too.
        const sums = ROLES.map((_, k) => lines.reduce((acc, l) => acc.plus(yuan(l[k], unit) ?? 0), new Decimal(0)));
        if (withTotal) rows.push(["", "合计", ...sums.map((d) => d.dividedBy(FACTOR[unit]).toFixed(MAX_DECIMALS[unit]))]);
        const doc = CheckJsonSchema.parse(checkJson(checkWorkbook([grid("表", rows)], DEFAULT_SETTINGS)));

        const expected = lines.map((l) => {
          const [initial, final, actual, previous] = l.map((c) => yuan(c, unit) ?? new Decimal(0));
          const diff = actual.minus(final);
          const yoy = actual.minus(previous);
          return [
            s2(initial),
            s2(final),
            s2(final),
            s2(actual),
            s2(previous),
            s2(diff),
            rate(diff, final),
            rate(actual, final),
            s2(yoy),
            rate(yoy, previous),
          ];
        });
        if (withTotal) {
          const [initial, final, actual, previous] = sums;
          const diff = actual.minus(final);
          const yoy = actual.minus(previous);
          expected.push([
            s2(initial),
            s2(final),
            s2(final),
            s2(actual),
            s2(previous),
            s2(diff),
            rate(diff, final),
            rate(actual, final),
            s2(yoy),
            rate(yoy, previous),
          ]);
        }
        const got = doc.lines.map((x) => [
          x.budgetInitial,
          x.budgetFinal,
          x.budget,
          x.actual,
          x.previous,
          x.diff,
          x.diffRate,
          x.completionRate,
          x.yoyDiff,
          x.yoyRate,
        ]);
        expect(got).toEqual(expected);
        expect(doc.findings.filter((f) => f.rule === "sum-mismatch" || f.rule === "rounding" || f.rule === "bad-value")).toEqual([]);
        expect(JSON.stringify(doc)).not.toMatch(/"-0\.00"/);
      },
    ),
    { numRuns: 400 },
  );
});

test("property: a total off by any amount is a sum-mismatch exactly when decimal.js says it exceeds the rounding", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...UNITS).chain((unit) =>
        fc.tuple(
          fc.constant(unit),
          // parts below 10¹¹ 元 each, in the unit's smallest written step
          fc.array(fc.bigInt({ min: 0n, max: BigInt(new Decimal(1e11).dividedBy(FACTOR[unit]).toFixed(0)) }), {
            minLength: 2,
            maxLength: 8,
          }),
          fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }).map((o) => o % BigInt(new Decimal(1e11).dividedBy(FACTOR[unit]).toFixed(0))),
          fc.integer({ min: 0, max: 2 }),
        ),
      ),
      ([unit, parts, offset, decimals]) => {
        const d = Math.min(decimals, MAX_DECIMALS[unit]);
        const show = (n: bigint) => new Decimal(n.toString()).dividedBy(new Decimal(10).pow(d)).toFixed(d);
        const total = parts.reduce((a, b) => a + b, 0n) + offset;
        const rows: CellValue[][] = [
          [`单位：${unit}`],
          ["项目", "决算数"],
          ...parts.map((p, i) => [`科目${i + 1}`, show(p)]),
          ["合计", show(total)],
        ];
        const doc = CheckJsonSchema.parse(checkJson(checkWorkbook([grid("表", rows)], DEFAULT_SETTINGS)));
        const difference = new Decimal(offset.toString()).dividedBy(new Decimal(10).pow(d)).times(FACTOR[unit]);
        // Every written part was rounded, and so was the total: half a step each.
        const tolerance = new Decimal(0.5)
          .times(new Decimal(10).pow(-d))
          .times(FACTOR[unit])
          .times(parts.length + 1);
        // A mismatch one mistyped digit explains is reported as that digit (digit-slip), with the stated and likely value.
        const rules = doc.findings
          .map((f) => (f.rule === "digit-slip" ? "sum-mismatch" : f.rule))
          .filter((r) => r === "sum-mismatch" || r === "rounding");
        const oracle = difference.isZero() ? [] : difference.abs().lte(tolerance) ? ["rounding"] : ["sum-mismatch"];
        expect(rules).toEqual(oracle);
        const found = doc.findings.find((f) => f.rule === "sum-mismatch" || f.rule === "rounding" || f.rule === "digit-slip");
        if (found?.rule === "digit-slip") {
          const moved = new Decimal(String(found.data.stated)).minus(String(found.data.likely));
          expect(found.cell === `B${rows.length}` ? moved.toFixed(2) : moved.negated().toFixed(2)).toBe(s2(difference));
        } else if (found) expect(found.data.difference).toBe(s2(difference));
      },
    ),
    { numRuns: 400 },
  );
});
