import { UnusableInputError } from "../core";
import type { CellGrid, CellValue } from "../core";
import { CONTINUE, PieceReader, records } from "./biff-records";
import type { BiffRecord } from "./biff-records";
import { openCompoundFile } from "./compound-file";
import { serialDate } from "./excel-date";
import { buildGrid } from "./grid-build";
import { datesOfFormats } from "./shared-parts";
import { encryptedWorkbook, tooOldWorkbook } from "./unusable-input";
import { MAX_COLS, MAX_ROWS } from "./sheet-scan";
import type { ScannedSheet } from "./sheet-scan";

/**
 * Old .xls workbooks (BIFF8, Excel 97–2003, still what many finance systems export and WPS saves by default) → CellGrid
 * per worksheet, as the .xlsx reader gives them: cell values (formulas as their last computed value), dates by their
 * format, merged areas. Hidden sheets are read, very hidden ones are not. Read-only: result sheets need an .xlsx.
 */
const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGECELLS: 0x00e5,
} as const;

const BIFF8 = 0x0600;
const WORKSHEET_BOF = 0x0010;
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

interface SheetEntry {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  state: number;
  /** 0 worksheet; 1 macro sheet, 2 chart, 6 VB module. */
  kind: number;
  offset: number;
}

interface Globals {
  sheets: SheetEntry[];
  strings: string[];
  /** Per XF index: whether its number format shows a date. */
  dates: boolean[];
  date1904: boolean;
}

/** SHRFMLA, ARRAY and TABLE: records that may stand between a FORMULA and the STRING holding its text result. */
const BEFORE_STRING: ReadonlySet<number> = new Set([0x04bc, 0x0221, 0x0236]);

export function readXlsGrids(bytes: Uint8Array, fileName: string): CellGrid[] {
  const cfb = openCompoundFile(bytes);
  // Excel 5/95 names the stream "Book", but some writers put BIFF8 there too: the BOF's version decides (readGlobals).
  const stream = cfb.stream("Workbook") ?? cfb.stream("Book");
  if (!stream) {
    // An encrypted .xlsx is a compound file too (EncryptionInfo, EncryptedPackage), whatever its size.
    if (cfb.names.some((n) => /^Encrypt(ionInfo|edPackage)$/i.test(n))) throw encryptedWorkbook(fileName);
    throw new UnusableInputError(
      `不是 Excel 工作簿：${fileName}（旧版 Office 文件中没有工作簿数据，可能是 Word 或 PowerPoint 文件）。`,
      `Not an Excel workbook: ${fileName} (an old Office file without workbook data).`,
    );
  }
  return readWorkbookStream(stream, fileName);
}

/** The grids of a BIFF8 "Workbook" stream (exported for tests, which build streams record by record). */
export function readWorkbookStream(stream: Uint8Array, fileName: string): CellGrid[] {
  const globals = readGlobals(stream, fileName);
  const grids: CellGrid[] = [];
  for (const sheet of globals.sheets) {
    if (sheet.kind !== 0 || sheet.state === 2) continue;
    const scan = readSheet(stream, sheet.offset, globals);
    if (scan) grids.push(buildGrid(sheet.name, scan));
  }
  return grids;
}

function readGlobals(stream: Uint8Array, fileName: string): Globals {
  const out: Globals = { sheets: [], strings: [], dates: [], date1904: false };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const all = records(stream);
  let first = true;
  for (let step = all.next(); !step.done; step = all.next()) {
    const rec = step.value;
    if (first) {
      first = false;
      if (rec.type !== R.BOF || rec.data.length < 4) throw new RangeError("the workbook stream does not start with BOF");
      if (u16(rec.data, 0) !== BIFF8) throw tooOldWorkbook(fileName);
      continue;
    }
    if (rec.type === R.EOF) break;
    switch (rec.type) {
      case R.FILEPASS:
        throw encryptedWorkbook(fileName);
      case R.DATEMODE:
        out.date1904 = rec.data.length >= 2 && u16(rec.data, 0) === 1;
        break;
      case R.FORMAT: {
        const reader = new PieceReader([rec.data]);
        const id = reader.u16();
        formats.set(id, reader.unicodeString());
        break;
      }
      case R.XF:
        xfFormats.push(rec.data.length >= 4 ? u16(rec.data, 2) : 0);
        break;
      case R.BOUNDSHEET: {
        const reader = new PieceReader([rec.data]);
        const offset = reader.u32();
        const state = reader.u8() & 3;
        const kind = reader.u8();
        const count = reader.u8();
        const wide = (reader.u8() & 1) === 1;
        out.sheets.push({ name: reader.chars(count, wide), state, kind, offset });
        break;
      }
      case R.SST: {
        const pieces = [rec.data];
        const cont = continued(stream, rec);
        pieces.push(...cont);
        const reader = new PieceReader(pieces);
        reader.u32(); // references to strings in the workbook
        const unique = reader.u32();
        for (let i = 0; i < unique && !reader.done; i++) out.strings.push(reader.richString());
        break;
      }
    }
  }
  out.dates = datesOfFormats(xfFormats, formats);
  return out;
}

