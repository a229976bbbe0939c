import { UnusableInputError } from "../core";

/** Looks at the first bytes so a .xls, an encrypted workbook or a CSV gets a clear message, not a zip error. */
export function checkWorkbookBytes(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new UnusableInputError(`文件为空：${fileName}`, `The file is empty: ${fileName}`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  const isCfb = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isCfb) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (text.includes("EncryptedPackage") || text.includes("EncryptionInfo")) {
      throw new UnusableInputError(
        `工作簿已加密（设有打开密码）：${fileName}。请在 Excel 中取消密码后另存为 .xlsx 再试。`,
        `The workbook is encrypted: ${fileName}. Remove the password in Excel and save as .xlsx.`,
      );
    }
    throw new UnusableInputError(
      `这是旧版 .xls 文件：${fileName}。请在 Excel 中“另存为”.xlsx 格式后再试。`,
      `This is an old .xls file: ${fileName}. Save it as .xlsx in Excel and try again.`,
    );
  }
  if (!isZip) {
    throw new UnusableInputError(
      `不是 Excel 工作簿（.xlsx）：${fileName}。CSV 等文本文件请先在 Excel 中另存为 .xlsx。`,
      `Not an Excel workbook (.xlsx): ${fileName}. Save CSV or text files as .xlsx first.`,
    );
  }
}
