import type { CheckResult } from "../core";
import { reportText } from "../core";
import type { ReportModel } from "../core";
import { draftReport } from "../core";
import type { TemplateId } from "../core";
import type { Settings } from "../core";

export type Delivery =
  { kind: "download"; fileName: string } | { kind: "clipboard"; fileName: string } | { kind: "none"; fileName: string };

/** Builds, self-checks and renders the report; the docx code is loaded only now, not with the pane. */
export async function makeReport(
  a: CheckResult,
  s: Settings,
  template: TemplateId,
  windowsFonts: boolean,
): Promise<{ model: ReportModel; blob: Blob; placeholders: number; gap: string | null }> {
  const draft = draftReport(template, a, s);
  const { reportBlob, GB_FONTS, WINDOWS_FONTS } = await import(/* webpackChunkName: "docx" */ "../word/render-docx");
  const blob = await reportBlob(draft.model, windowsFonts ? WINDOWS_FONTS : GB_FONTS);
  return { model: draft.model, blob, placeholders: draft.placeholders, gap: draft.gap };
}

/** Excel for Mac (and iPad) cannot download from a task pane; Windows and Excel on the web can. */
export function canDownload(platform: string | null): boolean {
  return platform !== "Mac" && platform !== "iOS";
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The report as simple HTML (headings, paragraphs, tables): what Word keeps when pasted. Text only, escaped. */
export function reportHtml(m: ReportModel): string {
  const parts = [`<h1 style="text-align:center">${escapeHtml(m.title)}</h1>`];
  for (const b of m.blocks) {
    const runs = (rs: { kind: string; text: string }[]) =>
      rs.map((r) => (r.kind === "placeholder" ? `<mark>${escapeHtml(r.text)}</mark>` : escapeHtml(r.text))).join("");
    if (b.kind === "heading") parts.push(`<h${b.level + 1}>${runs(b.runs)}</h${b.level + 1}>`);
    else if (b.kind === "paragraph") parts.push(`<p style="text-indent:2em">${runs(b.runs)}</p>`);
    else if (b.kind === "chart") {
      // A chart pastes as its figures: a small table under its caption.
      const head = `<tr><th></th>${b.series.map((s) => `<th>${escapeHtml(s.name)}</th>`).join("")}</tr>`;
      const body = b.categories
        .map((c, i) => `<tr><td>${escapeHtml(c)}</td>${b.series.map((s) => `<td>${escapeHtml(s.values[i].text)}</td>`).join("")}</tr>`)
        .join("");
      const caption = `<p><b>${escapeHtml(b.caption)}（单位：${escapeHtml(b.unit)}）</b></p>`;
      parts.push(`${caption}<table border="1" style="border-collapse:collapse">${head}${body}</table>`);
    } else {
      const head = `<tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`;
      const body = b.rows.map((r) => `<tr>${r.map((c) => `<td>${runs(c)}</td>`).join("")}</tr>`).join("");
      parts.push(`<p><b>${escapeHtml(b.caption)}</b></p><table border="1" style="border-collapse:collapse">${head}${body}</table>`);
    }
  }
  for (const s of m.signature) parts.push(`<p style="text-align:right">${s.map((r) => escapeHtml(r.text)).join("")}</p>`);
  return parts.join("\n");
}

/** Copies the report as rich text (HTML) with a plain-text alternative. */
export async function copyReport(m: ReportModel): Promise<void> {
  const html = reportHtml(m);
  const plain = reportText(m);
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([plain], { type: "text/plain" }) }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(plain);
}
