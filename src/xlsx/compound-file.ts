/**
 * The OLE compound file (MS-CFB) that old .xls workbooks live in: a little file system of 512- or 4096-byte sectors
 * chained through a FAT, small streams in 64-byte mini sectors. Only reading, only what a workbook needs: a stream by
 * name. Damaged chains (a loop, a sector past the end) throw; the caller turns that into "cannot read the workbook".
 */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const DIRECTORY_ENTRY = 128;
const STREAM = 2;
const ROOT = 5;

/** The compound file's first bytes: enough to send a file to the .xls reader, which says so if the rest is damaged. */
export function hasCompoundSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && SIGNATURE.slice(0, 4).every((b, i) => bytes[i] === b);
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export interface CompoundFile {
  /** The named stream's bytes (names compared without case, as Windows does), or null. */
  stream(name: string): Uint8Array | null;
  names: string[];
}

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
  left: number;
  right: number;
  child: number;
}

const NO_STREAM = 0xffffffff;

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isCompoundFile(bytes)) throw new RangeError("not a compound file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw new RangeError(`sector sizes 2^${shift} / 2^${miniShift}`);
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size) + (bytes.length % size > 0 ? 1 : 0);
  const sectorAt = (n: number) => {
    if (n >= sectors) throw new RangeError(`sector ${n} beyond the file`);
    return (n + 1) * size;
  };

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = u32(44);
  // Sizes are the file's own say: checked against what the file can hold before anything is allocated from them.
  if (fatCount > sectors) throw new RangeError("more FAT sectors than the file has");
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(76 + i * 4));
  let difat = u32(68);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && fatSectors.length < fatCount; guard++) {
    if (guard > sectors) throw new RangeError("DIFAT loops");
    const at = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + size - 4);
  }
  const perSector = size / 4;
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    const at = sectorAt(s);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = u32(at + i * 4);
  });

  /** A chain's sectors in order; a loop or a dangling link is damage. */
  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s === FREE || s >= table.length || out.length > limit) throw new RangeError(`broken sector chain at ${s}`);
      out.push(s);
    }
    return out;
  };
  const read = (start: number, length: number): Uint8Array => {
    if (length > sectors * size) throw new RangeError("stream larger than the file");
    const out = new Uint8Array(length);
    let filled = 0;
    for (const s of chain(start, fat, sectors)) {
      if (filled >= length) break;
      const at = sectorAt(s);
      const n = Math.min(size, length - filled, bytes.length - at);
      out.set(bytes.subarray(at, at + n), filled);
      filled += n;
    }
    if (filled < length) throw new RangeError("stream shorter than its size");
    return out;
  };

  const dirSectors = chain(u32(48), fat, sectors);
  const entries: Entry[] = [];
  for (const s of dirSectors) {
    const base = sectorAt(s);
    for (let at = base; at + DIRECTORY_ENTRY <= base + size && at + DIRECTORY_ENTRY <= bytes.length; at += DIRECTORY_ENTRY) {
      const nameBytes = Math.min(view.getUint16(at + 64, true), 64);
      let name = "";
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      // Version 3 files keep garbage in the size's high half; their streams are below 4 GB anyway.
      const high = shift === 9 ? 0 : u32(at + 124);
      if (high !== 0) throw new RangeError("stream larger than 4 GB");
      entries.push({
        name,
        type: bytes[at + 66],
        start: u32(at + 116),
        size: u32(at + 120),
        left: u32(at + 68),
        right: u32(at + 72),
        child: u32(at + 76),
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== ROOT) throw new RangeError("no root entry");
  const cutoff = u32(56);
  let mini: { fat: Uint32Array; data: Uint8Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const table = u32(64) === 0 ? new Uint8Array(0) : read(u32(60), u32(64) * size);
    const miniFat = new Uint32Array(table.length / 4);
    const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = tableView.getUint32(i * 4, true);
    mini = { fat: miniFat, data: read(root.start, root.size) };
    return mini;
  };

  // The root's own children (a tree through left and right siblings): a "Workbook" inside an embedded object's storage
  // (a chart's data, an OLE object in a Word file) is not the file's workbook.
  const topLevel: Entry[] = [];
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === NO_STREAM || id >= entries.length) continue;
    if (topLevel.length > entries.length) throw new RangeError("directory tree loops");
    const e = entries[id];
    topLevel.push(e);
    pending.push(e.left, e.right);
  }

  const stream = (name: string): Uint8Array | null => {
    const wanted = name.toLowerCase();
    const entry = topLevel.find((e) => e.type === STREAM && e.name.toLowerCase() === wanted);
    if (!entry) return null;
    if (entry.size >= cutoff) return read(entry.start, entry.size);
    const { fat: miniFat, data } = miniStream();
    if (entry.size > data.length) throw new RangeError("stream larger than the mini stream");
    const out = new Uint8Array(entry.size);
    let filled = 0;
    for (const s of chain(entry.start, miniFat, miniFat.length)) {
      if (filled >= entry.size) break;
      const at = s * 64;
      const n = Math.min(64, entry.size - filled);
      if (at + n > data.length) throw new RangeError("mini sector beyond the mini stream");
      out.set(data.subarray(at, at + n), filled);
      filled += n;
    }
    if (filled < entry.size) throw new RangeError("stream shorter than its size");
    return out;
  };
  return { stream, names: topLevel.filter((e) => e.type === STREAM).map((e) => e.name) };
}
