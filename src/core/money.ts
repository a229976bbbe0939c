import Decimal from "decimal.js";

/** Amounts are decimal and kept in 元 inside core; units only matter when reading and presenting. */
export { Decimal };
export type Money = Decimal;

export const UNITS = ["元", "千元", "万元", "亿元"] as const;
export type Unit = (typeof UNITS)[number];

const FACTOR: Record<Unit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

export function unitFactor(unit: Unit): Decimal {
  return FACTOR[unit];
}

export function toYuan(amount: Decimal, unit: Unit): Decimal {
  return unit === "元" ? amount : amount.times(FACTOR[unit]);
}

/** Shared zero: empty cells count as 0 in a line's arithmetic, without allocating one each. */
export const ZERO = new Decimal(0);

export function fromYuan(yuan: Decimal, unit: Unit): Decimal {
  return yuan.dividedBy(FACTOR[unit]);
}

/** Two-decimal string in 元, the CLI contract ("-424100.00"). */
export function yuanString(yuan: Decimal | null): string | null {
  return yuan === null ? null : yuan.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Rate in percent, or null when the base is zero or missing (never 0%, never ∞). */
export function percentRate(numerator: Decimal | null, base: Decimal | null): Decimal | null {
  if (numerator === null || base === null || base.isZero()) return null;
  return numerator.dividedBy(base).times(100);
}

export function percentString(rate: Decimal | null): string | null {
  return rate === null ? null : rate.toFixed(2, Decimal.ROUND_HALF_UP);
}

export function sumMoney(values: (Decimal | null)[]): Decimal {
  return values.reduce<Decimal>((acc, v) => (v === null ? acc : acc.plus(v)), new Decimal(0));
}

/** Present an amount (元 inside) in a unit with fixed decimals: 424100 元 → "42.41" 万元. */
export function formatAmount(yuan: Decimal, unit: Unit, decimals = 2): string {
  return fromYuan(yuan, unit).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** Largest / smallest of many numbers without spreading them into arguments (which overflows the stack on large tables). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = empty;
  for (const v of values) if (v < m) m = v;
  return m;
}