/** The CONTINUE records right after a record. */
function continued(stream: Uint8Array, rec: BiffRecord): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const next of records(stream, rec.at + 4 + rec.data.length)) {
    if (next.type !== CONTINUE) break;
    out.push(next.data);
  }
  return out;
}

/** One worksheet's cells from its BOF to its EOF (charts and other substreams inside it are passed over). */
function readSheet(stream: Uint8Array, offset: number, globals: Globals): ScannedSheet | null {
  const cells = new Map<number, Map<number, CellValue>>();
  const merges: ScannedSheet["merges"] = [];
  let depth = 0;
  let pendingString: { row: number; col: number } | null = null;
  const put = (row: number, col: number, value: CellValue) => {
    if (value === null || value === "" || row >= MAX_ROWS || col >= MAX_COLS) return;
    let line = cells.get(row);
    if (!line) cells.set(row, (line = new Map()));
    line.set(col, value);
  };
  const number = (v: number, xf: number): CellValue => (globals.dates[xf] ? serialDate(String(v), globals.date1904) : v);

  for (const rec of records(stream, offset)) {
    const d = rec.data;
    if (rec.type === R.BOF) {
      depth++;
      if (depth === 1 && d.length >= 4 && u16(d, 2) !== WORKSHEET_BOF) return null;
      continue;
    }
    if (rec.type === R.EOF) {
      depth--;
      if (depth <= 0) break;
      continue;
    }
    if (depth !== 1) continue;
    // FORMULA [SHRFMLA | ARRAY | TABLE] STRING: the formula's text result may come after its shared or array formula.
    if (pendingString && rec.type !== R.STRING && rec.type !== CONTINUE && !BEFORE_STRING.has(rec.type)) pendingString = null;
    switch (rec.type) {
      case R.NUMBER:
        if (d.length >= 14) put(u16(d, 0), u16(d, 2), number(f64(d, 6), u16(d, 4)));
        break;
      case R.RK:
        if (d.length >= 10) put(u16(d, 0), u16(d, 2), number(rk(u32(d, 6)), u16(d, 4)));
        break;
      case R.MULRK: {
        if (d.length < 6) break;
        const row = u16(d, 0);
        const first = u16(d, 2);
        const count = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < count; i++) put(row, first + i, number(rk(u32(d, 4 + i * 6 + 2)), u16(d, 4 + i * 6)));
        break;
      }
      case R.LABELSST:
        if (d.length >= 10) put(u16(d, 0), u16(d, 2), globals.strings[u32(d, 6)] ?? null);
        break;
      case R.LABEL:
      case R.RSTRING:
        if (d.length >= 9) put(u16(d, 0), u16(d, 2), new PieceReader([d.subarray(6)]).unicodeString());
        break;
      case R.BOOLERR:
        if (d.length >= 8) put(u16(d, 0), u16(d, 2), d[7] === 1 ? { error: ERRORS[d[6]] ?? "#VALUE!" } : d[6] === 1);
        break;
      case R.FORMULA: {
        if (d.length < 14) break;
        const row = u16(d, 0);
        const col = u16(d, 2);
        if (d[12] === 0xff && d[13] === 0xff) {
          // Not a number: the kind is in the first byte; a string's text follows in a STRING record.
          if (d[6] === 0) pendingString = { row, col };
          else if (d[6] === 1) put(row, col, d[8] === 1);
          else if (d[6] === 2) put(row, col, { error: ERRORS[d[8]] ?? "#VALUE!" });
        } else put(row, col, number(f64(d, 6), u16(d, 4)));
        break;
      }
      case R.STRING:
        if (pendingString) {
          put(pendingString.row, pendingString.col, new PieceReader([d, ...continued(stream, rec)]).unicodeString());
          pendingString = null;
        }
        break;
      case R.MERGECELLS: {
        const count = d.length >= 2 ? u16(d, 0) : 0;
        for (let i = 0; i < count && 2 + i * 8 + 8 <= d.length; i++) {
          const at = 2 + i * 8;
          const [top, bottom, left, right] = [u16(d, at), u16(d, at + 2), u16(d, at + 4), u16(d, at + 6)];
          if (bottom >= top && right >= left) merges.push({ top, left, bottom, right });
        }
        break;
      }
    }
  }

  const out: ScannedSheet = { rows: [], cols: [], vals: [], forms: [], merges, cellCount: 0 };
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const line = cells.get(row) as Map<number, CellValue>;
    const cols = [...line.keys()].sort((a, b) => a - b);
    out.rows.push(row);
    out.cols.push(cols);
    out.vals.push(cols.map((c) => line.get(c) as CellValue));
    out.forms.push(undefined);
    out.cellCount += cols.length;
  }
  return out;
}

/** An RK number: a 30-bit integer or the top of a double, either possibly hundredths. */
function rk(v: number): number {
  const hundredths = (v & 1) === 1;
  let n: number;
  if (v & 2) n = v >> 2;
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, v & 0xfffffffc, true);
    n = buf.getFloat64(0, true);
  }
  // Hundredths as Excel shows them (15 significant digits): 1.23, not 1.2300000000000002.
  return hundredths ? Number((n / 100).toPrecision(15)) : n;
}

const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number) => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
const f64 = (d: Uint8Array, at: number) => new DataView(d.buffer, d.byteOffset + at, 8).getFloat64(0, true);
