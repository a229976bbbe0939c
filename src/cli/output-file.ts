import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UnusableInputError } from "../core";

/**
 * Writes a result file safely: never over an input (same path, link or hard link), never over an existing file unless
 * --force, never over a folder or a special file; written to a temporary file in the target folder and renamed into
 * place, so a full disk or a failed write leaves no half file. Every failure is a message and exit 2, not a crash.
 */
export interface OutputOptions {
  force: boolean;
  /** Files the command reads: the output may not be one of them. */
  inputs: string[];
}

function identity(path: string): { real: string; dev: number; ino: number } | null {
  try {
    const st = statSync(path);
    return { real: realpathSync(path), dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

function writeError(e: unknown, path: string): UnusableInputError {
  const code = (e as NodeJS.ErrnoException).code;
  const folder = dirname(resolve(path));
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      // The folder was there a moment ago: a location that takes no new files (/proc), or it was removed meanwhile.
      if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
        return new UnusableInputError(`无法在此位置创建文件：${path}`, `Cannot create a file at this location: ${path}`);
      }
      return new UnusableInputError(`输出文件夹不存在：${folder}`, `The output folder does not exist: ${folder}`);
    case "EACCES":
    case "EPERM":
      return new UnusableInputError(`没有权限写入：${path}`, `No permission to write: ${path}`);
    case "EROFS":
      return new UnusableInputError(`输出位置是只读的：${path}`, `The output location is read-only: ${path}`);
    case "ENOSPC":
    case "EDQUOT":
      return new UnusableInputError(`磁盘空间不足，未能写入：${path}`, `Not enough disk space to write: ${path}`);
    case "EISDIR":
      return new UnusableInputError(`输出路径是一个文件夹：${path}`, `The output path is a folder: ${path}`);
    case "ENAMETOOLONG":
      return new UnusableInputError(`输出文件名过长：${path}`, `The output file name is too long: ${path}`);
    default:
      return new UnusableInputError(`无法写入输出文件：${path}`, `Cannot write the output file: ${path} (${code ?? (e as Error).message})`);
  }
}

export function checkOutputPath(path: string, options: OutputOptions): void {
  const target = identity(path);
  for (const input of options.inputs) {
    const source = identity(input);
    if (source && target && (source.real === target.real || (source.dev === target.dev && source.ino === target.ino))) {
      throw new UnusableInputError(
        `输出文件不能与输入文件相同（会覆盖原工作簿）：${path}。请另取一个文件名。`,
        `The output would overwrite the input: ${path}. Choose another file name.`,
      );
    }
  }
  let st;
  try {
    st = lstatSync(path);
  } catch {
    st = null;
  }
  if (st) {
    if (st.isDirectory() || (st.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory())) {
      throw new UnusableInputError(`输出路径是一个文件夹：${path}`, `The output path is a folder: ${path}`);
    }
    if (!st.isFile() && !st.isSymbolicLink())
      throw new UnusableInputError(`输出路径不是普通文件：${path}`, `The output path is not a regular file: ${path}`);
    if (!options.force) {
      throw new UnusableInputError(
        `输出文件已存在：${path}。如需覆盖，请加 --force。`,
        `The output file exists: ${path}. Add --force to overwrite it.`,
      );
    }
  }
  const folder = dirname(resolve(path));
  const dir = statSync(folder, { throwIfNoEntry: false });
  if (!dir) throw new UnusableInputError(`输出文件夹不存在：${folder}`, `The output folder does not exist: ${folder}`);
  if (!dir.isDirectory()) throw new UnusableInputError(`输出文件夹不是文件夹：${folder}`, `The output folder is not a folder: ${folder}`);
}

export function writeOutputFile(path: string, bytes: Uint8Array, options: OutputOptions): void {
  checkOutputPath(path, options);
  const folder = dirname(resolve(path));
  const temp = join(folder, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, "wx", 0o644);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // nothing was created
    }
    throw writeError(e, path);
  }
}
