import { resultSheets } from "../core";
import type { CheckResult, Settings } from "../core";
import { NODE_CODEC } from "../xlsx/node-codec";
import { writePlansCopy } from "../xlsx/write-plans";

/**
 * A copy of the workbook with the output sheets added: every part of the user's workbook is carried over byte for
 * byte (checked by reading the copy back before it is returned).
 */
export async function writeOutputSheets(
  bytes: Uint8Array,
  fileName: string,
  analysis: CheckResult,
  settings: Settings,
): Promise<{ bytes: Uint8Array; sheets: string[]; macroEnabled: boolean }> {
  return writePlansCopy(bytes, fileName, resultSheets(analysis, settings), NODE_CODEC);
}
