const ts = require("typescript");

/**
 * A TypeScript transformer for the WPS build: each BigInt literal (10_000n) becomes BigInt("10000"), so the bundle
 * parses as ES2017. The embedded browser must still have BigInt itself (Chromium 67+); the pane says so when it
 * does not (PANE.noBigInt). Rewritten on the syntax tree, never by pattern, so strings and comments are untouched.
 */
function bigintLiterals(context) {
  const f = context.factory;
  const visit = (node) =>
    ts.isBigIntLiteral(node)
      ? f.createCallExpression(f.createIdentifier("BigInt"), undefined, [f.createStringLiteral(node.text.slice(0, -1).replace(/_/g, ""))])
      : ts.visitEachChild(node, visit, context);
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

module.exports = { bigintLiterals };
