#!/usr/bin/env node
// The CLI is compiled to dist-node by `npm run build:cli` (run automatically by `npm ci` / `npm install` via "prepare").
const { run } = require("../dist-node/src/cli/main.js");
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
