const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// OFFICE_JS=local serves office.js from the build (browser tests, offline); otherwise Microsoft's CDN, as Office requires.
const localOffice = process.env.OFFICE_JS === "local";
const officeJs = localOffice ? "office-js/office.js" : "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
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
    path: path.resolve(__dirname, "dist"),
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
        ...(localOffice
          ? ["office.js", "o15apptofilemappingtable.js"].map((f) => ({
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
