import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { templateFields, UnusableInputError } from "../core";
import type { Draft, TemplateFields, Unit } from "../core";

/**
 * A unit's own Word template (last year's report with fields) filled from the draft's facts: {收入总计}, {三公合计} …,
 * loops {#类}{名称}{决算}{/类} (one paragraph or table row per item), and {段落_…} for a section the draft wrote. The
 * template's own styles, page setup, headers and everything else stay as they are: only the fields change. docxtemplater's
 * default parser looks tags up by name (no expressions, no eval: the pane's Content-Security-Policy forbids it).
 * A field the facts do not have is filled with 【请填写：{name}】, visibly. Node and browser alike.
 */
export function fillReportTemplate(template: Uint8Array | ArrayBuffer, fields: TemplateFields): Uint8Array {
  let doc: Docxtemplater;
  try {
    const zip = new PizZip(template);
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      nullGetter: (part) => (part.module ? "" : `【请填写：${part.value}】`),
    });
  } catch (e) {
    throw templateError(e);
  }
  try {
    doc.render(fields);
  } catch (e) {
    throw templateError(e);
  }
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" }) as Uint8Array;
}

/** The names of the fields a template uses (for the pane to show which ones the workbook fills). */
export function templateTags(template: Uint8Array | ArrayBuffer): string[] {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  const text = doc.getFullText();
  return [...new Set([...text.matchAll(/\{[#/^]?([^{}]+)\}/g)].map((m) => m[1].trim()))];
}

/** A template docxtemplater cannot read (not a .docx, an unclosed {tag}, a loop that does not end): said plainly. */
function templateError(e: unknown): UnusableInputError {
  const errors = (e as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties?.errors ?? [];
  const detail = errors
    .map((x) => x.properties?.explanation)
    .filter(Boolean)
    .slice(0, 3)
    .join("；");
  const message = detail || (e instanceof Error ? e.message : String(e));
  return new UnusableInputError(`Word 模板无法使用：${message}`, `The Word template cannot be used: ${message}`);
}

/** For the pane: a draft (from draftReport) filled into the unit's template, amounts in the clerk's unit. */
export function fillTemplateFromDraft(
  template: Uint8Array | ArrayBuffer,
  draft: Draft,
  presentation: { displayUnit: Unit; decimals: number },
): Uint8Array {
  const fields = templateFields(draft.facts, { unit: presentation.displayUnit, decimals: presentation.decimals }, draft.model);
  return fillReportTemplate(template, fields);
}
