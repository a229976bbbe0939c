const path = require("node:path");
const { bigintLiterals } = require("./scripts/bigint-literals");

/**
 * The WPS build (npm run build:wps): the ribbon's main page script and the pane, for the embedded browser of WPS
 * 加载项, which on older 信创 desktops is an old Chromium. Everything, dependencies included, is compiled down to
 * ES2017 (TypeScript transpiles node_modules' JavaScript too), and webpack's own runtime is ES2017. The Office build
 * (webpack.config.js) is untouched. scripts/build-wps.js packages the output into the two add-in folders.
 */
const ES2017 = { target: "es2017", module: "esnext", moduleResolution: "bundler", noEmit: false };

module.exports = (_env, argv) => ({
  mode: argv.mode ?? "production",
  devtool: false,
  target: ["web", "es2017"],
  entry: { "wps-main": "./src/commands/wps-main.ts", "wps-pane": "./src/taskpane/wps-index.tsx" },
  output: {
    path: path.resolve(__dirname, "dist-wps", "bundle"),
    filename: "[name].js",
    chunkFilename: "[name].[contenthash:8].js",
    // Chunks load from beside the script that asked for them: the add-in folder, file:// or an intranet server alike.
    publicPath: "auto",
    clean: true,
    environment: {
      arrowFunction: true,
      const: true,
      destructuring: true,
      forOf: true,
      optionalChaining: false,
      templateLiteral: true,
      asyncFunction: true,
      bigIntLiteral: false,
      dynamicImport: false,
      module: false,
    },
  },
  resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: ES2017, getCustomTransformers: () => ({ before: [bigintLiterals] }) },
        },
      },
      {
        // Dependencies ship newer syntax (?., ??, class fields, object spread): down to ES2017 as well.
        test: /\.m?js$/,
        include: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { ...ES2017, allowJs: true, checkJs: false } } },
        resolve: { fullySpecified: false },
      },
    ],
  },
  performance: { hints: false },
});
