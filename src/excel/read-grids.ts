import type { CellGrid, CellValue, MergedArea } from "../core";
import { parseAddress } from "../core";
import { batchBySize, BYTES_PER_CELL, jsonBytes, rowBlocks } from "./batching";
import { hostStep } from "./host-error";

export interface ReadStats {
  syncs: number;
  largestResponseBytes: number;
  blocks: number;
}

const ERROR_VALUE = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BLOCKED!|CONNECT!|FIELD!|BUSY!|UNKNOWN!)$/;

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return ERROR_VALUE.test(v) ? { error: v } : v;
  return null;
}

/** "Sheet1!B3:F20" or "'My Sheet'!B3" → the top-left cell's sheet coordinates. */
function topLeft(address: string): { row: number; col: number } {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  return parseAddress(cell);
}

function mergedAreas(addresses: string[], origin: { row: number; col: number }): MergedArea[] {
  return addresses.map((a) => {
    const [from, to] = a.slice(a.lastIndexOf("!") + 1).split(":");
    const tl = parseAddress(from);
    const br = parseAddress(to ?? from);
    return { top: tl.row - origin.row, left: tl.col - origin.col, bottom: br.row - origin.row, right: br.col - origin.col };
  });
}

/**
 * Every visible sheet's used range (values only) → CellGrids, in a constant number of syncs:
 * 1) sheet names, 2) used-range sizes (and merged areas where ExcelApi 1.13 has them),
 * 3+) the values, in row blocks, as many blocks per sync as fit under the payload budget.
 */
export async function readGrids(context: Excel.RequestContext, canReadMerges: boolean): Promise<{ grids: CellGrid[]; stats: ReadStats }> {
  const stats: ReadStats = { syncs: 0, largestResponseBytes: 0, blocks: 0 };
  const sync = async () => {
    stats.syncs++;
    await context.sync();
  };
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await hostStep("读取工作表列表", sync);
  const visible = sheets.items.filter((s) => s.visibility === "Visible");

  const used = visible.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("address,rowCount,columnCount");
    const merges = canReadMerges ? range.getMergedAreasOrNullObject() : null;
    merges?.load("areas/items/address");
    return { ws, range, merges };
  });
  await hostStep("读取已用区域", sync);

  type Block = { sheet: number; start: number; rows: number; range: Excel.Range | null };
  const shapes = used.map(({ ws, range, merges }) => {
    if (range.isNullObject) return { name: ws.name, origin: { row: 0, col: 0 }, rows: 0, cols: 0, merges: [] as string[] };
    const origin = topLeft(range.address);
    const mergeAddresses = merges && !merges.isNullObject ? merges.areas.items.map((a) => a.address) : [];
    return { name: ws.name, origin, rows: range.rowCount, cols: range.columnCount, merges: mergeAddresses };
  });
  const blocks: Block[] = shapes.flatMap((s, i) =>
    rowBlocks(s.rows, s.cols).map((b) => ({ sheet: i, start: b.start, rows: b.rows, range: null })),
  );
  const batches = batchBySize(blocks, (b) => b.rows * shapes[b.sheet].cols * BYTES_PER_CELL);
  for (const batch of batches) {
    for (const b of batch) {
      const s = shapes[b.sheet];
      b.range = visible[b.sheet].getRangeByIndexes(s.origin.row + b.start, s.origin.col, b.rows, s.cols);
      b.range.load("values");
    }
    await hostStep("读取单元格", sync);
    let bytes = 0;
    for (const b of batch) bytes += jsonBytes((b.range as Excel.Range).values);
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, bytes);
  }
  stats.blocks = blocks.length;

  const grids: CellGrid[] = shapes.map((s, i) => {
    const values: CellValue[][] = [];
    for (const b of blocks.filter((x) => x.sheet === i))
      for (const row of (b.range as Excel.Range).values) values.push(row.map(toCellValue));
    return { sheet: s.name, origin: s.origin, values, merges: mergedAreas(s.merges, s.origin) };
  });
  return { grids, stats };
}
