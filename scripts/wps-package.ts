import { WPS_TEXT } from "../src/core";
import { CALLBACKS, RIBBON } from "../src/wps/ribbon";
import type { AddinKind } from "../src/wps/ribbon";

/**
 * The files of the two WPS 加载项 (表格 "et" and 文字 "wps"), as text. Formats follow the WPS 加载项 tooling (wpsjs:
 * ribbon.xml in CustomUI, manifest.xml as <JsPlugin>, publish.xml in the user's jsaddons folder with one <jsplugin> per
 * add-in whose url is the folder "名称_版本" beside it, jsplugins.xml on a server with <jspluginonline>) and
 * public add-ins installed on WPS for Windows and Linux; see README「WPS 加载项」.
 */
export const ADDINS: { kind: AddinKind; name: string; app: string }[] = [
  { kind: "et", name: "juesuan-et", app: "WPS 表格" },
  { kind: "wps", name: "juesuan-wps", app: "WPS 文字" },
];

export const folderName = (name: string, version: string) => `${name}_${version}`;

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** ribbon.xml: a 决算助手 tab; the callbacks are global functions of the add-in's main page (index.html). */
export function ribbonXml(kind: AddinKind): string {
  const [onLoad, onAction, getImage, getEnabled] = CALLBACKS;
  const buttons = RIBBON[kind]
    .map(
      (b) =>
        `        <button id="${b.id}" label="${esc(b.label)}" screentip="${esc(b.tip)}" size="large"` +
        ` onAction="${onAction}" getImage="${getImage}" getEnabled="${getEnabled}"/>`,
    )
    .join("\n");
  return [
    `<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="${onLoad}">`,
    `  <ribbon startFromScratch="false">`,
    `    <tabs>`,
    `      <tab id="juesuanTab" label="${esc(WPS_TEXT.tabLabel)}">`,
    `      <group id="juesuanGroup" label="${esc(WPS_TEXT.groupLabel)}">`,
    buttons,
    `      </group>`,
    `      </tab>`,
    `    </tabs>`,
    `  </ribbon>`,
    `</customUI>`,
    ``,
  ].join("\n");
}

export function manifestXml(name: string, app: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<JsPlugin>`,
    `  <ApiVersion>1.0.0</ApiVersion>`,
    `  <Name>${esc(name)}</Name>`,
    `  <Description>${esc(`${WPS_TEXT.addinName}（${app}）`)}</Description>`,
    `</JsPlugin>`,
    ``,
  ].join("\n");
}

/** The main page WPS loads (hidden) when the app starts: it defines the ribbon callbacks, nothing else. */
export function indexHtml(kind: AddinKind): string {
  return [
    `<!doctype html>`,
    `<html lang="zh-CN">`,
    `  <head>`,
    `    <meta charset="utf-8" />`,
    `    <title>${WPS_TEXT.addinName}</title>`,
    `  </head>`,
    `  <body>`,
    `    <script src="wps-main.js" data-host="${kind}"></script>`,
    `  </body>`,
    `</html>`,
    ``,
  ].join("\n");
}

/**
 * The task pane page. Its policy allows nothing but the add-in's own files (file:// in a jsaddons folder, or the
 * intranet server it is served from); Fluent's CSS-in-JS needs inline styles; zod runs without eval.
 */
export function taskpaneHtml(): string {
  const csp = [
    "default-src 'self' file:",
    "script-src 'self' file:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' file: data: blob:",
    "connect-src 'self' file:",
    "font-src 'self' file: data:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
  return [
    `<!doctype html>`,
    `<html lang="zh-CN">`,
    `  <head>`,
    `    <meta charset="utf-8" />`,
    `    <meta name="viewport" content="width=device-width, initial-scale=1" />`,
    `    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    `    <title>${WPS_TEXT.addinName}</title>`,
    `  </head>`,
    `  <body style="margin: 0">`,
    `    <div id="root"></div>`,
    `    <script src="wps-pane.js"></script>`,
    `  </body>`,
    `</html>`,
    ``,
  ].join("\n");
}

