import { cellAt } from "../base/cell-grid";
import type { CellGrid } from "../base/cell-grid";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { squash } from "../base/text";
import { AMOUNT_ROLES } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import type { TableKind, TableRow } from "./table";

/** Where a table's figures stand on its grid (0-based rows and columns), and where its header begins. */
export interface FigureArea {
  top: number;
  bottom: number;
  left: number;
  right: number;
  headerCell: string;
}

/**
 * A table recognised without one figure read from it, while figures stand in its rows, is said so, never passed over in
 * silence: its header was not matched to its figures (“三公”经费预算数 over the items, 分值 in a two-row header). An empty
 * form (本表为空表) has no figures and is not said.
 */
export function noteUnreadFigures(
  grid: CellGrid,
  kind: TableKind,
  title: string,
  rows: TableRow[],
  area: FigureArea,
  findings: Finding[],
): void {
  const scoring = kind === "scoring" || kind === "bonus";
  const roles: ColumnRole[] = scoring ? ["maxScore", "score"] : [...AMOUNT_ROLES, "count"];
  const read = rows.some((r) => roles.some((role) => r.amounts[role] && (r.amounts[role].bad !== null || r.amounts[role].value !== null)));
  if (read) return;
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const v = cellAt(grid, r, c);
      const figure = typeof v === "number" || (typeof v === "string" && /^-?[\d,]+(\.\d+)?%?$/.test(squash(v)));
      if (!figure) continue;
      const what = scoring ? "分值或得分" : "金额";
      findings.push(finding("table-empty", "info", grid.sheet, area.headerCell, { title, what }));
      return;
    }
  }
}
