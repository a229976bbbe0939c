/** A sheet's used range as plain data. Every host adapter produces this; core never sees Excel or files. */
export type CellError = { error: string }; // "#REF!", "#DIV/0!" …
export type CellValue = string | number | boolean | null | CellError;

export interface MergedArea {
  /** 0-based, relative to the grid (not the sheet). Inclusive bounds. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellGrid {
  sheet: string;
  /** Sheet coordinates (0-based) of values[0][0]: a used range may start at B3. */
  origin: { row: number; col: number };
  values: CellValue[][];
  merges: MergedArea[];
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
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

/** A1-style address of a grid cell, in sheet coordinates. */
export function cellAddress(grid: CellGrid, r: number, c: number): string {
  return `${columnLetter(grid.origin.col + c)}${grid.origin.row + r + 1}`;
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
 */
export function mergedValueGetter(grid: CellGrid): (r: number, c: number) => CellValue {
  if (grid.merges.length === 0) return (r, c) => cellAt(grid, r, c);
  const owner = new Map<number, [number, number]>();
  let width = gridWidth(grid);
  for (const m of grid.merges) width = Math.max(width, m.right + 1);
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) owner.set(r * width + c, [m.top, m.left]);
      }
    }
  }
  return (r, c) => {
    const o = c < width ? owner.get(r * width + c) : undefined;
    return o ? cellAt(grid, o[0], o[1]) : cellAt(grid, r, c);
  };
}