/** publish.xml for the user's jsaddons folder: each add-in's folder sits beside it, named 名称_版本. */
export function publishXml(version: string): string {
  const rows = ADDINS.map(
    (a) =>
      `  <jsplugin name="${a.name}" type="${a.kind}" url="${folderName(a.name, version)}" version="${version}"` +
      ` enable="enable_dev" install="null" customDomain=""/>`,
  );
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<jsplugins>`, ...rows, `</jsplugins>`, ``].join("\n");
}

/**
 * jsplugins.xml for an intranet web server (oem.ini [Server] JSPluginsServer points at it): each add-in is the same
 * folder served statically; WPS fetches its ribbon.xml and pages from there. Nothing comes from the internet.
 */
export function jspluginsXml(baseUrl: string, version: string): string {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const rows = ADDINS.map(
    (a) => `  <jspluginonline name="${a.name}" type="${a.kind}" url="${esc(`${base}${folderName(a.name, version)}/`)}"/>`,
  );
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<jsplugins>`, ...rows, `</jsplugins>`, ``].join("\n");
}

/** Copies the add-in folders into a jsaddons folder and adds our entries to its publish.xml (kept otherwise). */
export function installSh(version: string): string {
  const folders = ADDINS.map((a) => folderName(a.name, version)).join(" ");
  const rows = publishXml(version)
    .split("\n")
    .filter((l) => l.includes("<jsplugin "))
    .map((l) => l.trim());
  return `#!/bin/sh
# 决算助手 WPS 加载项：安装到当前用户（Linux：麒麟、统信 UOS 等）。用法：sh install-linux.sh [jsaddons 目录]
# 默认目录 ~/.local/share/Kingsoft/wps/jsaddons。装好后重启 WPS（预加载模式下运行 quickstartoffice restart），
# 首次打开时在信任提示中点“允许”，再重启一次 WPS。
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="\${1:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
mkdir -p "$DEST"
for f in ${folders}; do rm -rf "$DEST/$f"; cp -R "$HERE/$f" "$DEST/"; chmod -R a+rX "$DEST/$f"; done
PUB="$DEST/publish.xml"
if [ ! -s "$PUB" ]; then cp "$HERE/publish.xml" "$PUB"; else
  # 去掉旧版本的决算助手条目，再加入本版本的
  grep -v 'name="juesuan-' "$PUB" > "$PUB.tmp" || true
  sed -i 's#</jsplugins>##' "$PUB.tmp"
  { cat "$PUB.tmp"; ${rows.map((r) => `echo '  ${r}'`).join("; ")}; echo '</jsplugins>'; } > "$PUB"
  rm -f "$PUB.tmp"
fi
echo "已安装到 $DEST。请重启 WPS。"
`;
}

export function installPs1(version: string): string {
  const folders = ADDINS.map((a) => `'${folderName(a.name, version)}'`).join(", ");
  const rows = ADDINS.map((a) => `  @{ name = '${a.name}'; type = '${a.kind}'; url = '${folderName(a.name, version)}' }`).join("\n");
  return `# 决算助手 WPS 加载项：安装到当前用户（Windows）。用法：powershell -ExecutionPolicy Bypass -File install-windows.ps1
# 目录 %APPDATA%\\kingsoft\\wps\\jsaddons。装好后重启 WPS；首次打开时在信任提示中点“允许”，再重启一次 WPS。
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$dest = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'
New-Item -ItemType Directory -Force -Path $dest | Out-Null
foreach ($f in @(${folders})) {
  $target = Join-Path $dest $f
  if (Test-Path $target) { Remove-Item -Recurse -Force $target }
  Copy-Item -Recurse (Join-Path $here $f) $target
}
$pub = Join-Path $dest 'publish.xml'
if (Test-Path $pub) { [xml]$xml = Get-Content -Raw -Encoding UTF8 $pub }
else { [xml]$xml = '<?xml version="1.0" encoding="UTF-8"?><jsplugins/>' }
foreach ($old in @($xml.jsplugins.jsplugin | Where-Object { $_.name -like 'juesuan-*' })) { [void]$xml.DocumentElement.RemoveChild($old) }
foreach ($a in @(
${rows}
)) {
  $e = $xml.CreateElement('jsplugin')
  $e.SetAttribute('name', $a.name); $e.SetAttribute('type', $a.type); $e.SetAttribute('url', $a.url)
  $e.SetAttribute('version', '${version}'); $e.SetAttribute('enable', 'enable_dev'); $e.SetAttribute('install', 'null')
  $e.SetAttribute('customDomain', '')
  [void]$xml.DocumentElement.AppendChild($e)
}
$xml.Save($pub)
Write-Host "已安装到 $dest。请重启 WPS。"
`;
}
