import { z } from "zod";
import { columnIndex } from "../base/cell-grid";
import type { CheckResult } from "../score/check-result";
import type { SheetScoring } from "../score/verify";
import { RULE_IDS } from "../base/findings";
import { findingMessage } from "../catalogue/findings";
import { percentString, scaledText, UNITS, yuanString } from "../base/money";
import { DEFAULT_PRESENTATION } from "../base/presentation";
import type { Presentation } from "../base/presentation";
import type { SangongItem } from "../analyse/sangong";
import { TABLE_KINDS } from "../recognise/table";
import type { Table } from "../recognise/table";
import type { Finding } from "../base/findings";

/**
 * The `check --json` document (DESIGN.md contract). Amounts: strings in 元 with two decimals;
 * rates: strings in percent with two decimals, or null when the base is zero or missing.
 */
const amount = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .nullable();
const rate = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .nullable();
const cellRef = z.string().regex(/^[A-Z]{1,3}\d+$/);

export const TableJsonSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  title: z.string(),
  kind: z.enum(TABLE_KINDS),
  /** The national form it was matched to (form-catalogue.ts ids: final-01 … final-09, budget-01 …), or null. */
  form: z.string().nullable(),
  basis: z.enum(["final", "budget", "selfeval"]).nullable(),
  side: z.string().nullable(),
  unit: z.enum(UNITS),
  unitSource: z.enum(["title", "header", "assumed", "confirmed"]),
  columns: z.record(z.string(), z.string().regex(/^[A-Z]{1,3}$/)),
  rows: z.number().int(),
  notes: z.array(z.string()),
});

export const LineJsonSchema = z.object({
  sheet: z.string(),
  cell: cellRef,
  code: z.string().nullable(),
  name: z.string(),
  level: z.number().int(),
  isTotal: z.boolean(),
  budgetInitial: amount,
  budgetFinal: amount,
  budget: amount,
  actual: amount,
  previous: amount,
  diff: amount,
  diffRate: rate,
  completionRate: rate,
  yoyDiff: amount,
  yoyRate: rate,
  reason: z.string().nullable(),
  /** Where the budget came from when it is in another table (预算 and 决算 in two sheets or workbooks). */
  budgetSheet: z.string().nullable(),
  budgetCell: cellRef.nullable(),
  flags: z.array(z.string()),
});

export const SangongItemJsonSchema = z.object({
  item: z.string(),
  key: z.string(),
  sheet: z.string(),
  cell: cellRef.nullable(),
  actual: amount,
  previous: amount,
  budget: amount,
  yoyDiff: amount,
  yoyRate: rate,
  budgetDiff: amount,
  completionRate: rate,
  share: rate,
  flags: z.array(z.string()),
});

export const FindingJsonSchema = z.object({
  rule: z.enum(RULE_IDS),
  severity: z.enum(["error", "warning", "info"]),
  sheet: z.string(),
  cell: cellRef,
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

const points = z.string().regex(/^-?\d+\.\d{2}$/);
const SheetScoringJsonSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  items: z.number().int(),
  baseTotal: points.nullable(),
  bonusTotal: points.nullable(),
  total: points.nullable(),
  grade: z.string().nullable(),
});

/**
 * Scoring: the framework scored from the data (null fields when the workbook has no budget data to score from), and every
 * scoring sheet found in the workbook as verified: `sheet` is the first, `sheets` all of them.
 */
export const ScoringJsonSchema = z.object({
  framework: z.object({ id: z.string(), name: z.string(), source: z.string(), fullScore: z.number() }).nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      level1: z.string(),
      level2: z.string(),
      name: z.string(),
      weight: points,
      criterion: z.string(),
      formula: z.string().nullable(),
      rate: rate,
      score: points.nullable(),
      status: z.enum(["auto", "manual", "pending", "missing"]),
      note: z.string().nullable(),
      inputs: z.array(
        z.object({
          label: z.string(),
          value: z.string(),
          kind: z.enum(["amount", "count", "rate"]),
          sheet: z.string().nullable(),
          cell: cellRef.nullable(),
        }),
      ),
    }),
  ),
  groups: z.array(z.object({ level1: z.string(), weight: points, score: points.nullable() })),
  baseTotal: points.nullable(),
  bonusTotal: points.nullable(),
  total: points.nullable(),
  pending: z.number().int(),
  grade: z.string().nullable(),
  sheet: SheetScoringJsonSchema.nullable(),
  sheets: z.array(SheetScoringJsonSchema),
});

export const CheckJsonSchema = z.object({
  tables: z.array(TableJsonSchema),
  lines: z.array(LineJsonSchema),
  sangong: z
    .object({ total: SangongItemJsonSchema, items: z.array(SangongItemJsonSchema), related: z.array(SangongItemJsonSchema) })
    .nullable(),
  scoring: ScoringJsonSchema.nullable(),
  findings: z.array(FindingJsonSchema),
});
export type CheckJson = z.infer<typeof CheckJsonSchema>;

