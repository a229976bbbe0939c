/**
 * Excel on the web refuses a request or response over 5 MB. Reads and writes are cut into row blocks,
 * and blocks are grouped into as few syncs as fit under a safety margin: one sync for any ordinary
 * workbook, more only when the data itself is larger than the limit.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** A cell as JSON: an amount is ~11 bytes, a Chinese name ~30; 24 is a safe average for 决算 tables (measured ~11–14). */
export const BYTES_PER_CELL = 24;

export interface RowBlock {
  start: number; // 0-based row offset within the range
  rows: number;
}

/** Rows per block so that one block stays well under the budget. */
export function rowBlocks(rowCount: number, columnCount: number, bytesPerCell = BYTES_PER_CELL): RowBlock[] {
  const perRow = Math.max(1, columnCount) * bytesPerCell;
  const size = Math.max(1, Math.floor(PAYLOAD_BUDGET / 4 / perRow));
  const blocks: RowBlock[] = [];
  for (let start = 0; start < rowCount; start += size) blocks.push({ start, rows: Math.min(size, rowCount - start) });
  return blocks;
}

/** Groups items (with an estimated size) into batches that each fit in one request. */
export function batchBySize<T>(items: T[], size: (item: T) => number, budget = PAYLOAD_BUDGET): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const s = size(item);
    if (current.length > 0 && used + s > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += s;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Actual JSON size of a values block: what the bench reports as the largest payload. */
export function jsonBytes(values: unknown): number {
  return new TextEncoder().encode(JSON.stringify(values)).length;
}
