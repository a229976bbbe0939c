// Lint rules for the core's shape (DESIGN.md): the core is entered through src/core/index.ts, its stages import only
// downward in pipeline order, and no files import each other in a circle. Type-only imports count: a type circle
// is still a circle for a reader.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const STAGES = ["base", "catalogue", "read", "recognise", "analyse", "score", "present", "report", "audit", "run"];
const rank = (stage) => STAGES.indexOf(stage);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']/g;

function resolve(fromFile, spec) {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

function coreDir(file) {
  const i = file.split(path.sep).lastIndexOf("core");
  return i > 0 && file.split(path.sep)[i - 1] === "src"
    ? file
        .split(path.sep)
        .slice(0, i + 1)
        .join(path.sep)
    : null;
}

/** Stage of a core file: the folder under src/core ("" for the door). */
function stageOf(core, file) {
  const rel = path.relative(core, file).split(path.sep);
  return rel.length > 1 ? rel[0] : "";
}

function listTs(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listTs(p, out);
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Files of src/core that sit on an import circle, computed once per lint run (Tarjan's strongly connected components). */
const circleCache = new Map();
function circles(core) {
  if (circleCache.has(core)) return circleCache.get(core);
  const files = listTs(core);
  const edges = new Map(
    files.map((f) => [f, [...fs.readFileSync(f, "utf8").matchAll(IMPORT)].map((m) => resolve(f, m[1])).filter(Boolean)]),
  );
  const index = new Map(),
    low = new Map(),
    onStack = new Set(),
    stack = [],
    component = new Map();
  let counter = 0;
  const strong = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const members = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      for (const m of members) component.set(m, members.length > 1 ? members : null);
    }
  };
  for (const f of files) if (!index.has(f)) strong(f);
  circleCache.set(core, component);
  return component;
}

const stagesRule = {
  meta: {
    type: "problem",
    messages: {
      upward: "core 的阶段只能向下依赖：{{from}} 不能导入 {{to}}（顺序：" + STAGES.join(" → ") + "）",
      door: "core 之外只能通过 src/core/index.ts 进入核心（不能直接导入 {{to}}）",
      doorInside: "core 内部不经过 index.ts：请直接导入所需的模块",
      unknown: "src/core 下的文件必须位于一个阶段目录中：{{stages}}",
      circle: "导入形成环：{{members}}",
    },
  },
  create(context) {
    const file = context.filename;
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
    function check(node) {
      if (!node.source) return;
      const target = resolve(file, node.source.value);
      if (!target) return;
      const targetCore = coreDir(target);
      const ownCore = coreDir(file);
      if (!targetCore) return;
      const door = path.join(targetCore, "index.ts");
      if (!ownCore || ownCore !== targetCore) {
        if (target !== door && !/\/test\//.test(file))
          context.report({ node, messageId: "door", data: { to: path.relative(targetCore, target) } });
        return;
      }
      if (target === door) {
        if (file !== door) context.report({ node, messageId: "doorInside" });
        return;
      }
      const from = stageOf(ownCore, file),
        to = stageOf(ownCore, target);
      if (from !== "" && rank(from) < 0) context.report({ node, messageId: "unknown", data: { stages: STAGES.join("、") } });
      else if (from !== "" && rank(to) > rank(from)) context.report({ node, messageId: "upward", data: { from, to } });
      const members = circles(ownCore).get(file);
      if (members && members.includes(target)) {
        context.report({ node, messageId: "circle", data: { members: members.map((m) => path.relative(ownCore, m)).join(" → ") } });
      }
    }
  },
};

module.exports = { coreStagesPlugin: { rules: { stages: stagesRule } }, STAGES };
