import JSZip from "jszip";

/**
 * Settings the add-in saved in Excel (Office document settings) live inside the .xlsx, in the web-extension
 * part (xl/webextensions/webextension*.xml) as <we:property name="…" value="…"/>. Reading them lets Word's
 * pane, given the same file, make the same draft (template, threshold, unit, manual scores).
 */
export const SETTINGS_KEY = "juesuan.settings";

const decodeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export async function readStoredSettings(bytes: Uint8Array): Promise<unknown | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const parts = Object.keys(zip.files).filter((f) => /^xl\/webextensions\/webextension\d*\.xml$/.test(f));
  for (const part of parts) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<we:property\s+name="([^"]+)"\s+value="([^"]*)"\s*\/>/g)) {
      if (decodeXml(m[1]) !== SETTINGS_KEY) continue;
      // Office stores each value JSON-encoded; ours is itself a JSON string, so it may be encoded twice.
      let value: unknown = decodeXml(m[2]);
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
