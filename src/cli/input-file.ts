import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { UnusableInputError } from "../core";

/** Larger than any real 决算 workbook: refused before reading, with a clear message (exit 2). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** What a path is, in the words a clerk understands, when it is not a regular file. */
function notAFile(st: Stats, path: string): UnusableInputError | null {
  if (st.isDirectory()) return new UnusableInputError(`这是一个文件夹，不是工作簿：${path}`, `This is a folder, not a workbook: ${path}`);
  if (st.isFile()) return null;
  const kind = st.isFIFO()
    ? "管道 / a pipe"
    : st.isSocket()
      ? "套接字 / a socket"
      : st.isCharacterDevice() || st.isBlockDevice()
        ? "设备 / a device"
        : "特殊文件 / a special file";
  const [zh, en] = kind.split(" / ");
  return new UnusableInputError(`不是普通文件（${zh}），无法读取：${path}`, `Not a regular file (${en}): ${path}`);
}

function openError(e: unknown, path: string): UnusableInputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new UnusableInputError(`找不到文件：${path}`, `File not found: ${path}`);
  if (code === "EISDIR") return new UnusableInputError(`这是一个文件夹，不是工作簿：${path}`, `This is a folder, not a workbook: ${path}`);
  if (code === "EACCES" || code === "EPERM")
    return new UnusableInputError(`没有权限读取文件：${path}`, `No permission to read the file: ${path}`);
  return new UnusableInputError(`无法打开文件：${path}`, `Cannot open the file: ${path} (${code ?? "?"})`);
}

/**
 * Reads an input file, refusing what is not a regular file before opening it (a named pipe would block forever, a
 * device never ends) and what is larger than the limit. Opened without blocking and checked again on the descriptor,
 * so a file swapped for a pipe in between cannot hang the command.
 */
export function readInputFile(path: string, limit = MAX_FILE_BYTES): Uint8Array {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw openError(e, path);
  }
  const special = notAFile(st, path);
  if (special) throw special;
  if (st.size > limit) {
    throw new UnusableInputError(
      `文件过大（${Math.round(st.size / 1048576)} MB，上限 ${limit / 1048576} MB）：${path}`,
      `File too large: ${path}`,
    );
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw openError(e, path);
  }
  try {
    const now = fstatSync(fd);
    const swapped = notAFile(now, path);
    if (swapped) throw swapped;
    if (now.size > limit)
      throw new UnusableInputError(
        `文件过大（${Math.round(now.size / 1048576)} MB，上限 ${limit / 1048576} MB）：${path}`,
        `File too large: ${path}`,
      );
    const out = new Uint8Array(now.size);
    let at = 0;
    while (at < out.length) {
      const n = readSync(fd, out, at, out.length - at, at);
      if (n === 0) break; // the file shrank while being read: what was read is what there is
      at += n;
    }
    return at === out.length ? out : out.subarray(0, at);
  } catch (e) {
    if (e instanceof UnusableInputError) throw e;
    throw openError(e, path);
  } finally {
    closeSync(fd);
  }
}
