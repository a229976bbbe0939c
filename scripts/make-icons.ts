import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

/**
 * Draws the add-in icon (a ledger sheet with a check mark on a blue tile) at each size Office asks for,
 * supersampled for smooth edges, and writes plain PNGs: no image library needed.
 */
const SIZES = [16, 32, 64, 80, 128];
type RGBA = [number, number, number, number];
const BLUE: RGBA = [31, 95, 173, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const LINE: RGBA = [160, 190, 225, 255];
const GREEN: RGBA = [46, 160, 67, 255];

function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function nearSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number, w: number): boolean {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= w * w;
}

/** Colour at a point of the unit square (0..1). */
function shade(x: number, y: number): RGBA | null {
  if (nearSegment(x, y, 0.52, 0.7, 0.64, 0.82, 0.055) || nearSegment(x, y, 0.64, 0.82, 0.88, 0.5, 0.055)) return GREEN;
  if (inRoundRect(x, y, 0.22, 0.16, 0.72, 0.84, 0.04)) {
    for (const ly of [0.34, 0.48, 0.62]) if (Math.abs(y - ly) < 0.022 && x > 0.3 && x < 0.64) return LINE;
    if (Math.abs(x - 0.42) < 0.018 && y > 0.26 && y < 0.76) return LINE;
    return WHITE;
  }
  if (inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return BLUE;
  return null;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          if (c) acc[3] += c[3];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = acc[3] / (ss * ss);
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const s of SIZES) writeFileSync(`assets/icon-${s}.png`, png(s));
console.log(`写入 assets/icon-{${SIZES.join(",")}}.png`);
