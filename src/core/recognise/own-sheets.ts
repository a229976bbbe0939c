import type { CellGrid } from "../base/cell-grid";

/** A marker in A1 of every sheet this tool writes, so a re-run knows its own sheets (and replaces only those). */
export const PLAN_MARK = "（决算助手生成）";

/** Sheets this tool wrote are results, not data: re-running never analyses them. */
export function isOutputGrid(grid: CellGrid): boolean {
  const a1 = grid.origin.row === 0 && grid.origin.col === 0 ? grid.values[0]?.[0] : null;
  return typeof a1 === "string" && a1.includes(PLAN_MARK);
}
