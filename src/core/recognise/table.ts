import type { Unit } from "../base/money";
import type { AmountCell } from "../read/number-parser";

export type { AmountCell };
import type { ColumnRole } from "./column-roles";

export const TABLE_KINDS = ["budget-actual", "comparison", "sangong", "staff", "scoring", "bonus", "amounts"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export type CodeScheme = "function" | "economic" | "other" | null;

export interface TableColumn {
  col: number; // grid column index
  letter: string; // sheet column letter
  header: string; // header texts joined with "/"
  role: ColumnRole | null;
  unit: Unit | null; // stated in this column's header
}

export interface TableRow {
  r: number; // grid row index
  cell: string; // address of the name (or code) cell: what a line points at
  code: string | null;
  codeScheme: CodeScheme;
  name: string;
  level: number; // 0 for totals; 1 for 类/301/一、; deeper for children
  isTotal: boolean;
  totalKind: "total" | "subtotal" | null;
  isPart: boolean; // "其中：" rows: a breakdown of the row above, not an addend of the total
  amounts: Partial<Record<ColumnRole, AmountCell>>;
  reason: string | null;
  reasonCell: string | null;
  /** 一级/二级/三级指标 and 等级 texts as they read (merged cells fill down): where a scoring row belongs. */
  labels: Partial<Record<"level1" | "level2" | "level3" | "grade", string>>;
}

export interface Table {
  id: string; // "Sheet!A3:F20"
  sheet: string;
  title: string;
  range: string; // header top-left to last data row bottom-right
  headerRange: string;
  kind: TableKind;
  unit: Unit;
  unitSource: "title" | "header" | "assumed" | "confirmed";
  columns: TableColumn[];
  roles: Partial<Record<ColumnRole, TableColumn>>;
  rows: TableRow[];
  codeScheme: CodeScheme;
  /** Things recognition was unsure about, in words for the clerk. */
  notes: string[];
}
