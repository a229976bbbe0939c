const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// OFFICE_JS=local serves office.js from the build (browser tests); OFFICE_JS=offline builds dist-offline/ with office.js,
// the Excel and Word host files and every locale's strings copied from @microsoft/office-js, for intranet and offline
// use (unsupported by Microsoft: refresh with each release, see README); otherwise Microsoft's CDN, as Office requires.
const offlineOffice = process.env.OFFICE_JS === "offline";
const localOffice = process.env.OFFICE_JS === "local" || offlineOffice;
const officeJs = localOffice ? "office-js/office.js" : "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_DIST = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");

/** What office.js loads from its own folder in Excel and Word: itself, the host map, the host files, strings, telemetry. */
function officeFiles() {
  if (!offlineOffice) return ["office.js", "o15apptofilemappingtable.js"];
  const fs = require("node:fs");
  const top = fs
    .readdirSync(OFFICE_DIST)
    .filter((f) => /^(office|o15apptofilemappingtable|es6-promise|(excel|word)[a-z0-9.-]*)\.js$/.test(f));
  const strings = fs
    .readdirSync(OFFICE_DIST, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(OFFICE_DIST, d.name, "office_strings.js")))
    .map((d) => `${d.name}/office_strings.js`);
  return [...top.filter((f) => !f.endsWith(".debug.js")), ...strings, "telemetry/oteljs_agave.js"];
}
const officeOrigin = localOffice ? "" : " https://appsforoffice.microsoft.com";
// No inline script, no eval, no remote origin beyond Office.js itself. Fluent's CSS-in-JS needs inline styles.
const csp = [
  "default-src 'self'",
  `script-src 'self'${officeOrigin}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `connect-src 'self'${officeOrigin}`,
  "font-src 'self' data:",
  `frame-src 'self'${officeOrigin}`,
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

module.exports = (_env, argv) => ({
  mode: argv.mode ?? "production",
  devtool: argv.mode === "development" ? "source-map" : false,
  entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" },
  output: {
    path: path.resolve(__dirname, offlineOffice ? "dist-offline" : "dist"),
    filename: "[name].[contenthash:8].js",
    chunkFilename: "[name].[contenthash:8].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false } },
        },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], officeJs, csp }),
    new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], officeJs, csp }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/icon-*.png", to: "assets/[name][ext]" },
        // Copied as they are (info.minimized: Terser would spend minutes on them, toolchain.md G7).
        ...(localOffice
          ? officeFiles().map((f) => ({
              from: `node_modules/@microsoft/office-js/dist/${f}`,
              to: `office-js/${f}`,
              info: { minimized: true },
            }))
          : []),
      ],
    }),
  ],
  devServer: {
    static: path.resolve(__dirname, "dist"),
    port: 3000,
    server: "https",
    headers: { "Access-Control-Allow-Origin": "*" },
  },
});
