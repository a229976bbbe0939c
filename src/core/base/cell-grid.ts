/** A sheet's used range as plain data. Every host adapter produces this; core never sees Excel or files. */
export type CellError = { error: string }; // "#REF!", "#DIV/0!" …
/**
 * A cell that holds a date: a serial number under a date format, or an ISO date (`t="d"`). Never an amount.
 * `date` is "2020-05-01" (with "T12:30:00" when it has a time), or the raw serial as text when no such day exists.
 */
export type CellDate = { date: string };
export type CellValue = string | number | boolean | null | CellError | CellDate;

export interface MergedArea {
  /** 0-based, relative to the grid (not the sheet). Inclusive bounds. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellGrid {
  /** The sheet's name; for a sheet of a second workbook read beside the first (预算 beside 决算), "[预算.xlsx]表5". */
  sheet: string;
  /** Set for a sheet of a second workbook: its file name. Its cells are quoted as values, never linked by formulas. */
  book?: string;
  /** Sheet coordinates (0-based) of values[0][0]: a used range may start at B3. */
  origin: { row: number; col: number };
  values: CellValue[][];
  merges: MergedArea[];
  /**
   * Sparse grids: the sheet row (0-based) of each row of `values`, strictly increasing. A reader leaves long runs of
   * empty rows out (keeping a few blank rows where a gap was, so tables still end where they end), so the cost of a
   * grid follows what the sheet holds, not its bounding box. Absent: rows are contiguous from `origin.row`.
   */
  rowIndex?: number[];
  /** The same for columns: the sheet column (0-based) of each grid column. Absent: contiguous from `origin.col`. */
  colIndex?: number[];
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isCellDate(v: CellValue): v is CellDate {
  return typeof v === "object" && v !== null && "date" in v;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet row (0-based) of a grid row. */
export function sheetRow(grid: CellGrid, r: number): number {
  return grid.rowIndex ? (grid.rowIndex[r] ?? grid.rowIndex[grid.rowIndex.length - 1] + r - grid.rowIndex.length + 1) : grid.origin.row + r;
}

/** Sheet column (0-based) of a grid column. */
export function sheetCol(grid: CellGrid, c: number): number {
  return grid.colIndex ? (grid.colIndex[c] ?? grid.colIndex[grid.colIndex.length - 1] + c - grid.colIndex.length + 1) : grid.origin.col + c;
}

/** Sheet column letter of a grid column. */
export function gridColumnLetter(grid: CellGrid, c: number): string {
  return columnLetter(sheetCol(grid, c));
}

/** A1-style address of a grid cell, in sheet coordinates. */
export function cellAddress(grid: CellGrid, r: number, c: number): string {
  return `${columnLetter(sheetCol(grid, c))}${sheetRow(grid, r) + 1}`;
}

/** Sheet names need quotes in formulas and addresses when they are not plain identifiers. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

export function parseAddress(cell: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(cell);
  if (!m) throw new RangeError(`not an A1 address: ${cell}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

export function rangeAddress(grid: CellGrid, top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(grid, top, left)}:${cellAddress(grid, bottom, right)}`;
}

export function cellAt(grid: CellGrid, r: number, c: number): CellValue {
  const row = grid.values[r];
  return row === undefined ? null : (row[c] ?? null);
}

export function gridWidth(grid: CellGrid): number {
  let w = 0;
  for (const row of grid.values) if (row.length > w) w = row.length;
  return w;
}

/**
 * The value a reader sees at (r, c): merged areas show their top-left value everywhere,
 * which is what header recognition needs ("本年支出" merged over two columns).
 * Merges are looked up by row, so a huge merge costs its rows, never rows × columns.
 */
export function mergedValueGetter(grid: CellGrid): (r: number, c: number) => CellValue {
  if (grid.merges.length === 0) return (r, c) => cellAt(grid, r, c);
  const height = grid.values.length;
  const byRow = new Map<number, MergedArea[]>();
  for (const m of grid.merges) {
    const bottom = Math.min(m.bottom, height - 1);
    for (let r = m.top; r <= bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return (r, c) => {
    const list = byRow.get(r);
    if (list) for (const m of list) if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return cellAt(grid, m.top, m.left);
    return cellAt(grid, r, c);
  };
}
