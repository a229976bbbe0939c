import type { CellGrid, SheetPlan } from "../../core";
import type { StoredSettings } from "../../excel/settings-store";

/**
 * What the pane needs from a spreadsheet host, whatever it is: Excel through Office.js (src/excel) or WPS 表格 through the
 * WPS JS API (src/wps). The pane and its use cases see only this; each adapter reads and writes in whole blocks with a
 * constant number of round trips.
 */
export interface WorkbookHost {
  kind: "excel" | "wps-et";
  /** "PC", "OfficeOnline", "Mac", "iOS", "WPS"… (null outside a host). */
  platform: string | null;
  /** A sentence for the clerk when this host is too old to run the add-in, else null. */
  unsupported: string | null;
  /** Every visible and hidden sheet's used range as grids (the adapter marks date cells and error values). */
  readGrids(): Promise<CellGrid[]>;
  /** Writes the result sheets, replacing this tool's earlier ones (marked in A1); `existing` says which names are ours. */
  writeSheets(plans: SheetPlan[], existing: Map<string, boolean>): Promise<string[]>;
  /** Removes sheets this tool wrote (never a clerk's sheet). */
  removeSheets(names: string[]): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): { settings: StoredSettings; problem: string | null };
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Where a downloaded or saved file lands, in words ("浏览器的下载文件夹"), or null when the host cannot save files. */
  saveFile(name: string, bytes: Uint8Array): Promise<string | null>;
}

/** What the pane needs from a document host: Word through Office.js (src/word) or WPS 文字 (src/wps). */
export interface DocumentHost {
  kind: "word" | "wps-wps";
  platform: string | null;
  unsupported: string | null;
  /** Inserts the .docx at the cursor, over the whole body, or as a new document; says which way it went. */
  insertReport(docx: Uint8Array, html: string, placement: "cursor" | "replace" | "new"): Promise<string>;
  /** The open document's text, paragraph per line. */
  readText(): Promise<string>;
}
