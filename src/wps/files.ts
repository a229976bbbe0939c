import { WPS_TEXT } from "../core";
import type { AddonRoot } from "./api";

/** Bytes as a "binary string" (one character per byte), the form FileSystem.writeAsBinaryString takes. */
export function binaryString(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return s;
}

/** The separator a host path uses ("\" on Windows, "/" on Linux). */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes("\\") && !dir.includes("/") ? "\\" : "/";
  return dir.replace(/[\\/]+$/, "") + sep + name;
}

/**
 * Writes bytes through the host's file API and checks the file came out whole (its size). Returns false when it did
 * not, so a caller can take another route; never leaves a half-written file behind.
 */
export function writeBytes(root: AddonRoot, path: string, bytes: Uint8Array): boolean {
  const fs = root.FileSystem;
  try {
    if (fs.writeAsBinaryString(path, binaryString(bytes)) === false) return false;
    if (!fs.Exists(path)) return false;
    if (fs.stat(path).size !== bytes.length) {
      fs.Remove(path);
      return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Writes text (UTF-8) through the host's file API; throws a sentence when it cannot. */
export function writeText(root: AddonRoot, path: string, text: string): void {
  const fs = root.FileSystem;
  if (fs.WriteFile(path, text) === false || !fs.Exists(path)) throw new Error(WPS_TEXT.fileNotWritten(path));
}

/** A fresh temporary file name in the host's temp folder (a folder of our own inside it). */
export function tempPath(root: AddonRoot, extension: string): string {
  const dir = joinPath(root.Env.GetTempPath(), "juesuan");
  if (!root.FileSystem.Exists(dir)) root.FileSystem.Mkdir(dir);
  return joinPath(dir, `report-${Date.now()}-${Math.floor(Math.random() * 1e6)}.${extension}`);
}

/** A name not yet taken in `dir`: "报告.docx", then "报告 (2).docx", … */
export function freeName(root: AddonRoot, dir: string, name: string): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  let candidate = joinPath(dir, name);
  for (let n = 2; root.FileSystem.Exists(candidate); n++) candidate = joinPath(dir, `${stem} (${n})${ext}`);
  return candidate;
}
