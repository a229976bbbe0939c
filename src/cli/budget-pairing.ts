import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { workbookMeta } from "../core";
import type { CellGrid } from "../core";
import { UnusableInputError } from "../core";
import { NODE_CODEC } from "../xlsx/node-codec";
import { readWorkbookGrids } from "../xlsx/read-workbook";

/**
 * `--budget` names the 预算 workbook of the unit, or a folder of them (one per unit, as a 财政所 keeps them). From a
 * folder, a 决算 workbook is paired with the 预算 workbook of the same unit: by the unit's name (编制单位, or the name
 * the titles begin with), else by the file name once the words 决算/预算/公开 and the year are taken out. No pair: no
 * budget, never a guess.
 */
export class BudgetFolder {
  private units: Map<string, string> | null = null;

  constructor(private readonly folder: string) {}

  /** The 预算 workbook for a 决算 workbook read as `grids` from `path`; null when no file of the folder is its unit's. */
  async pairFor(path: string, grids: CellGrid[]): Promise<string | null> {
    const files = workbookFiles(this.folder);
    const unit = workbookMeta(grids).unitName;
    if (unit) {
      const byUnit = (await this.unitIndex(files)).get(unit);
      if (byUnit) return byUnit;
    }
    const stem = fileStem(path);
    return files.find((f) => fileStem(f) === stem && stem !== "") ?? null;
  }

  private async unitIndex(files: string[]): Promise<Map<string, string>> {
    if (this.units) return this.units;
    const units = new Map<string, string>();
    for (const f of files) {
      // A file of the folder that cannot be read (an Excel 95 or encrypted .xls, a damaged copy) names no unit: it is
      // left out of the pairing, and the workbooks being checked are not failed for it.
      let grids: CellGrid[];
      try {
        grids = await readWorkbookGrids(new Uint8Array(readFileSync(f)), basename(f), NODE_CODEC);
      } catch (e) {
        if (e instanceof UnusableInputError) continue;
        throw e;
      }
      const unit = workbookMeta(grids).unitName;
      // Two files of one unit: neither is chosen by name (the file name may still tell them apart).
      if (unit) units.set(unit, units.has(unit) ? "" : f);
    }
    for (const [k, v] of units) if (v === "") units.delete(k);
    this.units = units;
    return units;
  }
}

function workbookFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => /\.xlsx?$/i.test(f) && !f.startsWith("~$"))
    .sort((a, b) => a.localeCompare(b, "zh-CN"))
    .map((f) => join(folder, f));
}

/** "青山乡2024年部门决算公开.xlsx" and "青山乡2024年部门预算公开.xlsx" → "青山乡部门". */
export function fileStem(path: string): string {
  return basename(path)
    .replace(/\.xlsx?$/i, "")
    .replace(/(?:19|20)\d{2}\s*年?度?/g, "")
    .replace(/决算|预算|公开|报表|表格|数据|[\s_\-－（）()【】[\]]/g, "");
}
