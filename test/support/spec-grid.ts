import type { CellGrid, CellValue, MergedArea } from "../../src/core/base/cell-grid";
import { parseAddress } from "../../src/core/base/cell-grid";
import type { SheetSpec } from "../../scripts/workbook-builder";

/**
 * A fixture sheet as the grid an adapter would read from it, without the .xlsx round trip (fast enough for property
 * tests over many layouts). `merges: false` reads it as Excel before ExcelApi 1.13 does: values only.
 */
export function specGrid(spec: SheetSpec, merges = true): CellGrid {
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  const values: CellValue[][] = spec.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i];
      if (v === undefined || v === null) return null;
      if (typeof v === "object" && "formula" in v) return v.result ?? null;
      return v as CellValue;
    }),
  );
  const areas: MergedArea[] = merges
    ? (spec.merges ?? []).map((m) => {
        const [a, b] = m.split(":").map(parseAddress);
        return { top: a.row, left: a.col, bottom: b.row, right: b.col };
      })
    : [];
  return { sheet: spec.name, origin: { row: 0, col: 0 }, values, merges: areas };
}
