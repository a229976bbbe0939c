import "../excel/no-dynamic-code";
import { PANE } from "../core";
import { OfficeHostError } from "../excel/host-error";
import { excelHost } from "../taskpane/hosts/excel-host";
import { LAST_ERROR_KEY, readAndCheck, writeResults } from "../taskpane/hosts/check-flow";
import { errorText } from "../taskpane/error-text";

/**
 * Ribbon 「一键检查」: the same check as the pane, without opening it — scores and 说明 typed into the result sheets are read
 * back and kept, the result sheets written, 「差异分析」 selected. A failure cannot be shown here (a function command has no
 * UI), so it opens the pane, which shows the stored message.
 */
async function oneClickCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = excelHost();
    if (host.unsupported) throw new OfficeHostError(host.unsupported, "ExcelApi 1.7");
    const checked = await readAndCheck(host, host.loadSettings().settings);
    if (checked.unsure.length > 0) {
      // Never write with a guess: the pane asks the clerk to confirm the columns first.
      localStorage.setItem(LAST_ERROR_KEY, PANE.columns.fromRibbon);
      if (Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane().catch(() => undefined);
      return;
    }
    await writeResults(host, checked);
    localStorage.removeItem(LAST_ERROR_KEY);
  } catch (e) {
    localStorage.setItem(LAST_ERROR_KEY, errorText(e));
    if (Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane().catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("oneClickCheck", oneClickCheck);
});
