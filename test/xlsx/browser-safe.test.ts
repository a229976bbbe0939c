import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Word's pane parses workbooks in the browser through one door: nothing it pulls in may import Node. */
test("src/xlsx/workbook-file.ts and everything it imports are free of Node modules", () => {
  const root = join(__dirname, "..", "..");
  const seen = new Set<string>();
  const nodeImports: string[] = [];
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:import|export)[^;]*?from\s*"([^"]+)"/g)) {
      const spec = m[1];
      if (/^node:|^(fs|path|os|zlib|crypto|child_process|stream|buffer)$/.test(spec)) nodeImports.push(`${file} → ${spec}`);
      if (!spec.startsWith(".")) continue;
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, join(base, "index.ts")].find((c) => existsSync(c) && statSync(c).isFile());
      if (found) walk(found);
    }
  };
  walk(join(root, "src", "xlsx", "workbook-file.ts"));
  expect(seen.size).toBeGreaterThan(10);
  expect(nodeImports).toEqual([]);
  expect([...seen].some((f) => f.endsWith("node-codec.ts"))).toBe(false);
});
