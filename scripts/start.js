// `npm start`: sideload into desktop Excel. That needs office-addin-debugging (about 1.2 GB, Windows/macOS with
// Office installed), which this project does not install by default. See README「在 Excel 中使用」.
const { spawnSync } = require("node:child_process");
let cli;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  console.error(
    "npm start 需要 office-addin-debugging（仅在装有桌面版 Office 的 Windows/macOS 上可用）：\n" +
      "  npm install --no-save office-addin-debugging && npm start\n" +
      "也可以直接旁加载 manifest.xml：先 npm run dev-server，再在 Excel 中“插入 → 加载项 → 上载我的加载项”。\n" +
      "npm start needs office-addin-debugging (Windows/macOS with desktop Office). See README.",
  );
  process.exit(1);
}
process.exit(spawnSync(process.execPath, [cli, "start", "manifest.xml", "desktop"], { stdio: "inherit" }).status ?? 1);
