import { OPEN, EMPTY, XmlCursor } from "./xml-scan";
import { entryText } from "./zip-archive";
import type { ZipArchive } from "./zip-archive";

/**
 * Settings the add-in saved in Excel (Office document settings) live inside the .xlsx, in the web-extension
 * part (xl/webextensions/webextension*.xml) as <we:property name="…" value="…"/>. Reading them lets Word's
 * pane, given the same file, make the same draft (template, threshold, unit, manual scores).
 */
export const SETTINGS_KEY = "juesuan.settings";

export function storedSettingsOf(zip: ZipArchive, fileName: string): unknown | null {
  const parts = zip.entries.filter((e) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(e.name));
  for (const part of parts) {
    const xml = entryText(zip, part.name, fileName);
    if (xml === null) continue;
    const cur = new XmlCursor(xml);
    while (cur.next()) {
      if (cur.name !== "property" || (cur.kind !== OPEN && cur.kind !== EMPTY) || cur.attr("name") !== SETTINGS_KEY) continue;
      // Office stores each value JSON-encoded; ours is itself a JSON string, so it may be encoded twice.
      let value: unknown = cur.attr("value") ?? "";
      for (let i = 0; i < 2 && typeof value === "string"; i++) {
        try {
          value = JSON.parse(value);
        } catch {
          break;
        }
      }
      return typeof value === "object" ? value : null;
    }
  }
  return null;
}
