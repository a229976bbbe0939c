import type ExcelJS from "exceljs";
import { PLAN_MARK } from "../core";
import type { CellStyle, SheetPlan } from "../core";

const FILL = { warning: "FFFFF2CC", error: "FFF8CBAD" } as const;

const STYLE: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { bold: true, size: 11 } },
  header: {
    font: { bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: { bottom: { style: "thin" } },
  },
  total: { font: { bold: true } },
  note: { font: { italic: true, color: { argb: "FF595959" } } },
  link: { font: { color: { argb: "FF0563C1" }, underline: true } },
};

function isOurs(ws: ExcelJS.Worksheet): boolean {
  const a1 = ws.getCell("A1").value;
  return typeof a1 === "string" && a1.includes(PLAN_MARK);
}

/**
 * Adds the planned sheets to a workbook. Sheets this tool wrote before (marked in A1) are replaced;
 * a user's own sheet that happens to have the same name is kept, and ours gets a suffix.
 * Charts are left to the Excel adapter: exceljs cannot write them.
 */
export function writePlans(wb: ExcelJS.Workbook, plans: SheetPlan[]): string[] {
  const names: string[] = [];
  for (const plan of plans) {
    let name = plan.name;
    const existing = wb.getWorksheet(name);
    if (existing && isOurs(existing)) wb.removeWorksheet(existing.id);
    else if (existing) {
      name = `${plan.name}_决算助手`;
      const ours = wb.getWorksheet(name);
      if (ours) wb.removeWorksheet(ours.id);
    }
    const ws = wb.addWorksheet(name, { views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows }] : [] });
    plan.colWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    plan.rows.forEach((cells, r) => {
      cells.forEach((c, col) => {
        if (!c || (c.v === undefined && c.f === undefined)) return;
        const cell = ws.getCell(r + 1, col + 1);
        if (c.f !== undefined) cell.value = { formula: c.f } as ExcelJS.CellFormulaValue;
        else if (c.link && typeof c.v === "string") cell.value = { text: c.v, hyperlink: `#${c.link}` };
        else cell.value = c.v ?? null;
        if (c.fmt) cell.numFmt = c.fmt;
        if (c.style) Object.assign(cell, { style: { ...cell.style, ...STYLE[c.style] } });
      });
    });
    const width = plan.colWidths.length;
    for (const h of plan.highlights) {
      for (let col = 1; col <= width; col++) {
        ws.getCell(h.row + 1, col).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[h.style] } };
      }
    }
    for (const rule of plan.conditional) {
      ws.addConditionalFormatting({
        ref: rule.range,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [rule.formula],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: FILL[rule.style] } }, font: { bold: true } },
          },
        ],
      });
    }
    names.push(name);
  }
  return names;
}
