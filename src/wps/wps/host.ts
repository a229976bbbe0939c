import { WPS_TEXT } from "../../core";
import { OfficeHostError } from "../../excel/host-error";
import type { WpsRange, WpsRoot } from "../api";
import { tempPath, writeBytes, writeText } from "../files";
import { wpsStep } from "../host-step";
import { globalRoot } from "../et/host";

/** WPS 文字 as the pane's DocumentHost (src/taskpane/hosts/host.ts). */
export interface WpsDocumentHost {
  kind: "wps-wps";
  platform: string | null;
  unsupported: string | null;
  insertReport(docx: Uint8Array, html: string, placement: "cursor" | "replace" | "new"): Promise<string>;
  readText(): Promise<string>;
}

/** An HTML file Word-like hosts open as a document: UTF-8, declared so. */
function htmlFile(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
}

/**
 * Inserts the report: the .docx is written to a temporary file through the host's file API and inserted with
 * Range.InsertFile (keeping its styles and page setup), then removed. When the host cannot write the bytes whole, the
 * same draft goes in as an HTML file. "cursor": at the selection; "replace": over the whole body; "new": a new document.
 */
export function insertWpsReport(root: WpsRoot, docx: Uint8Array, html: string, placement: "cursor" | "replace" | "new"): string {
  const target = (): WpsRange => {
    if (placement === "new") return root.Documents.Add().Content;
    const doc = root.ActiveDocument;
    if (!doc) throw new OfficeHostError(WPS_TEXT.noDocument, "ActiveDocument");
    return placement === "replace" ? doc.Content : root.Selection.Range;
  };
  let path = tempPath(root, "docx");
  let label: string = placement === "new" ? WPS_TEXT.insertPaths.newDocument : WPS_TEXT.insertPaths.docx;
  if (!writeBytes(root, path, docx)) {
    path = tempPath(root, "html");
    writeText(root, path, htmlFile(html));
    label = WPS_TEXT.insertPaths.html;
  }
  try {
    target().InsertFile(path);
  } finally {
    try {
      root.FileSystem.Remove(path);
    } catch {
      // a temp file left behind is harmless; the insertion is what matters
    }
  }
  return label;
}

/** The document's text, one paragraph per line (WPS, like Word, separates paragraphs with "\r", table cells with "\r\x07"). */
export function readWpsText(root: WpsRoot): string {
  const doc = root.ActiveDocument;
  if (!doc) throw new OfficeHostError(WPS_TEXT.noDocument, "ActiveDocument");
  const text = doc.Content.Text;
  const BELL = String.fromCharCode(7); // the cell mark
  return String(text ?? "")
    .split(`\r${BELL}`)
    .join("\n")
    .split(BELL)
    .join("")
    .replace(/\r\n?/g, "\n");
}

export function wpsWpsHost(root: WpsRoot | null = globalRoot<WpsRoot>()): WpsDocumentHost {
  if (!root || !("ActiveDocument" in root)) throw new OfficeHostError(WPS_TEXT.notInWps, "Application.ActiveDocument");
  const S = WPS_TEXT.steps;
  const run = <T>(what: string, f: () => T): Promise<T> => new Promise((resolve) => resolve(wpsStep(what, f)));
  return {
    kind: "wps-wps",
    platform: "WPS",
    // The check and the audit count in exact integers (BigInt): an engine without it cannot run them.
    unsupported: typeof BigInt === "function" ? null : WPS_TEXT.noBigInt,
    insertReport: (docx, html, placement) => run(S.insertReport, () => insertWpsReport(root, docx, html, placement)),
    readText: () => run(S.readDocument, () => readWpsText(root)),
  };
}
