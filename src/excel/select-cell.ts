import { hostStep } from "./host-error";

/** Moves Excel's selection to a finding's cell (and shows its sheet). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await hostStep(`选中 ${sheet}!${cell}`, () => context.sync());
}
