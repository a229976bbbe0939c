import { PANE } from "../core";
import type { EtRoot } from "../wps/api";
import { wpsEtHost } from "../wps/et/host";
import { togglePane } from "../wps/ribbon";
import { errorText } from "../taskpane/error-text";
import { LAST_ERROR_KEY, readAndCheck, writeResults } from "../taskpane/hosts/check-flow";

/**
 * 「一键检查」 from the WPS 表格 ribbon: the pane's check without the pane (the same flow as Excel's ribbon command). A
 * failure, or tables whose columns the clerk must confirm first, is kept in PluginStorage for the pane, which opens.
 */
export async function ribbonCheck(root: EtRoot, base: string): Promise<void> {
  try {
    const host = wpsEtHost(root);
    const checked = await readAndCheck(host, host.loadSettings().settings);
    if (checked.unsure.length > 0) {
      // Never write with a guess: the pane asks the clerk to confirm the columns first.
      root.PluginStorage.setItem(LAST_ERROR_KEY, PANE.columns.fromRibbon);
      togglePane(root, "et", base, false);
      return;
    }
    await writeResults(host, checked);
    root.PluginStorage.removeItem(LAST_ERROR_KEY);
  } catch (e) {
    root.PluginStorage.setItem(LAST_ERROR_KEY, errorText(e));
    togglePane(root, "et", base, false);
  }
}
