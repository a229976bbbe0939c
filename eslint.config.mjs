import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import coreStages from "./scripts/lint/core-stages.cjs";

const { coreStagesPlugin } = coreStages;

// Layer boundaries (DESIGN.md): core is pure and entered through src/core/index.ts; adapters import core; front ends import
// core and adapters; nothing imports a front end. Inside core, stages import only downward (scripts/lint/core-stages.cjs).
const noImports = (patterns) => ["error", { patterns: patterns.map((group) => ({ group: [group], message: "违反分层：见 DESIGN.md" })) }];
const FRONTS = ["../cli/*", "../taskpane/*", "../commands/*"];
const UI = ["react*", "@fluentui/*"];

export default tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "out/**", "e2e-out/**", "coverage/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", Word: "readonly" } },
    plugins: { juesuan: coreStagesPlugin },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "juesuan/stages": "error",
    },
  },
  {
    // Office.js hosts only: the rules mistake other libraries' objects for proxy objects elsewhere.
    files: ["src/excel/**/*.ts", "src/word/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "test/**/*office*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": noImports([
        "node:*",
        "fs",
        "path",
        "os",
        ...UI,
        "docx",
        "exceljs",
        "fflate",
        "office*",
        "@microsoft/*",
        "../xlsx/*",
        "../excel/*",
        "../word/*",
        "../wps/*",
        ...FRONTS,
      ]),
    },
  },
  { files: ["src/xlsx/**/*.ts"], rules: { "no-restricted-imports": noImports([...FRONTS, ...UI, "../excel/*", "../word/*", "../wps/*"]) } },
  {
    files: ["src/excel/**/*.ts", "src/word/**/*.ts", "src/wps/**/*.ts"],
    rules: { "no-restricted-imports": noImports([...FRONTS, ...UI, "../xlsx/*"]) },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": noImports(["../excel/*", "../wps/*", "../taskpane/*", "../commands/*", ...UI]) },
  },
  {
    // The pane reaches core, the host adapters, and workbook files through one reader door only.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": noImports(["../cli/*", "node:*", "fs", "path", "exceljs", "../xlsx/!(workbook-file)"]) },
  },
  { files: ["src/cli/**/*.ts", "scripts/**/*.ts", "test/**/*.ts"], rules: { "no-console": "off" } },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["test/e2e/**/*.js"], languageOptions: { globals: { ...globals.browser } } },
);
