import { installPolyfills } from "../../src/wps/polyfills";

/** The fill-ins for WPS's older browser behave like the built-ins they stand for (checked on bare prototypes). */
test("each fill-in matches the built-in", () => {
  const saved = {
    flat: Array.prototype.flat,
    flatMap: Array.prototype.flatMap,
    fromEntries: Object.fromEntries,
    trimStart: String.prototype.trimStart,
    trimEnd: String.prototype.trimEnd,
    matchAll: String.prototype.matchAll,
  };
  const expected = {
    flat: [[1, [2, [3]]], 4].flat(),
    flat2: [[1, [2, [3]]], 4].flat(2),
    flatMap: [1, 2].flatMap((x) => [x, x * 10]),
    fromEntries: Object.fromEntries([
      ["a", 1],
      ["b", 2],
    ]),
    trim: [" 　 a ".trimStart(), " a \u00a0".trimEnd()],
    matchAll: [..."a1b22c333".matchAll(/\d+/g)].map((m) => [m[0], m.index]),
  };
  const bare = <T extends object>(o: T, names: string[]) => names.forEach((n) => delete (o as Record<string, unknown>)[n]);
  try {
    bare(Array.prototype, ["flat", "flatMap"]);
    bare(Object, ["fromEntries"]);
    bare(String.prototype, ["trimStart", "trimEnd", "matchAll"]);
    const g: Record<string, unknown> = {};
    installPolyfills(g);
    expect([[1, [2, [3]]], 4].flat()).toEqual(expected.flat);
    expect([[1, [2, [3]]], 4].flat(2)).toEqual(expected.flat2);
    expect([1, 2].flatMap((x) => [x, x * 10])).toEqual(expected.flatMap);
    expect(
      Object.fromEntries([
        ["a", 1],
        ["b", 2],
      ]),
    ).toEqual(expected.fromEntries);
    expect([" 　 a ".trimStart(), " a \u00a0".trimEnd()]).toEqual(expected.trim);
    expect([..."a1b22c333".matchAll(/\d+/g)].map((m) => [m[0], m.index])).toEqual(expected.matchAll);
    expect(g.globalThis).toBe(g);
    const ref = new (g.WeakRef as new (t: object) => { deref(): object })(expected);
    expect(ref.deref()).toBe(expected);
    let ran = false;
    (g.queueMicrotask as (f: () => void) => void)(() => (ran = true));
    return Promise.resolve().then(() => expect(ran).toBe(true));
  } finally {
    const put = (o: object, name: string, value: unknown) => Object.defineProperty(o, name, { value, writable: true, configurable: true });
    put(Array.prototype, "flat", saved.flat);
    put(Array.prototype, "flatMap", saved.flatMap);
    put(Object, "fromEntries", saved.fromEntries);
    put(String.prototype, "trimStart", saved.trimStart);
    put(String.prototype, "trimEnd", saved.trimEnd);
    put(String.prototype, "matchAll", saved.matchAll);
  }
});
