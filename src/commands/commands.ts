import "../excel/no-dynamic-code";
import { loadSettings } from "../excel/settings-store";
import { detectCapabilities } from "../excel/capabilities";
import { LAST_ERROR_KEY, runCheck } from "../excel/run-check";

/**
 * Ribbon 「一键检查」: the same check as the pane, without opening it. It writes the result sheets and
 * selects 「差异分析」. A failure cannot be shown here (a function command has no UI), so it opens the pane,
 * which shows the stored message.
 */
async function oneClickCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { settings } = loadSettings(Office.context.document.settings as unknown as Parameters<typeof loadSettings>[0]);
    await runCheck((batch) => Excel.run(batch), settings, detectCapabilities(Office));
    localStorage.removeItem(LAST_ERROR_KEY);
  } catch (e) {
    localStorage.setItem(LAST_ERROR_KEY, e instanceof Error ? e.message : String(e));
    if (Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane().catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("oneClickCheck", oneClickCheck);
});
