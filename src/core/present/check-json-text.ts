import type { CheckResult } from "../score/check-result";
import type { VarianceLine } from "../analyse/variance";
import type { Finding } from "../base/findings";
import { findingMessage } from "../catalogue/findings";
import { centsJson } from "../base/money";
import { DEFAULT_PRESENTATION } from "../base/presentation";
import type { Presentation } from "../base/presentation";
import { sangongJson, scoringJson, tableJson } from "./check-json";

/**
 * Text handed to `out` at a time: large enough that a 100,000-line document is a few hundred writes, small enough that
 * the whole text (tens of MB) is never one string in memory.
 */
const CHUNK = 1 << 16;

/**
 * The `check --json` document as text, streamed to `out` in pieces of about 64 KB: the same keys, order and values as
 * checkJson (JSON.parse of the text deep-equals it), written compact with one table, line and finding per text line, so
 * that grep and line-by-line readers work and nothing is indented. Written straight from the analysis: a 100,000-line
 * document is never built as objects first, and each line is one template (V8's JSON.stringify is slower for it, and
 * pretty printing more so). The few tables, 三公 and scoring are small and go through checkJson's own builders.
 */
export function writeCheckJson(analysis: CheckResult, out: (text: string) => void, p: Presentation = DEFAULT_PRESENTATION): void {
  // Pieces joined into one flat string per chunk: `out` gets text ready to write. (Adding the lines to one string instead
  // makes a rope of thousands of pieces, which the write must flatten: the same work, only later and out of the bench's sight.)
  const parts: string[] = [];
  let size = 0;
  const emit = (text: string) => {
    parts.push(text);
    size += text.length;
    if (size >= CHUNK) {
      out(parts.join(""));
      parts.length = 0;
      size = 0;
    }
  };
  const sheets = new SheetNames();
  const { tables, lines, findings } = analysis;
  emit('{"tables":');
  for (let i = 0; i < tables.length; i++) emit((i === 0 ? "[\n" : ",\n") + JSON.stringify(tableJson(tables[i])));
  emit(`${close(tables.length)},\n"lines":`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    emit(lineText(i === 0 ? "[\n" : ",\n", l, sheets.json(l.sheet)));
  }
  emit(`${close(lines.length)},\n"sangong":${JSON.stringify(sangongJson(analysis))},\n"scoring":${JSON.stringify(scoringJson(analysis))}`);
  emit(',\n"findings":');
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    emit(findingText(i === 0 ? "[\n" : ",\n", f, sheets.json(f.sheet), p));
  }
  emit(`${close(findings.length)}}\n`);
  out(parts.join(""));
}

/** The end of an array whose elements began "[\n" and ",\n": "[]" when there were none. */
const close = (count: number): string => (count === 0 ? "[]" : "\n]");

/**
 * JSON of a sheet name, worked out once per sheet: lines come a table at a time (the last name nearly always matches),
 * findings in order of severity across sheets (the map).
 */
class SheetNames {
  private last: string | null = null;
  private lastJson = "";
  private readonly known = new Map<string, string>();

  json(sheet: string): string {
    if (sheet === this.last) return this.lastJson;
    let text = this.known.get(sheet);
    if (text === undefined) {
      text = jsonString(sheet);
      this.known.set(sheet, text);
    }
    this.last = sheet;
    this.lastJson = text;
    return text;
  }
}

/**
 * What JSON.stringify needs to escape in a string: quotes, backslashes, control characters, and surrogates (a lone one
 * is written as \udXXX; a pair passes through JSON.stringify unchanged, but is rare enough to send there too).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(s): most names and cells need no escaping, and a test is cheaper than the call. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

const nullableString = (s: string | null): string => (s === null ? "null" : jsonString(s));

/** A whole number as JSON.stringify writes it (null for NaN and ±Infinity, which no level is). */
const jsonNumber = (n: number): string => (Number.isFinite(n) ? String(n) : "null");

/** The end of most lines: no reason, the budget from the line's own table, no flags. */
const PLAIN_END = ',"reason":null,"budgetSheet":null,"budgetCell":null,"flags":[]}';

/**
 * One element of `lines`, as checkJson builds it, after `sep`: amounts and rates through centsJson (yuanString and
 * percentString). Every piece joined is a node to allocate now and to walk when the chunk is joined, so constant runs
 * are single literals: cell, code and name go in as they are when one test shows none needs escaping, and the common
 * end (no reason, no other budget table, no flags) is one string.
 */
function lineText(sep: string, l: VarianceLine, sheet: string): string {
  const from = l.budgetFrom;
  const { cell, code, name } = l;
  const head =
    !NEEDS_ESCAPE.test(cell) && !NEEDS_ESCAPE.test(name) && (code === null || !NEEDS_ESCAPE.test(code))
      ? code === null
        ? `${sep}{"sheet":${sheet},"cell":"${cell}","code":null,"name":"${name}","level":`
        : `${sep}{"sheet":${sheet},"cell":"${cell}","code":"${code}","name":"${name}","level":`
      : `${sep}{"sheet":${sheet},"cell":${jsonString(cell)},"code":${nullableString(code)},"name":${jsonString(name)},"level":`;
  const end =
    l.reason === null && from === null && l.flags.length === 0
      ? PLAIN_END
      : `,"reason":${nullableString(l.reason)},"budgetSheet":${nullableString(from?.sheet ?? null)},` +
        `"budgetCell":${nullableString(from?.cell ?? null)},"flags":${l.flags.length === 0 ? "[]" : JSON.stringify(l.flags)}}`;
  return (
    `${head}${jsonNumber(l.level)}${l.isTotal ? ',"isTotal":true,"budgetInitial":' : ',"isTotal":false,"budgetInitial":'}` +
    `${centsJson(l.budgetInitial)},"budgetFinal":${centsJson(l.budgetFinal)},"budget":${centsJson(l.budget)},` +
    `"actual":${centsJson(l.actual)},"previous":${centsJson(l.previous)},"diff":${centsJson(l.diff)},` +
    `"diffRate":${centsJson(l.diffRate)},"completionRate":${centsJson(l.completionRate)},` +
    `"yoyDiff":${centsJson(l.yoyDiff)},"yoyRate":${centsJson(l.yoyRate)}${end}`
  );
}

/** One element of `findings`, as findingJson builds it: the message from the catalogue, the data as it is. */
function findingText(sep: string, f: Finding, sheet: string, p: Presentation): string {
  return (
    `${sep}{"rule":${jsonString(f.rule)},"severity":${jsonString(f.severity)},"sheet":${sheet},"cell":${jsonString(f.cell)},` +
    `"message":${jsonString(findingMessage(f, p))},"data":${JSON.stringify(f.data)}}`
  );
}
