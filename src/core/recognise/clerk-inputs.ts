import { cellAddress } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { keyOf } from "../base/findings";
import { squash } from "../base/text";
import { RULE_TITLES } from "../catalogue/findings";
import { NOTES_HEADERS, NOTES_SHEET, SCORING_HEADERS } from "../catalogue/sheets";
import { isOutputGrid } from "./own-sheets";

/**
 * What the clerk typed into the result sheets this tool wrote: scores and rates in 「绩效评分表」 and 说明 in 「审核说明」.
 * Read before the sheets are rebuilt, so nothing the clerk typed is lost; the run stage merges it into the settings.
 * Rows are found by their headers, never by fixed positions, and only in sheets whose A1 carries our mark.
 */
export interface ScoreRowInput {
  level1: string;
  name: string;
  /** 得分 as typed; null when the cell is blank (the clerk cleared it). */
  score: number | null;
  /** 实际值 in percent (0.9 in a percent cell is 90); null when blank. */
  rate: number | null;
  sheet: string;
  cell: string;
}

export interface NoteInput {
  /** The finding's key (see findingKey): rule, sheet, cell and item. */
  key: string;
  /** "" when the 说明 cell is blank. */
  note: string;
}

export interface ClerkInputs {
  /** Rows of a 「绩效评分表」 we wrote, or null when there is none. */
  scores: ScoreRowInput[] | null;
  /** Rows of an 「审核说明」 we wrote, or null when there is none. */
  notes: NoteInput[] | null;
}

const RULE_BY_TITLE = new Map(Object.entries(RULE_TITLES).map(([rule, title]) => [title, rule]));

const text = (v: CellValue): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

function numberOf(v: CellValue, percent: boolean): number | null | undefined {
  if (v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? (percent ? Number((v * 100).toPrecision(15)) : v) : undefined;
  if (typeof v === "string") {
    const t = squash(v).replace(/[%％]$/, "");
    if (t === "") return null;
    const n = Number(t);
    return /^[+-]?\d+(\.\d+)?$/.test(t) && Number.isFinite(n) ? n : undefined;
  }
  return undefined; // a logical value, an error value, a date: not a number the clerk meant
}

/** The title in A1 without our mark: which of our sheets this is, whatever name it was given. */
function titleOf(grid: CellGrid): string {
  return text(grid.values[0]?.[0] ?? null);
}

/** Row index and column of each header, from the first row that holds all of `required`. */
function headerRow(grid: CellGrid, required: string[]): { row: number; cols: Map<string, number> } | null {
  for (let r = 0; r < Math.min(grid.values.length, 12); r++) {
    const cols = new Map<string, number>();
    (grid.values[r] ?? []).forEach((v, c) => {
      const t = text(v);
      if (t && !cols.has(t)) cols.set(t, c);
    });
    if (required.every((h) => cols.has(h))) return { row: r, cols };
  }
  return null;
}

function readScores(grid: CellGrid): ScoreRowInput[] | null {
  const H = SCORING_HEADERS;
  const head = headerRow(grid, [H.level1, H.name, H.score]);
  if (!head) return null;
  const col = (h: string) => head.cols.get(h) ?? -1;
  const rows: ScoreRowInput[] = [];
  let level1 = "";
  for (let r = head.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const l1 = text(row[col(H.level1)] ?? null);
    const name = text(row[col(H.name)] ?? null);
    if (l1) level1 = l1;
    if (!name) continue; // subtotals, totals, bonus rows and the findings list below have no 三级指标
    const score = numberOf(row[col(H.score)] ?? null, false);
    const rate = col(H.value) >= 0 ? numberOf(row[col(H.value)] ?? null, true) : null;
    rows.push({
      level1,
      name,
      score: score === undefined ? null : score,
      rate: rate === undefined ? null : rate,
      sheet: grid.sheet,
      cell: cellAddress(grid, r, col(H.score)),
    });
  }
  return rows;
}

function readNotes(grid: CellGrid): NoteInput[] | null {
  const H = NOTES_HEADERS;
  const head = headerRow(grid, [H.where, H.subject, H.rule, H.note]);
  if (!head) return null;
  const col = (h: string) => head.cols.get(h) as number;
  const notes: NoteInput[] = [];
  for (let r = head.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const where = text(row[col(H.where)] ?? null);
    const rule = RULE_BY_TITLE.get(text(row[col(H.rule)] ?? null));
    const bang = where.lastIndexOf("!");
    if (!rule || bang <= 0) continue;
    const sheet = where
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    const cell = where.slice(bang + 1);
    const note = text(row[col(H.note)] ?? null);
    // A finding that names no item shows its place as the item (see notes-plan): its key has no item.
    const subject = text(row[col(H.subject)] ?? null);
    notes.push({ key: keyOf(rule, sheet, cell, subject === where ? "" : subject), note });
  }
  return notes;
}

/** The clerk's inputs in our own sheets among `grids` (the workbook as read, result sheets included). */
export function readClerkInputs(grids: CellGrid[]): ClerkInputs {
  let scores: ScoreRowInput[] | null = null;
  let notes: NoteInput[] | null = null;
  for (const g of grids) {
    if (!isOutputGrid(g)) continue;
    const title = titleOf(g);
    if (scores === null && title.startsWith("绩效评分表")) scores = readScores(g);
    else if (notes === null && title.startsWith(NOTES_SHEET)) notes = readNotes(g);
  }
  return { scores, notes };
}
