import { UnusableInputError } from "../core";
import { rawRecord } from "./zip-archive";
import type { ZipArchive, ZipCodec, ZipEntry } from "./zip-archive";

/**
 * Writes a zip in which copied entries are the original bytes exactly (local header, compressed data, data descriptor
 * and central directory record, only the record's offset updated), and new or edited entries are deflated afresh.
 */
export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly central: Uint8Array[] = [];
  private offset = 0;
  private count = 0;

  constructor(private readonly codec: ZipCodec) {}

  /** Copies an entry of `zip` unchanged. */
  copy(zip: ZipArchive, e: ZipEntry): void {
    const record = rawRecord(zip, e);
    const central = new Uint8Array(e.central); // a copy: the input's bytes are never touched (a Buffer's slice would share them)
    setOffset(central, this.offset);
    this.push(record, central);
  }

  /**
   * Adds an entry. `like` lends its name bytes, flags and modification time, so an edited part keeps its identity.
   */
  add(name: string, content: Uint8Array, like?: ZipEntry): void {
    this.addCompressed(this.compress(content), name, like);
  }

  /** Compresses content now (so a large text can be dropped at once); `addCompressed` writes it later. */
  compress(content: Uint8Array): Compressed {
    return { data: this.codec.deflateRaw(content), crc: this.codec.crc32(content), size: content.length };
  }

  addCompressed(entry: Compressed, name: string, like?: ZipEntry): void {
    const nameBytes = like ? like.nameBytes : new TextEncoder().encode(name);
    const utf8Flag = like ? like.flags & 0x0800 : /[^\x20-\x7e]/.test(name) ? 0x0800 : 0;
    const [time, date] = like ? [readU16(like.central, 12), readU16(like.central, 14)] : dosNow();
    const { data, crc } = entry;
    const content = { length: entry.size };
    if (data.length >= 0xffffffff || content.length >= 0xffffffff) throw new RangeError("entry too large for a zip without zip64");
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, utf8Flag, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, content.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, utf8Flag, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, content.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, this.offset, true);
    central.set(nameBytes, 46);
    this.chunks.push(local);
    this.push(data, central, local.length);
  }

  finish(comment: Uint8Array = new Uint8Array(0)): Uint8Array {
    const centralOffset = this.offset;
    let centralSize = 0;
    for (const c of this.central) centralSize += c.length;
    if (this.count > 0xfffe || centralOffset + centralSize >= 0xffffffff) {
      throw new UnusableInputError("工作簿过大，无法写入结果表。", "The workbook is too large to write the result sheets into.");
    }
    const end = new Uint8Array(22 + comment.length);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, this.count, true);
    ev.setUint16(10, this.count, true);
    ev.setUint32(12, centralSize, true);
    ev.setUint32(16, centralOffset, true);
    ev.setUint16(20, comment.length, true);
    end.set(comment, 22);
    const parts = [...this.chunks, ...this.central, end];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  private push(data: Uint8Array, central: Uint8Array, headerLength = 0): void {
    this.chunks.push(data);
    this.central.push(central);
    this.offset += headerLength + data.length;
    this.count++;
    if (this.offset >= 0xffffffff)
      throw new UnusableInputError("工作簿过大，无法写入结果表。", "The workbook is too large to write the result sheets into.");
  }
}

export interface Compressed {
  data: Uint8Array;
  crc: number;
  size: number;
}

const readU16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);

/** Sets the local header offset of a central directory record, in its zip64 extra field when it is kept there. */
function setOffset(central: Uint8Array, offset: number): void {
  const v = new DataView(central.buffer, central.byteOffset, central.byteLength);
  if (v.getUint32(42, true) !== 0xffffffff) {
    v.setUint32(42, offset, true);
    return;
  }
  const nameLength = v.getUint16(28, true);
  const extraLength = v.getUint16(30, true);
  let e = 46 + nameLength;
  const end = e + extraLength;
  while (e + 4 <= end) {
    const id = v.getUint16(e, true);
    const len = v.getUint16(e + 2, true);
    if (id === 0x0001) {
      // Order: size, compressed size, offset — each present only when its 32-bit field is 0xFFFFFFFF.
      let q = e + 4;
      if (v.getUint32(24, true) === 0xffffffff) q += 8;
      if (v.getUint32(20, true) === 0xffffffff) q += 8;
      v.setUint32(q, offset, true);
      v.setUint32(q + 4, 0, true);
      return;
    }
    e += 4 + len;
  }
  throw new RangeError("zip64 offset without its extra field");
}

function dosNow(): [number, number] {
  const d = new Date();
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
  const date = ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}
