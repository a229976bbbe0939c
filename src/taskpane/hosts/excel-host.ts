import { PANE, PLAN_MARK } from "../../core";
import { detectCapabilities } from "../../excel/capabilities";
import { OfficeHostError } from "../../excel/host-error";
import { readGrids } from "../../excel/read-grids";
import { removeSheets, renderPlans } from "../../excel/render-plans";
import { selectCell } from "../../excel/select-cell";
import { loadSettings, saveSettings } from "../../excel/settings-store";
import type { SettingsHost } from "../../excel/settings-store";
import { canDownload, download } from "../deliver-report";
import type { WorkbookHost } from "./host";

/**
 * WorkbookHost over Office.js (src/excel): each use is one Excel.run with the adapter's constant number of syncs — reading
 * takes 3, writing the result sheets 1, selecting a cell 1, removing our sheets 3.
 */
export function excelHost(): WorkbookHost {
  if (typeof Excel === "undefined" || typeof Office === "undefined") throw new OfficeHostError(PANE.notInExcel, "Excel API 不可用");
  const caps = detectCapabilities(Office);
  const settings = Office.context.document.settings as unknown as SettingsHost;
  const platform = (Office.context.platform as unknown as string | undefined) ?? null;
  return {
    kind: "excel",
    platform,
    unsupported: caps.baseline ? null : PANE.tooOld,
    readGrids: () => Excel.run(async (context) => (await readGrids(context, caps.mergedAreas)).grids),
    writeSheets: (plans, existing) =>
      Excel.run(
        async (context) => (await renderPlans(context, plans, { existing, canChart: caps.charts, canPageLayout: caps.pageLayout })).names,
      ),
    removeSheets: async (names) => {
      await Excel.run((context) => removeSheets(context, names, PLAN_MARK));
    },
    select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    loadSettings: () => {
      const r = loadSettings(settings);
      return { settings: r.settings, problem: r.problem === null ? null : PANE.storedSettingsBad(r.problem) };
    },
    saveSettings: (s) => saveSettings(settings, s),
    saveFile: async (name, bytes) => {
      if (!canDownload(platform)) return null;
      download(new Blob([bytes as BlobPart]), name);
      return PANE.savedWhere;
    },
  };
}