function sangongItemJson(i: SangongItem): z.infer<typeof SangongItemJsonSchema> {
  return {
    item: i.item,
    key: i.key,
    sheet: i.sheet,
    cell: i.cell,
    actual: yuanString(i.actual),
    previous: yuanString(i.previous),
    budget: yuanString(i.budget),
    yoyDiff: yuanString(i.yoyDiff),
    yoyRate: percentString(i.yoyRate),
    budgetDiff: yuanString(i.budgetDiff),
    completionRate: percentString(i.completionRate),
    share: percentString(i.share),
    flags: i.flags,
  };
}

/** Points (hundredths) as the contract's two-decimal string. */
const pts = (h: number | null) => (h === null ? null : scaledText(h, 2));

function sheetJson(sheet: SheetScoring): z.infer<typeof SheetScoringJsonSchema> {
  return {
    sheet: sheet.sheet,
    range: sheet.range,
    items: sheet.items.length,
    baseTotal: pts(sheet.baseTotal),
    bonusTotal: pts(sheet.bonusTotal),
    total: pts(sheet.total),
    grade: sheet.grade,
  };
}

export function scoringJson(a: CheckResult): z.infer<typeof ScoringJsonSchema> | null {
  const r = a.scoring;
  const sheets = a.scoringSheets.map(sheetJson);
  if (!r && sheets.length === 0) return null;
  return {
    framework: r ? { id: r.framework.id, name: r.framework.name, source: r.framework.source, fullScore: r.framework.fullScore } : null,
    items: (r?.items ?? []).map((i) => ({
      id: i.indicator.id,
      level1: i.indicator.level1,
      level2: i.indicator.level2,
      name: i.indicator.name,
      weight: scaledText(i.weight, 2),
      criterion: i.criterion,
      formula: i.indicator.formula ?? null,
      rate: percentString(i.rate),
      score: pts(i.score),
      status: i.status,
      note: i.note,
      inputs: i.inputs.map((x) => ({ label: x.label, value: scaledText(x.value, 2), kind: x.kind, sheet: x.sheet, cell: x.cell })),
    })),
    groups: (r?.groups ?? []).map((g) => ({ level1: g.level1, weight: scaledText(g.weight, 2), score: pts(g.score) })),
    baseTotal: r ? scaledText(r.baseTotal, 2) : null,
    bonusTotal: r ? scaledText(r.bonusTotal, 2) : null,
    total: r ? scaledText(r.total, 2) : null,
    pending: r?.pending ?? 0,
    grade: r?.grade ?? null,
    sheet: sheets[0] ?? null,
    sheets,
  };
}

/** One table of the document. */
export function tableJson(t: Table): z.infer<typeof TableJsonSchema> {
  return {
    sheet: t.sheet,
    range: t.range,
    title: t.title,
    kind: t.kind,
    form: t.form,
    basis: t.basis,
    side: t.side,
    unit: t.unit,
    unitSource: t.unitSource,
    columns: Object.fromEntries(
      Object.entries(t.roles)
        .filter(([, c]) => c !== undefined)
        .sort(([, a], [, b]) => columnIndex(a!.letter) - columnIndex(b!.letter))
        .map(([role, c]) => [role, c!.letter]),
    ),
    rows: t.rows.length,
    notes: t.notes,
  };
}

/** The document's `sangong`: the 三公 total, its items and the related items, or null without a 三公 table. */
export function sangongJson(a: CheckResult): CheckJson["sangong"] {
  return a.sangong
    ? {
        total: sangongItemJson(a.sangong.total),
        items: a.sangong.items.map(sangongItemJson),
        related: a.sangong.related.map(sangongItemJson),
      }
    : null;
}

/** One finding of the document, its message in the clerk's unit and decimals. */
function findingJson(f: Finding, p: Presentation): z.infer<typeof FindingJsonSchema> {
  return { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: findingMessage(f, p), data: f.data };
}

export function checkJson(analysis: CheckResult, p: Presentation = DEFAULT_PRESENTATION): CheckJson {
  const doc: CheckJson = {
    tables: analysis.tables.map(tableJson),
    lines: analysis.lines.map((l) => ({
      sheet: l.sheet,
      cell: l.cell,
      code: l.code,
      name: l.name,
      level: l.level,
      isTotal: l.isTotal,
      budgetInitial: yuanString(l.budgetInitial),
      budgetFinal: yuanString(l.budgetFinal),
      budget: yuanString(l.budget),
      actual: yuanString(l.actual),
      previous: yuanString(l.previous),
      diff: yuanString(l.diff),
      diffRate: percentString(l.diffRate),
      completionRate: percentString(l.completionRate),
      yoyDiff: yuanString(l.yoyDiff),
      yoyRate: percentString(l.yoyRate),
      reason: l.reason,
      budgetSheet: l.budgetFrom?.sheet ?? null,
      budgetCell: l.budgetFrom?.cell ?? null,
      flags: l.flags,
    })),
    sangong: sangongJson(analysis),
    scoring: scoringJson(analysis),
    findings: analysis.findings.map((f) => findingJson(f, p)),
  };
  // Built to the schema by construction (typed against it); the tests parse every document they read with CheckJsonSchema.
  // Parsing here too would copy the whole document, 100,000 lines, on every check.
  return doc;
}
