import { UnusableInputError } from "../core";
import type { CellGrid, CellValue, MergedArea } from "../core";
import { MAX_COLS } from "./sheet-scan";
import type { ScannedSheet } from "./sheet-scan";

/**
 * Scanned cells → CellGrid whose cost follows what the sheet holds. The grid starts at the top-left cell that holds
 * something; runs of empty rows longer than ROW_GAP keep ROW_KEEP blank rows and runs of empty columns longer than
 * COL_GAP keep COL_KEEP blank columns (then `rowIndex`/`colIndex` say where each grid row and column sits), so a table
 * still ends where it ends and one cell at XFD1048576 costs a handful of grid cells.
 */
export const GRID_LIMITS = {
  rowGap: 16,
  rowKeep: 3,
  colGap: 4,
  colKeep: 1,
  /** Merged areas considered per sheet (real sheets have hundreds); later ones only matter for header recognition. */
  merges: 5000,
  /** Grid cells allowed beyond AREA_PER_CELL per non-empty cell: a dense table never comes near. */
  areaBase: 4_000_000,
  areaPerCell: 16,
};

interface Axis {
  /** Sheet index of each grid position. */
  index: number[];
  compressed: boolean;
}

function axis(occupied: number[], gap: number, keep: number): Axis {
  const index: number[] = [];
  let compressed = false;
  for (let i = 0; i < occupied.length; i++) {
    const at = occupied[i];
    if (i > 0) {
      const prev = occupied[i - 1];
      const blank = at - prev - 1;
      if (blank > gap) {
        compressed = true;
        for (let k = 1; k <= keep; k++) index.push(prev + k);
      } else for (let k = prev + 1; k < at; k++) index.push(k);
    }
    index.push(at);
  }
  return { index, compressed };
}

/** Whether a row's cells sit at grid columns 0, 1, 2 … in order. */
function isDense(cols: number[], gridCol: Int32Array): boolean {
  for (let k = 0; k < cols.length; k++) if (gridCol[cols[k]] !== k) return false;
  return true;
}

