import { UnusableInputError } from "../core";
import type { CellGrid } from "../core";
import { hasCompoundSignature } from "./compound-file";
import { buildGrid } from "./grid-build";
import { openPackage } from "./package-parts";
import type { SheetEntry, WorkbookPackage } from "./package-parts";
import { dateStyles, parseSharedStrings } from "./shared-parts";
import { readXlsGrids } from "./read-xls";
import { scanSheet } from "./sheet-scan";
import { checkWorkbookBytes } from "./unusable-input";
import type { ScanContext } from "./sheet-scan";
import { entryText } from "./zip-archive";
import type { ZipCodec } from "./zip-archive";

/**
 * .xlsx bytes → CellGrid per worksheet, with our own zip reader and a hand-written scanner (no exceljs, no DOM), in
 * Node and in the browser. Hidden sheets are read (they may hold the data); very hidden ones are not (add-ins keep
 * their state there); chart sheets have no cells.
 */
export function readPackageGrids(
  pkg: WorkbookPackage,
  include: (sheet: SheetEntry) => boolean = () => true,
  /** Read very hidden sheets too (the WPS settings sheet, read for its settings, never as data). */
  veryHidden = false,
): CellGrid[] {
  return guarded(pkg.fileName, () => {
    const wanted = pkg.sheets.filter(
      (s) => s.kind === "worksheet" && (veryHidden || s.state !== "veryHidden") && s.part !== null && include(s),
    );
    if (wanted.length === 0) return [];
    const ctx = scanContext(pkg);
    const grids: CellGrid[] = [];
    for (const sheet of wanted) {
      const xml = entryText(pkg.zip, sheet.part as string, pkg.fileName);
      if (xml === null) continue; // a sheet whose part is missing has nothing to read
      grids.push(buildGrid(sheet.name, scanSheet(xml, ctx)));
    }
    return grids;
  });
}

export function scanContext(pkg: WorkbookPackage): ScanContext {
  const sst = pkg.sharedStringsPart ? entryText(pkg.zip, pkg.sharedStringsPart, pkg.fileName) : null;
  const styles = pkg.stylesPart ? entryText(pkg.zip, pkg.stylesPart, pkg.fileName) : null;
  return { sharedStrings: sst === null ? [] : parseSharedStrings(sst), dateStyles: dateStyles(styles), date1904: pkg.date1904 };
}

/** `codec`: the CLI passes Node's zlib (node-codec.ts); browsers use the default. */
export function openWorkbook(bytes: Uint8Array, fileName: string, codec?: ZipCodec): WorkbookPackage {
  return guarded(fileName, () => openPackage(bytes, fileName, codec));
}

/** A workbook's grids, .xlsx or old .xls (told apart by their first bytes, not the file name). */
export async function readWorkbookGrids(bytes: Uint8Array, fileName: string, codec?: ZipCodec): Promise<CellGrid[]> {
  checkWorkbookBytes(bytes, fileName, true);
  if (hasCompoundSignature(bytes)) return guarded(fileName, () => readXlsGrids(bytes, fileName));
  return readPackageGrids(openWorkbook(bytes, fileName, codec));
}

/**
 * Whatever a damaged file makes the reader meet (a string too long for the engine, a typed array too large) is a file
 * that cannot be read, never a crash. The English line names it "reader fault", so tests can tell it from a clean refusal.
 */
export function guarded<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof UnusableInputError) throw e;
    throw new UnusableInputError(
      `无法读取工作簿（文件可能已损坏或不完整）：${fileName}`,
      `Cannot read the workbook (damaged or truncated?): ${fileName} (reader fault: ${(e as Error).name}: ${(e as Error).message})`,
    );
  }
}
