import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

// Layer boundaries (DESIGN.md): core imports only core, zod and decimal.js; adapters import core; nothing imports front ends.
const noImports = (patterns) => ["error", { patterns: patterns.map((group) => ({ group: [group], message: "违反分层：见 DESIGN.md" })) }];

export default tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "out/**", "e2e-out/**", "coverage/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", Word: "readonly" } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Office.js hosts only: the rules mistake exceljs objects for proxy objects elsewhere.
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
  { files: ["src/core/**/*.ts"], ignores: ["src/core/**/*.test.ts"], rules: { "no-restricted-imports": noImports(["node:*", "fs", "path", "os", "react*", "@fluentui/*", "docx", "exceljs", "office*", "@microsoft/*", "../xlsx/*", "../excel/*", "../word/*", "../cli/*", "../taskpane/*", "../commands/*"]) } },
  { files: ["src/xlsx/**/*.ts", "src/excel/**/*.ts", "src/word/**/*.ts"], rules: { "no-restricted-imports": noImports(["../cli/*", "../taskpane/*", "../commands/*", "react*", "@fluentui/*"]) } },
  { files: ["src/cli/**/*.ts", "src/cli/**/*.tsx"], rules: { "no-restricted-imports": noImports(["../excel/*", "../taskpane/*", "../commands/*", "react*", "@fluentui/*"]) } },
  { files: ["src/cli/**/*.ts", "scripts/**/*.ts", "test/**/*.ts"], rules: { "no-console": "off" } },
  { files: ["**/*.{js,cjs}"], languageOptions: { sourceType: "commonjs", globals: { ...globals.node } }, rules: { "@typescript-eslint/no-require-imports": "off" } },
  { files: ["test/e2e/**/*.js"], languageOptions: { globals: { ...globals.browser } } },
);
