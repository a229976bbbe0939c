import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { zipSync } from "fflate";
import {
  ADDINS,
  folderName,
  indexHtml,
  installPs1,
  installSh,
  jspluginsXml,
  manifestXml,
  publishXml,
  ribbonXml,
  taskpaneHtml,
} from "./wps-package";

/**
 * Packages the WPS build (webpack.wps.config.js → dist-wps/bundle) into what a clerk's machine or an intranet server
 * takes, all under dist-wps/:
 *   juesuan-et_<版本>/, juesuan-wps_<版本>/  the two add-in folders (ribbon.xml, manifest.xml, index.html, taskpane.html,
 *                                          images, the bundle)
 *   publish.xml                            for the user's jsaddons folder, beside the two folders
 *   jsplugins.xml                          for an intranet server (WPS_SERVER_URL, default a placeholder to edit)
 *   install-linux.sh, install-windows.ps1  copy the folders into jsaddons and merge publish.xml
 *   juesuan-wps-addins_<版本>.zip           all of the above in one offline package
 * and, when a 7z program is on the PATH, juesuan-et.7z / juesuan-wps.7z for jsplugins.xml's archive form.
 */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "webpack.wps.config.js"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("repository root not found");
    dir = up;
  }
  return dir;
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, base) : [relative(base, p)];
  });
}

function main(): void {
  const root = repoRoot();
  const out = join(root, "dist-wps");
  const bundle = join(out, "bundle");
  if (!existsSync(join(bundle, "wps-pane.js")))
    throw new Error("dist-wps/bundle is missing: run webpack --config webpack.wps.config.js first");
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  const server = process.env.WPS_SERVER_URL ?? "http://intranet.example/juesuan/";

  for (const entry of readdirSync(out)) if (entry !== "bundle") rmSync(join(out, entry), { recursive: true, force: true });
  for (const a of ADDINS) {
    const dir = join(out, folderName(a.name, version));
    mkdirSync(join(dir, "images"), { recursive: true });
    for (const f of readdirSync(bundle)) if (!f.endsWith(".LICENSE.txt")) cpSync(join(bundle, f), join(dir, f));
    writeFileSync(join(dir, "ribbon.xml"), ribbonXml(a.kind));
    writeFileSync(join(dir, "manifest.xml"), manifestXml(a.name, a.app));
    writeFileSync(join(dir, "index.html"), indexHtml(a.kind));
    writeFileSync(join(dir, "taskpane.html"), taskpaneHtml());
    cpSync(join(root, "assets", "icon-32.png"), join(dir, "images", "check.png"));
    cpSync(join(root, "assets", "icon-32.png"), join(dir, "images", "open.png"));
  }
  writeFileSync(join(out, "publish.xml"), publishXml(version));
  writeFileSync(join(out, "jsplugins.xml"), jspluginsXml(server, version));
  writeFileSync(join(out, "install-linux.sh"), installSh(version));
  chmodSync(join(out, "install-linux.sh"), 0o755);
  // Windows PowerShell 5.1 reads a script without a BOM as the ANSI code page: the Chinese would come out garbled.
  writeFileSync(join(out, "install-windows.ps1"), `\ufeff${installPs1(version)}`);

  const packed: Record<string, Uint8Array> = {};
  const top = [
    ...ADDINS.map((a) => folderName(a.name, version)),
    "publish.xml",
    "jsplugins.xml",
    "install-linux.sh",
    "install-windows.ps1",
  ];
  for (const entry of top) {
    const p = join(out, entry);
    if (statSync(p).isDirectory()) for (const f of filesUnder(p)) packed[`${entry}/${f.split("\\").join("/")}`] = readFileSync(join(p, f));
    else packed[entry] = readFileSync(p);
  }
  writeFileSync(join(out, `juesuan-wps-addins_${version}.zip`), zipSync(packed, { level: 9 }));

  const sevenZip = ["7z", "7za", "7zr"].find((c) => spawnSync(c, ["i"], { stdio: "ignore" }).status === 0);
  if (sevenZip)
    for (const a of ADDINS) {
      const folder = folderName(a.name, version);
      spawnSync(sevenZip, ["a", "-bd", "-y", join(out, `${a.name}.7z`), `./${folder}/*`], { cwd: out, stdio: "ignore" });
    }
  console.log(`WPS 加载项已打包到 ${relative(root, out)}/（版本 ${version}${sevenZip ? "，含 .7z" : ""}）`);
}

main();
