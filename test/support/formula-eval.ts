import type ExcelJS from "exceljs";

/**
 * Evaluates the formulas of a written workbook with Excel's semantics for the subset our plans use:
 * references (also 'Sheet'!A1 and $A$1), + - * /, comparisons, &, IF, OR, AND, ISNUMBER, ABS, SUM, MIN, MAX, ROUND, INT,
 * COUNTBLANK. ROUND works as Excel's: on the number as shown to 15 significant digits, halves away from zero.
 * A reference to an empty cell is 0 in arithmetic and equals "" in comparisons, as in Excel.
 */
type Value = number | string | boolean | null; // null = empty cell
const EMPTY = null;

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; cell: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^[0-9]*\.?[0-9]+(e[+-]?\d+)?/i.exec(src.slice(i))!;
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === "'" && src[j + 1] === "'") {
          s += "'";
          j += 2;
        } else if (src[j] === "'") break;
        else s += src[j++];
      }
      const m = /^!\$?([A-Z]+)\$?(\d+)/.exec(src.slice(j + 1))!;
      out.push({ t: "ref", sheet: s, cell: `${m[1]}${m[2]}` });
      i = j + 1 + m[0].length;
      continue;
    }
    const sheetRef = /^([\p{L}\p{N}_.]+)!\$?([A-Z]+)\$?(\d+)/u.exec(src.slice(i));
    if (sheetRef) {
      out.push({ t: "ref", sheet: sheetRef[1], cell: `${sheetRef[2]}${sheetRef[3]}` });
      i += sheetRef[0].length;
      continue;
    }
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?![\w(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: "ref", sheet: null, cell: `${ref[1]}${ref[2]}` });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Z]+(?=\()/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/(),=<>&:])/.exec(src.slice(i));
    if (!op) throw new Error(`cannot tokenize ${src.slice(i)}`);
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

const num = (v: Value): number => {
  if (v === EMPTY) return 0;
  if (typeof v === "object") throw new Error((v as { error: string }).error);
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new Error(`#VALUE! (${JSON.stringify(v)})`);
};

export class FormulaEvaluator {
  private cache = new Map<string, Value>();
  constructor(private wb: ExcelJS.Workbook) {}

