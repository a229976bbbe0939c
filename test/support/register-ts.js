// Lets a spawned `node -r ./test/support/register-ts.js src/cli/main.ts …` run the TypeScript sources directly
// (transpiled on load, no type check), so process-level tests need no build. Cached per file in memory only.
const ts = require("typescript");
const fs = require("node:fs");

require.extensions[".ts"] = function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: false },
  });
  module._compile(outputText, filename);
};