/** Largest i with sorted[i] ≤ v, or -1. */
function lastAtOrBefore(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function buildGrid(sheet: string, scan: ScannedSheet): CellGrid {
  if (scan.cellCount === 0) return { sheet, origin: { row: 0, col: 0 }, values: [], merges: [] };

  // Rows in sheet order (a malformed file may repeat or reorder them; later cells win, as a later write would).
  let order = scan.rows.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < scan.rows.length; i++) if (scan.rows[i] <= scan.rows[i - 1]) sorted = false;
  if (!sorted) order = order.sort((a, b) => scan.rows[a] - scan.rows[b] || a - b);
  const contentRows: number[] = [];
  for (const i of order) if (contentRows[contentRows.length - 1] !== scan.rows[i]) contentRows.push(scan.rows[i]);

  const usedCol = new Uint8Array(MAX_COLS);
  for (const cols of scan.cols) for (const c of cols) usedCol[c] = 1;
  const contentCols: number[] = [];
  for (let c = 0; c < MAX_COLS; c++) if (usedCol[c]) contentCols.push(c);

  const rows = axis(contentRows, GRID_LIMITS.rowGap, GRID_LIMITS.rowKeep);
  const cols = axis(contentCols, GRID_LIMITS.colGap, GRID_LIMITS.colKeep);
  // Sheet column → grid column (-1 outside), and the last grid column at or before each sheet column (for clipping).
  const gridCol = new Int32Array(MAX_COLS).fill(-1);
  cols.index.forEach((c, i) => (gridCol[c] = i));

  // Each row holds as many cells as its last non-empty one: bound that total before allocating anything.
  let area = 0;
  for (const cs of scan.cols) {
    let last = 0;
    for (const c of cs) if (gridCol[c] > last) last = gridCol[c];
    area += last + 1;
  }
  const allowed = GRID_LIMITS.areaBase + GRID_LIMITS.areaPerCell * scan.cellCount;
  if (area > allowed) {
    throw new UnusableInputError(
      `工作表「${sheet}」的内容过于分散（${scan.cellCount} 个非空单元格分布在 ${rows.index.length} 行 × ${cols.index.length} 列中），无法读取。`,
      `The cells of sheet "${sheet}" are too scattered to read ` +
        `(${scan.cellCount} cells over ${rows.index.length} rows × ${cols.index.length} columns).`,
    );
  }

  const values: CellValue[][] = new Array(rows.index.length);
  let formulas: (string | null)[][] | null = null;
  let g = 0;
  for (const i of order) {
    const sheetRow = scan.rows[i];
    while (rows.index[g] < sheetRow) {
      if (values[g] === undefined) values[g] = [];
      g++;
    }
    const rowCols = scan.cols[i];
    const rowVals = scan.vals[i];
    const row = values[g];
    if (row === undefined && isDense(rowCols, gridCol))
      values[g] = rowVals; // a row without holes is its grid row already
    else {
      const target = row ?? (values[g] = []);
      for (let k = 0; k < rowCols.length; k++) {
        const c = gridCol[rowCols[k]];
        while (target.length < c) target.push(null);
        target[c] = rowVals[k];
      }
    }
    const forms = scan.forms[i];
    if (forms) {
      formulas ??= [];
      while (formulas.length <= g) formulas.push([]);
      const fr = formulas[g];
      for (let k = 0; k < rowCols.length; k++) {
        if (forms[k] === null) continue;
        const c = gridCol[rowCols[k]];
        while (fr.length < c) fr.push(null);
        fr[c] = forms[k];
      }
    }
  }
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];

  const grid: CellGrid = { sheet, origin: { row: rows.index[0], col: cols.index[0] }, values, merges: [] };
  if (rows.compressed) grid.rowIndex = rows.index;
  if (cols.compressed) grid.colIndex = cols.index;
  if (formulas) {
    while (formulas.length < values.length) formulas.push([]);
    grid.formulas = formulas;
  }
  grid.merges = clipMerges(scan, grid, rows.index, gridCol, cols.index);
  return grid;
}

/**
 * Merged areas in grid coordinates. A merge counts only when its top-left cell holds something; it is clipped to the
 * grid and dropped when nothing but that cell is left. A merge that overlaps one kept before it is malformed (Excel
 * would refuse the file) and dropped. Never expanded cell by cell: the cost is the number of merges, and clearing
 * stray values inside a kept merge costs at most the grid's own size, since kept merges do not overlap.
 */
function clipMerges(scan: ScannedSheet, grid: CellGrid, rowIndex: number[], gridCol: Int32Array, colIndex: number[]): MergedArea[] {
  const kept: MergedArea[] = [];
  let considered = 0;
  for (const m of scan.merges) {
    if (considered >= GRID_LIMITS.merges) break;
    const top = lastAtOrBefore(rowIndex, m.top);
    if (top < 0 || rowIndex[top] !== m.top) continue;
    const left = gridCol[m.left];
    if (left < 0) continue;
    const topLeft = grid.values[top][left];
    if (topLeft === null || topLeft === undefined) continue;
    considered++;
    const bottom = lastAtOrBefore(rowIndex, m.bottom);
    const right = lastAtOrBefore(colIndex, m.right);
    if (bottom === top && right === left) continue;
    const area = { top, left, bottom, right };
    if (kept.some((k) => k.top <= bottom && area.top <= k.bottom && k.left <= right && area.left <= k.right)) continue;
    kept.push(area);
  }
  // A value inside a merge (but not its top-left) is hidden in Excel; the reader hides it too.
  for (const m of kept) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = grid.values[r];
      const formulas = grid.formulas?.[r];
      for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) {
        if (r === m.top && c === m.left) continue;
        row[c] = null;
        if (formulas && c < formulas.length) formulas[c] = null;
      }
    }
  }
  return kept;
}
