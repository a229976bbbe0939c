// ESM-only deps of office-addin-manifest (via office-addin-mock): ts-jest must transpile them, nested copies included.
const esmDeps = ["uuid", "strip-bom"];
const common = {
  transform: {
    "^.+\\.[tj]sx?$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", moduleResolution: "node10", ignoreDeprecations: "5.0" } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(.*/node_modules/)?(${esmDeps.join("|")})/)`],
};
module.exports = {
  projects: [
    { ...common, displayName: "node", testEnvironment: "node", testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/src/**/*.test.ts"] },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      setupFiles: ["<rootDir>/test/setup-dom.ts"],
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
    },
  ],
};
