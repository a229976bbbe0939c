import ExcelJS from "exceljs";

/** A sheet described as data, so a reader of a test sees exactly what the workbook holds. */
export type SpecValue = string | number | boolean | null | { error: string } | { formula: string; result?: number };
export interface SheetSpec {
  name: string;
  /** Row 1 first. `undefined` holes are empty cells. */
  rows: SpecValue[][];
  /** "A1:F1" style ranges. */
  merges?: string[];
  /** Excel table objects (ListObjects): name, top-left ref, header row index (0-based into rows), column count, row count. */
  tables?: { name: string; ref: string; headerRow: number; rowCount: number }[];
  widths?: number[];
  numFmt?: string;
}

function toExcel(v: SpecValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "error" in v) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  if (typeof v === "object" && "formula" in v) return { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
  return v;
}

export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "决算助手 fixtures";
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    const tableRows = new Set<number>();
    for (const t of spec.tables ?? []) {
      const header = spec.rows[t.headerRow] as string[];
      const start = ws.getCell(t.ref);
      ws.addTable({
        name: t.name,
        ref: t.ref,
        headerRow: true,
        columns: header.map((h) => ({ name: String(h) })),
        rows: spec.rows.slice(t.headerRow + 1, t.headerRow + 1 + t.rowCount).map((r) => r.map(toExcel)),
      });
      for (let i = 0; i <= t.rowCount; i++) tableRows.add(Number(start.row) - 1 + i);
    }
    spec.rows.forEach((row, r) => {
      if (tableRows.has(r)) return;
      row.forEach((v, c) => {
        if (v === undefined || v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = toExcel(v);
        if (typeof v === "number" && spec.numFmt) cell.numFmt = spec.numFmt;
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    spec.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}

export async function workbookBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const buf = await buildWorkbook(sheets).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
