import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { deflateLevel } from "./zip-archive";
import type { ZipCodec } from "./zip-archive";

/**
 * Node's native zlib for the command line: several times faster than (in)flating in JavaScript. `maxOutputLength` stops
 * an entry that expands beyond its declared size (Node throws a RangeError, which the zip reader reports as refused).
 */
export const NODE_CODEC: ZipCodec = {
  inflateRaw(data: Uint8Array, size: number): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    const out = inflateRawSync(data, { maxOutputLength: size });
    if (out.length !== size) throw new Error("size mismatch");
    return out;
  },
  crc32: (data) => crc32(data) >>> 0,
  deflateRaw: (data) => deflateRawSync(data, { level: deflateLevel(data.length) }),
};
