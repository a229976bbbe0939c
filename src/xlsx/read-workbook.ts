import ExcelJS from "exceljs";
import type { CellGrid, CellValue, MergedArea } from "../core";
import { UnusableInputError } from "../core";
import { checkWorkbookBytes } from "./unusable-input";

type ExcelValue = ExcelJS.CellValue;

/** exceljs cell value → CellGrid value: formulas give their cached result, rich text its plain text. */
export function toCellValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
  }
  return null;
}

function formulaOf(v: ExcelValue): string | null {
  if (v && typeof v === "object" && "formula" in v && typeof v.formula === "string") return v.formula;
  return null;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet → CellGrid with origin A1. Merged slave cells are null; the merge list says who owns them. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): CellGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    const f: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      out[colNumber - 1] = toCellValue(cell.value);
      const formula = formulaOf(cell.value);
      if (formula) {
        f[colNumber - 1] = formula;
        anyFormula = true;
      }
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    values[rowNumber - 1] = out;
    formulas[rowNumber - 1] = f;
  });
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  const mergeMap = (ws as unknown as { _merges: Record<string, MergeRange> })._merges ?? {};
  const merges: MergedArea[] = Object.values(mergeMap).map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
  const grid: CellGrid = { sheet: ws.name, origin: { row: 0, col: 0 }, values, merges };
  if (anyFormula) grid.formulas = formulas.map((r) => Array.from({ length: r.length }, (_, i) => r[i] ?? null));
  return grid;
}

export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    // A Uint8Array works in Node and in the browser (no Buffer): the Word pane parses workbooks too.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnusableInputError(
      `无法读取工作簿（文件可能已损坏或不完整）：${fileName}`,
      `Cannot read the workbook (damaged or truncated?): ${fileName} (${(e as Error).message})`,
    );
  }
  return wb;
}

export async function readWorkbookGrids(bytes: Uint8Array, fileName: string): Promise<CellGrid[]> {
  const wb = await loadWorkbook(bytes, fileName);
  return wb.worksheets.filter((ws) => ws.state !== "veryHidden").map(worksheetToGrid);
}
