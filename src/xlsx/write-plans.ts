import type ExcelJS from "exceljs";
import { HIGHLIGHT_FILL, PLAN_MARK } from "../core";
import type { CellStyle, HighlightStyle, SheetPlan } from "../core";

const fill = (style: HighlightStyle) => `FF${HIGHLIGHT_FILL[style]}`;

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
        if (c.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
      });
    });
    const width = plan.colWidths.length;
    // Rows of wrapped text are taller than one line: every cell sits at the top, so a row reads across.
    ws.eachRow((row) => row.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: "top" })));
    for (const h of plan.highlights) {
      for (let col = h.col === undefined ? 1 : h.col + 1; col <= (h.col === undefined ? width : h.col + 1); col++) {
        ws.getCell(h.row + 1, col).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill(h.style) } };
      }
    }
    for (const m of plan.merges ?? []) {
      ws.mergeCells(m.row + 1, m.from + 1, m.row + 1, m.to + 1);
      const cell = ws.getCell(m.row + 1, m.from + 1);
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
    }
    for (const h of plan.heights ?? []) ws.getRow(h.row + 1).height = h.points;
    if (plan.print) {
      // A4, one page wide (any number of pages tall), the header row on every page, page numbers in the footer.
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9,
        orientation: plan.print.orientation,
        fitToPage: plan.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      };
      if (plan.print.titleRows) ws.pageSetup.printTitlesRow = `${plan.print.titleRows.first}:${plan.print.titleRows.last}`;
      if (plan.print.footer) ws.headerFooter = { oddFooter: `&C${plan.print.footer}` };
    }
    for (const rule of plan.conditional) {
      ws.addConditionalFormatting({
        ref: rule.range,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [rule.formula],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill(rule.style) } }, font: { bold: true } },
          },
        ],
      });
    }
    names.push(name);
  }
  return names;
}
