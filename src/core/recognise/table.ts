import { parseAddress } from "../base/cell-grid";
import type { Unit } from "../base/money";
import type { AmountCell } from "../read/number-parser";

export type { AmountCell };
import type { ColumnRole } from "./column-roles";

export const TABLE_KINDS = ["budget-actual", "comparison", "sangong", "staff", "scoring", "bonus", "amounts"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export type CodeScheme = "function" | "economic" | "other" | null;
/** Whose figures a table holds: the 决算 (final accounts), the 预算 (approved budget), a 绩效 self-evaluation, or not said. */
export type Basis = "final" | "budget" | "selfeval" | null;

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
  /** 合计 (and 本年收入合计 …), 小计, or 总计 (the 合计 plus the lines after it: 年初结转和结余 …). */
  totalKind: "total" | "subtotal" | "grand" | null;
  isPart: boolean; // "其中：" rows: a breakdown of the row above, not an addend of the total
  /** A count in a money table (三公's 团组数, 保有量(辆), 接待人次): never summed with money, never a variance line. */
  isCount?: boolean;
  amounts: Partial<Record<ColumnRole, AmountCell>>;
  reason: string | null;
  reasonCell: string | null;
  /** 一级/二级/三级指标 and 等级 texts as they read (merged cells fill down): where a scoring row belongs. */
  labels: Partial<Record<"level1" | "level2" | "level3" | "grade", string>>;
  /** A 自评表 indicator's 年度指标值 and 实际完成值, as written ("≥50个", "明显改善"): words, never money. */
  texts?: Partial<Record<"target" | "result", string>>;
}

export interface Table {
  id: string; // "Sheet!A3:F20"
  sheet: string;
  /** The other workbook this table came from (预算.xlsx beside 决算.xlsx), or null for the workbook being checked. */
  book: string | null;
  title: string;
  /** Where the title was read (null when the sheet name stands in for it). */
  titleCell: string | null;
  range: string; // header top-left to last data row bottom-right
  headerRange: string;
  kind: TableKind;
  /** The catalogued national form this table is (form-catalogue.ts), or null for a unit's own table. */
  form: string | null;
  basis: Basis;
  /** For forms set side by side: the group title above this side (收入, 支出, 人员经费, 公用经费). */
  side: string | null;
  unit: Unit;
  unitSource: "title" | "header" | "assumed" | "confirmed";
  columns: TableColumn[];
  roles: Partial<Record<ColumnRole, TableColumn>>;
  rows: TableRow[];
  codeScheme: CodeScheme;
  /** Things recognition was unsure about, in words for the clerk. */
  notes: string[];
}

/** Whether a cell of a sheet lies within a table's range. */
export function inTable(t: Table, sheet: string, cell: string): boolean {
  if (sheet !== t.sheet) return false;
  const [tl, br] = t.range.split(":").map(parseAddress);
  const p = parseAddress(cell);
  return p.row >= tl.row && p.row <= br.row && p.col >= tl.col && p.col <= br.col;
}
