import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { amountText, BATCH, UnusableInputError } from "../core";
import type { CheckResult, Settings } from "../core";

/**
 * `check <folder>`: every workbook in it, one after another (nothing kept between files, so memory stays
 * flat across hundreds), one summary table — or with --json one JSON document per line.
 */
export interface BatchRow {
  file: string;
  ok: boolean;
  tables: number;
  errors: number;
  warnings: number;
  info: number;
  actual: string | null;
  message: string | null;
  /** With --budget: the 预算 workbook compared with (its file name), null when none of the folder is this unit's. */
  budget?: string | null;
  /** The file met a bug (not a data problem): the batch goes on, and ends with exit code 1. */
  internal?: boolean;
}

export async function checkFolder(
  folder: string,
  settings: Settings,
  analyze: (path: string) => Promise<{ analysis: CheckResult; budget: string | null }>,
  emit: (row: BatchRow) => void,
  withBudget = false,
): Promise<BatchRow[]> {
  const files = readdirSync(folder)
    .filter((f) => /\.(xlsx|xls|csv)$/i.test(f) && !f.startsWith("~$"))
    .sort((a, b) => a.localeCompare(b, "zh-CN"));
  const rows: BatchRow[] = [];
  for (const f of files) {
    let row: BatchRow;
    try {
      const { analysis: a, budget } = await analyze(join(folder, f));
      const total = a.totals[0]?.actual ?? null;
      row = {
        file: basename(f),
        ok: true,
        tables: a.tables.length,
        errors: a.findings.filter((x) => x.severity === "error").length,
        warnings: a.findings.filter((x) => x.severity === "warning").length,
        info: a.findings.filter((x) => x.severity === "info").length,
        actual: total === null ? null : amountText(total, settings),
        message: null,
      };
      if (withBudget) row.budget = budget === null ? null : basename(budget);
    } catch (e) {
      // One failing file is a row, never the end of the batch.
      const message = e instanceof UnusableInputError ? e.zh : `内部错误，请把此文件发给开发者：${(e as Error)?.message ?? String(e)}`;
      row = { file: basename(f), ok: false, tables: 0, errors: 0, warnings: 0, info: 0, actual: null, message };
      if (!(e instanceof UnusableInputError)) row.internal = true;
    }
    rows.push({ ...row });
    emit(row);
  }
  return rows;
}

export function batchTable(rows: BatchRow[]): string {
  const withBudget = rows.some((r) => r.budget !== undefined);
  const lines: string[] = [withBudget ? `${BATCH.header}\t${BATCH.budgetHeader}` : BATCH.header];
  for (const r of rows) {
    const cells: (string | number)[] = [r.file, r.tables, r.errors, r.warnings, r.info, r.actual ?? "—", r.message ?? ""];
    if (withBudget) cells.push(r.ok ? (r.budget ?? BATCH.noBudget) : "");
    lines.push(cells.join("\t"));
  }
  const bad = rows.filter((r) => !r.ok).length;
  lines.push(
    BATCH.summary(
      rows.length,
      bad,
      rows.reduce((s, r) => s + r.errors, 0),
    ),
  );
  return lines.join("\n") + "\n";
}
