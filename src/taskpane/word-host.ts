import { detectWordCapabilities } from "../word/insert-report";
import type { Placement, WordCapabilities, WordHost } from "../word/insert-report";
import { OfficeHostError } from "../excel/host-error";

/** The Word side of the pane: the real globals in Word, a simulated Word host in tests. */
export interface WordPaneHost extends WordHost {
  capabilities: WordCapabilities;
  /** A host that inserts and reads the document itself (WPS 文字, src/wps); says which way it inserted. */
  document?: {
    insertReport(docx: Uint8Array, html: string, placement: Placement): Promise<string>;
    readText(): Promise<string>;
  };
}

export function wordHost(): WordPaneHost {
  if (typeof Word === "undefined" || typeof Office === "undefined")
    throw new OfficeHostError("请在 Word 中打开决算助手", "Word API 不可用");
  return {
    run: (batch) => Word.run(batch),
    capabilities: detectWordCapabilities(Office),
    setSelectedHtml: (html) =>
      new Promise((resolve, reject) =>
        Office.context.document.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, (r) =>
          r.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new OfficeHostError("Word 未能插入报告", r.error?.message ?? "")),
        ),
      ),
  };
}
