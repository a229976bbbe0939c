import type { Analysis } from "../core/analyse/analysis";
import { buildOutputPlans } from "../core/present/output-plans";
import type { Settings } from "../core/run/settings";
import { NODE_CODEC } from "../xlsx/node-codec";
import { writePlansCopy } from "../xlsx/write-plans";

/**
 * A copy of the workbook with the output sheets added: every part of the user's workbook is carried over byte for
 * byte (checked by reading the copy back before it is returned).
 */
export async function writeOutputSheets(
  bytes: Uint8Array,
  fileName: string,
  analysis: Analysis,
  settings: Settings,
): Promise<{ bytes: Uint8Array; sheets: string[]; macroEnabled: boolean }> {
  return writePlansCopy(bytes, fileName, buildOutputPlans(analysis, settings), NODE_CODEC);
}
