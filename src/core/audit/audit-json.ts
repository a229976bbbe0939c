import { z } from "zod";
import { FindingJsonSchema } from "../present/check-json";
import type { Finding } from "../base/findings";
import { findingMessage } from "../catalogue/findings";
import type { AuditResult } from "./audit";

/**
 * `audit --json`: { findings } in the check's finding shape. For a report, `sheet` is the report's file
 * name and `cell` is "P<n>", its paragraph n; the sentence is quoted in data.quote, with what was expected
 * and how sure the check is (data.confidence).
 */
export const AuditJsonSchema = z.object({
  report: z.string(),
  sentences: z.number().int(),
  numbers: z.number().int(),
  checked: z.number().int(),
  skipped: z.number().int(),
  findings: z.array(FindingJsonSchema),
});
export type AuditJson = z.infer<typeof AuditJsonSchema>;

export function auditJson(report: string, r: AuditResult): AuditJson {
  const withName = (f: Finding) => ({ ...f, sheet: report });
  return AuditJsonSchema.parse({
    report,
    sentences: r.sentences,
    numbers: r.numbers,
    checked: r.checked,
    skipped: r.skipped,
    findings: r.findings
      .map(withName)
      .map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: findingMessage(f), data: f.data })),
  });
}
