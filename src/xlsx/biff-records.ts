/**
 * The record layer of a BIFF8 "Workbook" stream ([MS-XLS] 2.1.4): records of type, length and data, and a reader over a
 * record and the CONTINUE records after it, where strings cut at a record boundary start again with a flags byte.
 */
export const CONTINUE = 0x003c;

export interface BiffRecord {
  type: number;
  /** Offset of the record's header in the stream (BOUNDSHEET8 points at a sheet's BOF by it). */
  at: number;
  data: Uint8Array;
}

/** Records from `from` on, in order; a record cut short by the end of the stream ends the walk. */
export function* records(stream: Uint8Array, from = 0): Generator<BiffRecord> {
  let at = from;
  while (at + 4 <= stream.length) {
    const type = stream[at] | (stream[at + 1] << 8);
    const length = stream[at + 2] | (stream[at + 3] << 8);
    const end = at + 4 + length;
    if (end > stream.length) return;
    yield { type, at, data: stream.subarray(at + 4, end) };
    at = end;
  }
}

/** Reads across a record and its CONTINUE records as one run of bytes, except inside strings (see `chars`). */
export class PieceReader {
  private piece = 0;
  private pos = 0;

  constructor(private readonly pieces: Uint8Array[]) {}

  private current(): Uint8Array {
    while (this.piece < this.pieces.length && this.pos >= this.pieces[this.piece].length) {
      this.piece++;
      this.pos = 0;
    }
    if (this.piece >= this.pieces.length) throw new RangeError("record data ends early");
    return this.pieces[this.piece];
  }

  get done(): boolean {
    while (this.piece < this.pieces.length && this.pos >= this.pieces[this.piece].length) {
      this.piece++;
      this.pos = 0;
    }
    return this.piece >= this.pieces.length;
  }

  u8(): number {
    const p = this.current();
    return p[this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0;) {
      const p = this.current();
      const k = Math.min(left, p.length - this.pos);
      this.pos += k;
      left -= k;
    }
  }

  /**
   * `count` characters, one byte each (Latin-1) or two (UTF-16LE) as `wide` says. When the record ends inside them the
   * next CONTINUE starts with a flags byte saying how its part of the characters is stored.
   */
  chars(count: number, wide: boolean): string {
    let out = "";
    let left = count;
    let w = wide;
    while (left > 0) {
      if (this.pieceLeft() === 0) {
        this.current();
        w = (this.u8() & 1) === 1;
      }
      const p = this.current();
      const fit = Math.min(left, Math.floor((p.length - this.pos) / (w ? 2 : 1)));
      if (fit === 0) throw new RangeError("a character cut across records");
      const codes: number[] = new Array(fit);
      for (let i = 0; i < fit; i++) codes[i] = w ? p[this.pos + 2 * i] | (p[this.pos + 2 * i + 1] << 8) : p[this.pos + i];
      out += String.fromCharCode(...codes);
      this.pos += fit * (w ? 2 : 1);
      left -= fit;
    }
    return out;
  }

  private pieceLeft(): number {
    return this.piece < this.pieces.length ? this.pieces[this.piece].length - this.pos : 0;
  }

  /** An XLUnicodeRichExtendedString (SST entries): length, flags, optional run and phonetic counts, text, skipped extras. */
  richString(): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extra = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + extra);
    return text;
  }

  /** An XLUnicodeString (LABEL, STRING, FORMAT): two-byte length, flags, text. */
  unicodeString(): string {
    const count = this.u16();
    const flags = this.u8();
    return this.chars(count, (flags & 1) === 1);
  }
}
