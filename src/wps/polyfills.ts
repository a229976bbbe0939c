/**
 * Library functions newer than ES2017 that the WPS bundles call (our code and its dependencies: React, Fluent, zod),
 * for the older Chromium inside WPS 加载项 on some 信创 desktops. The build turns syntax into ES2017; these fill in the
 * functions, each only where the browser lacks it. Imported first by both WPS entries.
 */
type Loose = Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

const pageGlobal = (): Loose => (typeof self !== "undefined" ? (self as unknown as Loose) : {});

export function installPolyfills(global: Loose = pageGlobal()): void {
  define(global, "globalThis", global);

  define(Array.prototype, "flat", function flat(this: unknown[], depth = 1): unknown[] {
    const out: unknown[] = [];
    const walk = (list: unknown[], d: number) => {
      for (const x of list) {
        if (Array.isArray(x) && d > 0) walk(x, d - 1);
        else out.push(x);
      }
    };
    walk(this, Math.floor(Number(depth)) || 0);
    return out;
  });
  define(
    Array.prototype,
    "flatMap",
    function flatMap(this: unknown[], f: (x: unknown, i: number, a: unknown[]) => unknown, that?: unknown) {
      const out: unknown[] = [];
      this.forEach((x, i, a) => {
        const y = f.call(that, x, i, a);
        if (Array.isArray(y)) out.push(...y);
        else out.push(y);
      });
      return out;
    },
  );
  define(Object, "fromEntries", function fromEntries(entries: Iterable<[PropertyKey, unknown]>) {
    const out: Record<PropertyKey, unknown> = {};
    for (const [k, v] of entries) out[k] = v;
    return out;
  });
  define(String.prototype, "trimStart", function trimStart(this: string) {
    return String(this).replace(/^[\s\uFEFF\xA0]+/, "");
  });
  define(String.prototype, "trimEnd", function trimEnd(this: string) {
    return String(this).replace(/[\s\uFEFF\xA0]+$/, "");
  });
  define(String.prototype, "matchAll", function matchAll(this: string, pattern: RegExp) {
    if (!pattern.global) throw new TypeError("matchAll requires a global RegExp");
    const re = new RegExp(pattern.source, pattern.flags);
    re.lastIndex = pattern.lastIndex;
    const text = String(this);
    const found: RegExpExecArray[] = [];
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push(m);
      if (m[0] === "") re.lastIndex++;
    }
    return found[Symbol.iterator]();
  });
  define(global, "queueMicrotask", (task: () => void) => {
    void Promise.resolve().then(task);
  });
  // A strong reference stands in for a weak one: Fluent's focus tracking needs deref(), not collection.
  define(
    global,
    "WeakRef",
    class WeakRef<T> {
      constructor(private readonly target: T) {}
      deref(): T {
        return this.target;
      }
    },
  );
}

installPolyfills();
