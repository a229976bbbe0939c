import type { Analysis } from "../core/analyse/analysis";
import { buildOutputPlans } from "../core/present/output-plans";
import type { Settings } from "../core/run/settings";
import { loadWorkbook } from "../xlsx/read-workbook";
import { writePlans } from "../xlsx/write-plans";

/** A copy of the workbook with the output sheets added; the user's sheets are carried over untouched. */
export async function writeOutputSheets(
  bytes: Uint8Array,
  fileName: string,
  analysis: Analysis,
  settings: Settings,
): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const wb = await loadWorkbook(bytes, fileName);
  const sheets = writePlans(wb, buildOutputPlans(analysis, settings));
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), sheets };
}
