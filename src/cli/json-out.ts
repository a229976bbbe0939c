/**
 * Prints a JSON document exactly as JSON.stringify(value, null, 2) + "\n" would, but in pieces: a 100,000-line check
 * makes a document of tens of MB, and one string of it (twice that in memory while it is built) is what pushes the
 * command over its memory budget. Large arrays and objects go out element by element; small ones in one piece.
 */
const PIECE = 256;

export function writeJson(value: unknown, out: (text: string) => void): void {
  const buffer: string[] = [];
  let size = 0;
  const emit = (text: string) => {
    buffer.push(text);
    size += text.length;
    if (size >= 1 << 16) flush();
  };
  const flush = () => {
    if (buffer.length > 0) out(buffer.join(""));
    buffer.length = 0;
    size = 0;
  };
  write(value, "", 0, emit);
  emit("\n");
  flush();
}

/**
 * A value at the given indentation: the document's own keys and long arrays are written piece by piece, everything else
 * by JSON.stringify itself. `undefined` inside arrays is null, as JSON.stringify writes it.
 */
function write(value: unknown, indent: string, depth: number, emit: (text: string) => void): void {
  const v = toJsonValue(value);
  const big = Array.isArray(v) ? v.length > PIECE : depth === 0 && v !== null && typeof v === "object" && Object.keys(v).length > 0;
  if (!big) {
    emit(indented(JSON.stringify(v, null, 2) ?? "null", indent));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    emit("[\n");
    // Small elements go out in runs, one JSON.stringify per run: a 100,000-line array costs 400 calls, not 100,000.
    let run: unknown[] = [];
    const flushRun = (last: boolean) => {
      if (run.length === 0) return;
      emit(elements(run, indent));
      emit(last ? "\n" : ",\n");
      run = [];
    };
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      const j = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : toJsonValue(item);
      if (Array.isArray(j) && j.length > PIECE) {
        flushRun(false);
        emit(inner);
        write(j, inner, depth + 1, emit);
        emit(i === v.length - 1 ? "\n" : ",\n");
        continue;
      }
      run.push(j);
      if (run.length >= PIECE) flushRun(i === v.length - 1);
    }
    flushRun(true);
    emit(`${indent}]`);
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => {
    const j = toJsonValue(x);
    return j !== undefined && typeof j !== "function" && typeof j !== "symbol";
  });
  if (entries.length === 0) {
    emit("{}");
    return;
  }
  emit("{\n");
  entries.forEach(([key, item], i) => {
    emit(`${inner}${JSON.stringify(key)}: `);
    write(item, inner, depth + 1, emit);
    emit(i < entries.length - 1 ? ",\n" : "\n");
  });
  emit(`${indent}}`);
}

/**
 * Elements of an array that sits at `indent`, as JSON.stringify(…, null, 2) writes them inside the whole document:
 * each at `indent` + two spaces, separated by ",\n". The run is stringified nested as deep as the array is (under
 * single-key objects, which hold no "["), so JSON.stringify itself indents every line; the brackets are cut off.
 */
function elements(run: unknown[], indent: string): string {
  let wrapped: unknown = run;
  for (let k = 0; k < indent.length / 2; k++) wrapped = { x: wrapped };
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(text.indexOf("[") + 2, text.lastIndexOf("]") - 1 - indent.length);
}

/** What JSON.stringify would serialise for a value (its toJSON result). */
function toJsonValue(value: unknown): unknown {
  return value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function"
    ? (value as { toJSON: () => unknown }).toJSON()
    : value;
}

/** JSON.stringify's lines after the first, shifted to sit at `indent` (strings never hold a raw line break). */
function indented(text: string, indent: string): string {
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}
