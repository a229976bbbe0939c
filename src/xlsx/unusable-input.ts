import { hasCompoundSignature } from "./compound-file";
import { UnusableInputError } from "../core";

/** Excel 95 and older: the BIFF5 "Book" stream, or BIFF2–4 files that are a bare record stream (BOF 0x0009/0209/0409/0809). */
export function tooOldWorkbook(fileName: string): UnusableInputError {
  return new UnusableInputError(
    `这是 Excel 95 或更早版本的文件：${fileName}。请在 Excel 中“另存为”.xlsx 格式后再试。`,
    `This is an Excel 95 (or older) file: ${fileName}. Save it as .xlsx in Excel and try again.`,
  );
}

export function encryptedWorkbook(fileName: string): UnusableInputError {
  return new UnusableInputError(
    `工作簿已加密（设有打开密码）：${fileName}。请在 Excel 中取消密码后另存为 .xlsx 再试。`,
    `The workbook is encrypted: ${fileName}. Remove the password in Excel and save as .xlsx.`,
  );
}

/**
 * Looks at the first bytes so an encrypted workbook, a CSV or (where only .xlsx will do: writing result sheets) a .xls
 * gets a clear message, not a zip error. With `xls` a compound file that is not an encrypted .xlsx passes: read-xls.ts
 * reads it.
 */
export function checkWorkbookBytes(bytes: Uint8Array, fileName: string, xls = false): void {
  if (bytes.length === 0) throw new UnusableInputError(`文件为空：${fileName}`, `The file is empty: ${fileName}`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  const isCfb = hasCompoundSignature(bytes);
  if (isCfb) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (text.includes("EncryptedPackage") || text.includes("EncryptionInfo")) throw encryptedWorkbook(fileName);
    if (xls) return;
    throw new UnusableInputError(
      `这是旧版 .xls 文件：${fileName}。检查和报告可以直接读取它，写结果表需要 .xlsx：请在 Excel 中“另存为”.xlsx 格式后再试。`,
      `This is an old .xls file: ${fileName}. check and report read it; result sheets need .xlsx: save it as .xlsx and try again.`,
    );
  }
  if (bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04 || bytes[1] === 0x08))
    throw tooOldWorkbook(fileName);
  if (!isZip) {
    throw new UnusableInputError(
      `不是 Excel 工作簿（.xlsx）：${fileName}。CSV 等文本文件请先在 Excel 中另存为 .xlsx。`,
      `Not an Excel workbook (.xlsx): ${fileName}. Save CSV or text files as .xlsx first.`,
    );
  }
}
