import type { CellDate } from "../core";

/** The last day Excel can show: 9999-12-31 is serial 2958465 in the 1900 system. */
const MAX_SERIAL = 2958466;
const DAY_MS = 86400000;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * A date-formatted number as a date: "2020-05-01", with "T12:30:00" when it has a time of day. The fraction is taken
 * from the number's decimal text and rounded to whole seconds, so 28.51 is 12:14:24, not a float's near miss. A serial
 * with no such day (negative, beyond 9999, 1900-02-29, or under 1 in the 1900 system) keeps its text: never a crash.
 */
export function serialDate(text: string, date1904: boolean): CellDate {
  const v = Number(text);
  if (!Number.isFinite(v) || v < 0 || v >= MAX_SERIAL) return { date: text };
  let days = Math.floor(v);
  let seconds = Math.round((v - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (days === 60 || days < 1)
    return { date: text }; // 1900-02-29 (Excel's Lotus bug) and day 0 do not exist
  else epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + days * DAY_MS);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (seconds === 0) return { date: day };
  return { date: `${day}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO date cell (`t="d"`): the same shape as serial dates; text that is not an ISO date is kept as written. */
export function isoDate(text: string): CellDate {
  const m = ISO.exec(text.trim());
  if (!m) return { date: text };
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const time = m[4] === undefined ? "" : `${m[4]}:${m[5]}:${m[6] ?? "00"}`;
  return { date: time === "" || time === "00:00:00" ? day : `${day}T${time}` };
}
