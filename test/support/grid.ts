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
