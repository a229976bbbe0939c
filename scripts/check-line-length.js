// Lines within 140 characters (code points), in every source file: the formatter (Prettier, printWidth 140) cannot
// break long string literals, so this check catches what it leaves.
const { readFileSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

const LIMIT = 140;
const ROOTS = ["src", "test", "scripts"];
const SKIP = /(^|\/)(node_modules|golden|corpus)(\/|$)/;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (SKIP.test(path)) continue;
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx|js|cjs|mjs)$/.test(name)) files.push(path);
  }
};
for (const root of ROOTS) walk(root);
const long = [];
for (const file of files) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const length = [...line].length;
      if (length > LIMIT) long.push(`${file}:${i + 1} (${length})`);
    });
}
if (long.length > 0) {
  process.stderr.write(`行长超过 ${LIMIT} 个字符 / lines over ${LIMIT} characters:\n${long.join("\n")}\n`);
  process.exitCode = 1;
}
