import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { coreStagesPlugin } = require("../../scripts/lint/core-stages.cjs") as { coreStagesPlugin: ESLint.Plugin };

/** The core's shape is enforced by lint: a project of a few files shows each rule failing and passing. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "stages-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function lint(root: string, file: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tseslint.parser },
        plugins: { juesuan: coreStagesPlugin },
        rules: { "juesuan/stages": "error" },
      },
    ],
  });
  const [result] = await eslint.lintFiles([join(root, file)]);
  return result.messages.map((m) => m.message);
}

describe("core stages lint rule", () => {
  const root = project({
    "src/core/index.ts": 'export * from "./analyse/a";\n',
    "src/core/base/money.ts": "export const m = 1;\n",
    "src/core/base/up.ts": 'import { a } from "../analyse/a";\nexport const u = a;\n',
    "src/core/analyse/a.ts": 'import { m } from "../base/money";\nexport const a = m;\n',
    "src/core/analyse/b.ts": 'import { c } from "./c";\nexport const b = c;\n',
    "src/core/analyse/c.ts": 'import type { b } from "./b";\nexport const c = 1 as unknown as typeof b;\n',
    "src/core/analyse/door.ts": 'import { a } from "../index";\nexport const d = a;\n',
    "src/cli/main.ts": 'import { a } from "../core/analyse/a";\nimport { m } from "../core";\nexport const x = a + m;\n',
  });

  test("a downward import passes", async () => {
    expect(await lint(root, "src/core/analyse/a.ts")).toEqual([]);
  });
  test("an upward import fails", async () => {
    expect((await lint(root, "src/core/base/up.ts"))[0]).toMatch(/只能向下依赖：base 不能导入 analyse/);
  });
  test("a circle fails, type-only imports included", async () => {
    expect((await lint(root, "src/core/analyse/b.ts"))[0]).toMatch(/导入形成环/);
    expect((await lint(root, "src/core/analyse/c.ts"))[0]).toMatch(/导入形成环/);
  });
  test("outside the core, only the door; inside, never the door", async () => {
    expect(await lint(root, "src/cli/main.ts")).toEqual([expect.stringMatching(/只能通过 src\/core\/index.ts/)]);
    expect(await lint(root, "src/core/analyse/door.ts")).toEqual([expect.stringMatching(/core 内部不经过 index.ts/)]);
  });
});