  value(sheet: string, cell: string): Value {
    const key = `${sheet}!${cell}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const v = ws.getCell(cell).value as ExcelJS.CellValue;
    let out: Value;
    if (v === null || v === undefined) out = EMPTY;
    else if (typeof v === "object" && "formula" in v) out = this.evaluate(sheet, String(v.formula));
    else if (typeof v === "object" && "text" in v) out = String((v as { text: unknown }).text);
    else if (typeof v === "object") throw new Error(`unsupported cell ${key}`);
    else out = v as Value;
    this.cache.set(key, out);
    return out;
  }

  evaluate(sheet: string, formula: string): Value {
    const toks = tokenize(formula);
    let p = 0;
    const peek = () => toks[p];
    const eat = (v?: string) => {
      const t = toks[p++];
      if (v !== undefined && !(t && t.t === "op" && t.v === v)) throw new Error(`expected ${v} in ${formula}`);
      return t;
    };
    const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;

    const args = (): Value[][] => {
      eat("(");
      const list: Value[][] = [];
      if (!isOp(")")) {
        do {
          if (list.length > 0) eat(",");
          // An argument that errors is kept as the error: IF only fails if it picks it (Excel's IF is lazy).
          const start = p;
          try {
            list.push(rangeOrExpr());
          } catch (e) {
            p = start;
            skipArgument();
            list.push([{ error: (e as Error).message } as unknown as Value]);
          }
        } while (isOp(","));
      }
      eat(")");
      return list;
    };
    const skipArgument = () => {
      let depth = 0;
      while (p < toks.length) {
        const t = toks[p];
        if (t.t === "op" && t.v === "(") depth++;
        if (t.t === "op" && t.v === ")") {
          if (depth === 0) return;
          depth--;
        }
        if (t.t === "op" && t.v === "," && depth === 0) return;
        p++;
      }
    };
    const rangeOrExpr = (): Value[] => {
      const t = peek();
      if (t?.t === "ref" && toks[p + 1]?.t === "op" && (toks[p + 1] as { v: string }).v === ":") {
        p += 2;
        const end = eat() as Extract<Tok, { t: "ref" }>;
        return this.range(t.sheet ?? sheet, t.cell, end.cell);
      }
      return [comparison()];
    };
    const primary = (): Value => {
      const t = eat();
      if (t.t === "num") return t.v;
      if (t.t === "str") return t.v;
      if (t.t === "ref") return this.value(t.sheet ?? sheet, t.cell);
      if (t.t === "op" && t.v === "(") {
        const v = comparison();
        eat(")");
        return v;
      }
      if (t.t === "op" && t.v === "-") return -num(primary());
      if (t.t === "id") {
        const a = args();
        const one = (i: number) => a[i][0];
        switch (t.v) {
          case "IF": {
            const picked = one(0) ? one(1) : a.length > 2 ? one(2) : false;
            if (picked !== null && typeof picked === "object") throw new Error((picked as { error: string }).error);
            return picked;
          }
          case "OR":
            return a.some((x) => Boolean(x[0]));
          case "AND":
            return a.every((x) => Boolean(x[0]));
          case "ISNUMBER":
            return typeof one(0) === "number";
          case "ABS":
            return Math.abs(num(one(0)));
          case "SUM":
            return a.flat().reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
          case "MIN":
            return Math.min(...a.flat().filter((v): v is number => typeof v === "number"));
          case "MAX":
            return Math.max(...a.flat().filter((v): v is number => typeof v === "number"));
          case "INT":
            return Math.floor(num(one(0)));
          case "ROUND": {
            const x = Number(num(one(0)).toPrecision(15));
            const scale = 10 ** num(one(1));
            return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
          }
          case "COUNTBLANK":
            if (a.length !== 1) throw new Error("COUNTBLANK takes exactly one range in Excel");
            return a[0].filter((v) => v === null || v === "").length;
        }
        throw new Error(`unsupported function ${t.v}`);
      }
      throw new Error(`unexpected token in ${formula}`);
    };
    const term = (): Value => {
      let v = primary();
      while (isOp("*") || isOp("/")) {
        const op = (eat() as { v: string }).v;
        const r = num(primary());
        v = op === "*" ? num(v) * r : num(v) / r;
      }
      return v;
    };
    const additive = (): Value => {
      let v = term();
      while (isOp("+") || isOp("-") || isOp("&")) {
        const op = (eat() as { v: string }).v;
        const r = term();
        v = op === "&" ? `${v ?? ""}${r ?? ""}` : op === "+" ? num(v) + num(r) : num(v) - num(r);
      }
      return v;
    };
    const comparison = (): Value => {
      const l = additive();
      for (const op of ["=", "<>", "<=", ">=", "<", ">"]) {
        if (isOp(op)) {
          eat();
          const r = additive();
          const norm = (x: Value, other: Value) => (x === EMPTY ? (typeof other === "string" ? "" : 0) : x);
          const a = norm(l, r);
          const b = norm(r, l);
          switch (op) {
            case "=":
              return a === b;
            case "<>":
              return a !== b;
            case "<=":
              return num(a) <= num(b);
            case ">=":
              return num(a) >= num(b);
            case "<":
              return num(a) < num(b);
            default:
              return num(a) > num(b);
          }
        }
      }
      return l;
    };
    const result = comparison();
    if (p !== toks.length) throw new Error(`trailing tokens in ${formula}`);
    return result === EMPTY ? 0 : result;
  }

  private range(sheet: string, from: string, to: string): Value[] {
    const a = /([A-Z]+)(\d+)/.exec(from)!;
    const b = /([A-Z]+)(\d+)/.exec(to)!;
    const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const letter = (n: number) => {
      let s = "";
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    const out: Value[] = [];
    for (let r = Number(a[2]); r <= Number(b[2]); r++)
      for (let c = col(a[1]); c <= col(b[1]); c++) out.push(this.value(sheet, `${letter(c)}${r}`));
    return out;
  }
}
