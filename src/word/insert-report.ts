/**
 * Puts the report into Word, using the richest API the host has (feature-detected, never assumed):
 * 1. WordApi 1.5 document.insertFileFromBase64: the whole .docx with its styles and page setup ("document-file");
 * 2. WordApi 1.1 range/body.insertFileFromBase64: the whole .docx at the cursor or over the body ("range-file");
 * 3. WordApi 1.1 insertHtml: headings, paragraphs and tables as HTML ("html");
 * 4. the Common API setSelectedDataAsync as HTML, for hosts without WordApi ("common-html").
 * "new-document" (WordApi 1.3 application.createDocument) opens the .docx as a document of its own.
 */
export type InsertPath = "document-file" | "range-file" | "html" | "common-html" | "new-document";
export type Placement = "cursor" | "replace" | "new";

export const PATH_LABELS: Record<InsertPath, string> = {
  "document-file": "整份文档插入（保留公文样式和页面设置）",
  "range-file": "整份文档插入（保留公文样式）",
  html: "以 HTML 插入（保留标题、段落和表格，字体可能需要调整）",
  "common-html": "以兼容方式插入（较旧的 Word，格式可能需要调整）",
  "new-document": "已作为新文档打开",
};

export interface WordCapabilities {
  api11: boolean;
  api13: boolean;
  api15: boolean;
}

export function detectWordCapabilities(office: {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}): WordCapabilities {
  const has = (v: string) => {
    try {
      return office.context.requirements.isSetSupported("WordApi", v);
    } catch {
      return false;
    }
  };
  return { api11: has("1.1"), api13: has("1.3"), api15: has("1.5") };
}

export interface WordHost {
  run: <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;
  /** Office.context.document.setSelectedDataAsync, for hosts without WordApi. */
  setSelectedHtml: (html: string) => Promise<void>;
}

export async function insertReport(
  host: WordHost,
  caps: WordCapabilities,
  docxBase64: string,
  html: string,
  placement: Placement,
): Promise<InsertPath> {
  if (placement === "new") {
    if (!caps.api13) throw new Error("此版本的 Word 不能从加载项新建文档，请选择“插入到光标处”或“替换全文”");
    await host.run(async (context) => {
      context.application.createDocument(docxBase64).open();
      await context.sync();
    });
    return "new-document";
  }
  if (caps.api15 && placement === "replace") {
    await host.run(async (context) => {
      context.document.insertFileFromBase64(docxBase64, "Replace", {
        importStyles: true,
        importParagraphSpacing: true,
        importPageColor: false,
        importTheme: false,
      });
      await context.sync();
    });
    return "document-file";
  }
  if (caps.api11) {
    await host.run(async (context) => {
      const target = placement === "replace" ? context.document.body : context.document.getSelection();
      target.insertFileFromBase64(docxBase64, "Replace");
      await context.sync();
    });
    return "range-file";
  }
  await host.setSelectedHtml(html);
  return "common-html";
}

/** The HTML path, when a .docx cannot be inserted (kept for hosts whose insertFileFromBase64 fails). */
export async function insertHtml(host: WordHost, html: string, placement: Placement): Promise<InsertPath> {
  await host.run(async (context) => {
    const target = placement === "replace" ? context.document.body : context.document.getSelection();
    target.insertHtml(html, "Replace");
    await context.sync();
  });
  return "html";
}
