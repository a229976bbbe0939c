import { checkWorkbook } from "../core";
import type { CheckResult } from "../core";
import { StoredSettingsSchema } from "../excel/settings-store";
import type { StoredSettings } from "../excel/settings-store";

/**
 * A workbook picked in Word's pane, parsed here with the same core as everywhere (the reader loaded only now),
 * with the settings Excel stored in it, so the draft is the one Excel's pane would make.
 */
export async function analyzeWorkbookFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ analysis: CheckResult; settings: StoredSettings; fromWorkbook: boolean }> {
  const { readWorkbookFile } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/workbook-file");
  const { grids, storedSettings: stored } = await readWorkbookFile(bytes, fileName);
  const parsed = StoredSettingsSchema.safeParse(stored ?? {});
  const settings = parsed.success ? parsed.data : StoredSettingsSchema.parse({});
  return { analysis: checkWorkbook(grids, settings), settings, fromWorkbook: stored !== null && parsed.success };
}
