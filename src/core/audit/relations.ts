/**
 * The arithmetic of the checks, exact and with the tolerance the written precision allows. A stated amount x written
 * with d decimals stands for any value within half a unit of its last decimal; a sum, a difference or a ratio of such
 * amounts is an interval, and a stated figure agrees when its own interval meets it. A rate of 12.5 % is 12.45–12.55;
 * computed from 0.01-rounded figures it may move in the last digit, and that is not an error. Beyond the interval by
 * less than one more unit of the last digit (a truncated 38.28 for 38.2877) is reported as a warning, not an error.
 */
import { abs, halfUlp, micro, TEN } from "./numbers";
import type { Dec, Figure } from "./numbers";
import type { MoneyUnit } from "./vocabulary";

/** A closed interval of µ元. */
export interface Interval {
  lo: bigint;
  hi: bigint;
}

export function around(f: Figure, unit: MoneyUnit): Interval {
  const m = micro(f, unit);
  const h = halfUlp(f, unit);
  return { lo: m - h, hi: m + h };
}

export const plus = (a: Interval, b: Interval): Interval => ({ lo: a.lo + b.lo, hi: a.hi + b.hi });
export const minus = (a: Interval, b: Interval): Interval => ({ lo: a.lo - b.hi, hi: a.hi - b.lo });
export const exact = (v: bigint): Interval => ({ lo: v, hi: v });
export const meets = (a: Interval, b: Interval) => a.lo <= b.hi && b.lo <= a.hi;

/**
 * For sums of written figures: a figure written x stands for [x − h, x + h) (half up), so a sum of such figures is
 * [Σlo, Σhi) and two of them meet only if they overlap by more than a point. Exact figures (0) are single points.
 */
export function sumsMeet(a: Interval, b: Interval): boolean {
  const pa = a.lo === a.hi;
  const pb = b.lo === b.hi;
  if (pa && pb) return a.lo === b.lo;
  if (pa) return b.lo <= a.lo && a.lo < b.hi;
  if (pb) return a.lo <= b.lo && b.lo < a.hi;
  return a.lo < b.hi && b.lo < a.hi;
}
export const mid = (a: Interval) => (a.lo + a.hi) / 2n;
export const magnitude = (a: Interval): Interval =>
  a.lo >= 0n ? a : a.hi <= 0n ? { lo: -a.hi, hi: -a.lo } : { lo: 0n, hi: a.hi > -a.lo ? a.hi : -a.lo };

export type Agreement = "agrees" | "last-digit" | "differs";

/**
 * Does a stated percentage agree with num / den × 100, both intervals (den > 0, num ≥ 0)? "last-digit" when it is off by
 * less than one more unit of its last written decimal.
 */
export function ratePercent(stated: Dec, num: Interval, den: Interval): Agreement {
  const r = abs(stated.n);
  const scale = 2n * TEN(stated.d);
  // computed range in percent: [100·num.lo/den.hi, 100·num.hi/den.lo]; stated range (r ± k/2) / 10^d.
  const within = (k: bigint) => 100n * num.hi * scale >= (2n * r - k) * den.lo && 100n * num.lo * scale <= (2n * r + k) * den.hi;
  if (within(1n)) return "agrees";
  return within(3n) ? "last-digit" : "differs";
}
