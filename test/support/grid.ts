import type { CellGrid, CellValue, MergedArea } from "../../src/core/base/cell-grid";
import { parseAddress } from "../../src/core/base/cell-grid";

/** A CellGrid from rows (row 1 first) and "A1:B2" merges: the smallest way to write a test sheet. */
export function grid(sheet: string, rows: CellValue[][], merges: string[] = []): CellGrid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    sheet,
    origin: { row: 0, col: 0 },
    values: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
    merges: merges.map((m): MergedArea => {
      const [a, b] = m.split(":").map(parseAddress);
      return { top: a.row, left: a.col, bottom: b.row, right: b.col };
    }),
  };
}

/** A copy of `grids` with cells of one sheet set ("E18" → value): a workbook with a known error, from a real one. */
export function withCells(grids: CellGrid[], sheet: string, cells: Record<string, CellValue>): CellGrid[] {
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const values = g.values.map((r) => [...r]);
    for (const [address, v] of Object.entries(cells)) {
      const { row, col } = parseAddress(address);
      const r = g.rowIndex ? g.rowIndex.indexOf(row) : row - g.origin.row;
      const c = g.colIndex ? g.colIndex.indexOf(col) : col - g.origin.col;
      if (r < 0 || c < 0 || r >= values.length || c >= values[r].length) throw new RangeError(`${sheet}!${address} is outside the grid`);
      values[r][c] = v;
    }
    return { ...g, values };
  });
}

/**
 * The sample's 功能分类 table with one wrong 类 row: E19 (扶贫, digits swapped in the sample) put right, then 农林水 类
 * (E18) and its 项目支出 (G18) raised by 0.54 with the 合计 row (E5, G5), so the 类 alone disagrees with its 款.
 */
export const WRONG_CLASS: Record<string, CellValue> = { E19: 1313.28, E18: 1733.5, G18: 1613.82, E5: 3281.76, G5: 2180.02 };
