import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { withinRounding, yuanString } from "../base/money";
import { PART_DIMENSIONS, ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import type { AmountCell, Table, TableColumn, TableRow } from "../recognise/table";
import { tableDecimals } from "./variance";

export interface PartsCheck {
  total: TableColumn;
  parts: TableColumn[];
}

/** The row totals a table must equal across its columns, one check per dimension of parts it carries. */
export function partsChecks(table: Table): PartsCheck[] {
  const r = table.roles;
  const rowTotal = r.actual ?? r.budget ?? r.rowTotal;
  const present = (roles: readonly ColumnRole[]) => roles.map((x) => r[x]).filter((c): c is TableColumn => c !== undefined);
  const checks: PartsCheck[] = [];
  for (const dim of PART_DIMENSIONS) {
    let parts = present(dim.parts);
    if (dim.name === "source" && !r.srcFiscal) parts = [...parts, ...present(["srcGeneral", "srcFund", "srcCapital"])];
    if (dim.within && !r[dim.within]) {
      if (!dim.orWith) continue;
      parts = [...parts, ...present(dim.orWith)];
    }
    const total = dim.within && r[dim.within] ? r[dim.within] : rowTotal;
    if (!total || parts.length < 2) continue;
    checks.push({ total, parts });
  }
  return checks;
}

/** An empty cell is 0 among filled ones; an unreadable one stops the check (it is a finding already). */
const fen = (a: AmountCell | undefined): number | null | "bad" => (a === undefined ? null : a.bad ? "bad" : (a.value ?? 0));

/**
 * Each row's total against its parts (本年支出合计 = 基本支出 + 项目支出 + …): a difference within the rounding of the
 * written figures is `rounding`; beyond it `parts-mismatch` at the total's cell, naming the parts.
 */
export function checkRowParts(
  table: Table,
  findings: Finding[],
  /** Rows whose parts are all left blank are not split at all (三公 tables): passed over, not a mismatch. */
  unsplitPasses = false,
): Set<TableRow> {
  const mismatched = new Set<TableRow>();
  const decimals = tableDecimals(table);
  for (const { total, parts } of partsChecks(table)) {
    for (const row of table.rows) {
      const stated = fen(row.amounts[total.role as ColumnRole]);
      const values = parts.map((p) => fen(row.amounts[p.role as ColumnRole]));
      if (stated === "bad" || values.includes("bad")) continue;
      if (unsplitPasses && parts.every((p) => row.amounts[p.role as ColumnRole]?.value == null)) continue;
      if (stated === null || values.every((v) => v === null || v === 0)) {
        if (stated === null || stated === 0) continue;
      }
      const computed = values.reduce<number>((a, v) => a + ((v as number | null) ?? 0), 0);
      const difference = (stated ?? 0) - computed;
      if (difference === 0) continue;
      const cell = row.amounts[total.role as ColumnRole]?.cell ?? row.cell;
      const data = {
        name: row.name,
        column: total.header.split("/").pop() || ROLE_LABELS[total.role as ColumnRole],
        parts: parts.map((p) => ROLE_LABELS[p.role as ColumnRole]).join("、"),
        stated: yuanString(stated ?? 0),
        computed: yuanString(computed),
        difference: yuanString(difference),
      };
      if (withinRounding(difference, parts.length, table.unit, decimals)) {
        findings.push(finding("rounding", "info", table.sheet, cell, data));
      } else {
        mismatched.add(row);
        findings.push(finding("parts-mismatch", "error", table.sheet, cell, data, Math.abs(difference)));
      }
    }
  }
  return mismatched;
}
