// Writes dist/manifest.xml with the add-in's URLs moved from https://localhost:3000 to the origin it is deployed on.
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const target = process.argv[2];
if (!target || !/^https:\/\/[^\s"<>]+$/.test(target)) {
  console.error("用法：npm run manifest:host https://部署地址/路径（必须是 HTTPS）\nUsage: npm run manifest:host https://host/path");
  process.exit(2);
}
const xml = readFileSync("manifest.xml", "utf8").replaceAll("https://localhost:3000", target.replace(/\/$/, ""));
mkdirSync("dist", { recursive: true });
writeFileSync("dist/manifest.xml", xml);
console.log(`写入 dist/manifest.xml（${target}）`);
