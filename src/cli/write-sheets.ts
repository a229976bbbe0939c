import { resultSheets } from "../core";
import type { CheckResult, Settings } from "../core";
import { loadWorkbook } from "../xlsx/read-workbook";
import { writePlans } from "../xlsx/write-plans";

/** A copy of the workbook with the output sheets added; the user's sheets are carried over untouched. */
export async function writeOutputSheets(
  bytes: Uint8Array,
  fileName: string,
  analysis: CheckResult,
  settings: Settings,
): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const wb = await loadWorkbook(bytes, fileName);
  const sheets = writePlans(wb, resultSheets(analysis, settings));
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), sheets };
}
