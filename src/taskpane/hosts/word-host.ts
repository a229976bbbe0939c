import { PANE } from "../../core";
import { OfficeHostError } from "../../excel/host-error";
import { detectWordCapabilities, insertHtml, insertReport, PATH_LABELS } from "../../word/insert-report";
import type { WordHost } from "../../word/insert-report";
import { readDocumentText } from "../../word/read-document";
import { errorText } from "../error-text";
import type { DocumentHost } from "./host";

const toBase64 = (bytes: Uint8Array) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** DocumentHost over Word's Office.js (src/word): the richest insertion the host has, said in words. */
export function wordHost(): DocumentHost & { canCreateDocument: boolean } {
  if (typeof Word === "undefined" || typeof Office === "undefined") throw new OfficeHostError(PANE.notInWord, "Word API 不可用");
  const caps = detectWordCapabilities(Office);
  const word: WordHost = {
    run: (batch) => Word.run(batch),
    setSelectedHtml: (html) =>
      new Promise((resolve, reject) =>
        Office.context.document.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, (r) =>
          r.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new OfficeHostError(PANE.word.insertFailed, r.error?.message ?? "")),
        ),
      ),
  };
  return {
    kind: "word",
    platform: (Office.context.platform as unknown as string | undefined) ?? null,
    unsupported: null,
    canCreateDocument: caps.api13,
    insertReport: async (docx, html, placement) => {
      try {
        return PATH_LABELS[await insertReport(word, caps, toBase64(docx), html, placement)];
      } catch (e) {
        if (placement === "new" || !caps.api11) throw e;
        // The whole-file route failed on this host: say so, and insert the same draft as HTML.
        return `${PATH_LABELS[await insertHtml(word, html, placement)]}${PANE.word.fallback(errorText(e))}`;
      }
    },
    readText: () => readDocumentText(word),
  };
}
