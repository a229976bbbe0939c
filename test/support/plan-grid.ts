import type { CellGrid, CellValue } from "../../src/core/base/cell-grid";
import type { SheetPlan } from "../../src/core/present/sheet-plan";

/** A result sheet as a host reads it back: values as written, formulas as blanks (their results are not needed here). */
export function planGrid(plan: SheetPlan, name = plan.name): CellGrid {
  const width = Math.max(...plan.rows.map((r) => r.length), plan.colWidths.length);
  const values: CellValue[][] = plan.rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const cell = r[c];
      if (!cell || cell.f !== undefined || cell.v === undefined || cell.v === "") return null;
      return cell.v;
    }),
  );
  return { sheet: name, origin: { row: 0, col: 0 }, values, merges: [] };
}

/** Types `value` into the first row whose column `keyCol` holds `key`, in column `col` (header texts). */
export function typeInto(g: CellGrid, key: { header: string; text: string }, header: string, value: CellValue): string {
  const headerRow = g.values.findIndex((r) => r.includes(key.header) && r.includes(header));
  if (headerRow < 0) throw new Error(`no header ${key.header}/${header} in ${g.sheet}`);
  const kc = g.values[headerRow].indexOf(key.header);
  const vc = g.values[headerRow].indexOf(header);
  const r = g.values.findIndex((row, i) => i > headerRow && row[kc] === key.text);
  if (r < 0) throw new Error(`no row ${key.text} in ${g.sheet}`);
  g.values[r][vc] = value;
  return `${String.fromCharCode(65 + vc)}${r + 1}`;
}
