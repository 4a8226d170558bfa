// The layering rules of DESIGN.md, held by a test: every import of every file in src/ (static,
// dynamic with a literal, `import type`, `typeof import(…)`, re-exports), read with the TypeScript
// parser, and checked against which folder may import which.

import { readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "src");

/**
 * Edges between folders that break a rule today and are being fixed elsewhere. Each must still
 * occur (a test fails once it is gone, so the entry is removed with the fix).
 */
const knownViolations: { from: string; to: string; why: string }[] = [];

/** One import of one file: where it is, what it names, and the file in src/ it reaches, if any. */
interface Import {
  file: string;
  line: number;
  specifier: string;
  /** The path relative to src/ of the file imported, or null for a package or a Node API. */
  target: string | null;
}

/** Every module specifier `text` names, with its 1-based line. */
function findSpecifiers(file: string, text: string): { specifier: string; line: number }[] {
  const kind = /\.m?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) {
      found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The package's own entries (`live-lesson/math` → math/index.ts), from package.json: they name the
 * compiled lib/math/index.js, which is built from src/math/index.ts.
 */
const selfExports = Object.entries(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).exports as Record<string, string>).map(
  ([entry, path]) => [entry === "." ? "live-lesson" : `live-lesson${entry.slice(1)}`, relative(join(root, "lib"), join(root, path)).replace(/\.js$/, ".ts")] as const,
);

/** The file in src/ (relative to it) a specifier of `file` reaches, or null when it is not ours. */
function resolveTarget(file: string, specifier: string): string | null {
  const self = selfExports.find(([entry]) => entry === specifier);
  if (self) return self[1];
  if (!specifier.startsWith(".")) return null;
  const path = relative(src, resolve(dirname(join(src, file)), specifier.replace(/[?#].*$/, "")));
  return path.startsWith("..") ? `../${path}` : path;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return /\.(m?ts|m?js)$/.test(entry.name) ? [relative(src, path)] : [];
  });
}

/** Every import of every source file in src/. */
function findImports(): Import[] {
  return listFiles(src).flatMap((file) =>
    findSpecifiers(file, readFileSync(join(src, file), "utf8")).map(({ specifier, line }) => ({
      file: file.split(sep).join("/"),
      line,
      specifier,
      target: resolveTarget(file, specifier)?.split(sep).join("/") ?? null,
    })),
  );
}

/** The top-level folder of a path relative to src/ (a file directly in src/ is its own "folder"). */
function folderOf(path: string): string {
  return path.split("/")[0];
}

function describeImport(i: Import): string {
  return `src/${i.file}:${i.line} imports "${i.specifier}"`;
}

/** One cycle through each strongly connected component of more than one node (Tarjan). */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do component.push((w = stack.pop()!));
      while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  // Within each component, walk from its first node until a node repeats: that walk is a cycle.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...members].sort()[0];
    const path = [start];
    for (let at = start; ; ) {
      at = [...(graph.get(at) ?? [])].sort().find((next) => members.has(next))!;
      const seen = path.indexOf(at);
      if (seen >= 0) return [...path.slice(seen), at];
      path.push(at);
    }
  });
}

/** The graph of `imports` between the nodes `nodeOf` gives (imports it maps to null are left out). */
function buildGraph(imports: Import[], nodeOf: (path: string) => string | null): { graph: Map<string, Set<string>>; example: Map<string, Import> } {
  const graph = new Map<string, Set<string>>();
  const example = new Map<string, Import>();
  for (const i of imports) {
    const from = nodeOf(i.file);
    const to = i.target === null ? null : nodeOf(i.target);
    if (from === null || to === null || from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
    if (!example.has(`${from} ${to}`)) example.set(`${from} ${to}`, i);
  }
  return { graph, example };
}

function describeCycle(cycle: string[], example: Map<string, Import>): string {
  const steps = cycle.slice(0, -1).map((node, k) => `  ${node} → ${cycle[k + 1]}: ${describeImport(example.get(`${node} ${cycle[k + 1]}`)!)}`);
  return `${cycle.join(" → ")}\n${steps.join("\n")}`;
}

const imports = findImports();
const inFolder = (folder: string) => imports.filter((i) => folderOf(i.file) === folder);
const isNodeApi = (specifier: string) => specifier.startsWith("node:") || isBuiltin(specifier);

describe("layering (DESIGN.md: one concept per folder, imports one way)", () => {
  it("reads the imports of src/", () => {
    // The parser sees every kind of import the rules below rely on.
    const kinds = findSpecifiers("x.ts", 'import a from "a";\nimport type { B } from "b";\nexport { c } from "c";\nexport * from "d";\nconst e = import("e");\ntype F = typeof import("f");');
    expect(kinds).toEqual(["a", "b", "c", "d", "e", "f"].map((specifier, k) => ({ specifier, line: k + 1 })));
    expect(imports.some((i) => i.file === "compile/index.ts" && i.target === "compile/compileLesson.ts")).toBe(true);
  });

  it("contract/, math/ and store/ import nothing of ours (outside themselves)", () => {
    const wrong = [...inFolder("contract"), ...inFolder("math"), ...inFolder("store")].filter((i) => i.target !== null && folderOf(i.target) !== folderOf(i.file));
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("compile/ is pure: no Node API, and of ours only contract/ and math/", () => {
    const allowed = new Set(["compile", "contract", "math"]);
    const wrong = inFolder("compile").filter((i) => isNodeApi(i.specifier) || (i.target !== null && !allowed.has(folderOf(i.target))));
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("compile/cells.ts, what the page's editor bundles, reaches no markdown-it, KaTeX, YAML or highlight.js", () => {
    const heavy = /^(markdown-it|markdown-it-anchor|katex|yaml|highlight\.js)(\/|$)/;
    const reached = new Set<string>();
    const wrong: string[] = [];
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const i of imports.filter((i) => i.file === file)) {
        if (heavy.test(i.specifier)) wrong.push(describeImport(i));
        if (i.target) visit(i.target);
      }
    };
    visit("compile/cells.ts");
    expect(reached.size).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });

  it("run/ imports only contract/, compile/, runtime/ and site/; only cli/, vite/ and check/ import run/", () => {
    const allowed = new Set(["run", "contract", "compile", "runtime", "site"]);
    const importers = new Set(["run", "cli", "vite", "check"]);
    const wrong = [
      ...inFolder("run").filter((i) => i.target !== null && !allowed.has(folderOf(i.target))),
      ...imports.filter((i) => i.target !== null && folderOf(i.target) === "run" && !importers.has(folderOf(i.file))),
    ];
    expect(wrong.map(describeImport)).toEqual([]);
    expect(inFolder("run").some((i) => i.target === "runtime/mountLesson.ts"), "the runner mounts lessons with the page's runtime").toBe(true);
  });

  it("typecheck/ is pure: no Node API, and of ours only compile/ and contract/ (lesson check and the page's worker share it)", () => {
    const allowed = new Set(["typecheck", "compile", "contract"]);
    const wrong = inFolder("typecheck").filter((i) => isNodeApi(i.specifier) || (i.target !== null && !allowed.has(folderOf(i.target))));
    expect(inFolder("typecheck").length).toBeGreaterThan(5);
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("runtime/ imports nothing from compile/", () => {
    const wrong = inFolder("runtime").filter((i) => i.target !== null && folderOf(i.target) === "compile");
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("learn/ imports only contract/, store/, math/, the runtime's and compiler's types and the cells' declarations", () => {
    const allowed = new Set(["learn", "contract", "store", "math"]);
    const types = new Set(["runtime/types.ts", "compile/types.ts", "types/lesson-globals.d.ts"]);
    const wrong = inFolder("learn").filter((i) => i.target !== null && !allowed.has(folderOf(i.target)) && !types.has(i.target));
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("only the page's makers (site/, vite/), the CLI and verify/ import learn/", () => {
    const allowed = new Set(["learn", "site", "vite", "cli", "verify"]);
    const wrong = imports.filter((i) => i.target !== null && folderOf(i.target) === "learn" && !allowed.has(folderOf(i.file)));
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("no cycle between the folders of src/", () => {
    const known = new Set(knownViolations.map((v) => `${v.from} ${v.to}`));
    const { graph, example } = buildGraph(imports, folderOf);
    for (const [from, targets] of graph) for (const to of targets) if (known.has(`${from} ${to}`)) targets.delete(to);
    expect(findCycles(graph).map((cycle) => describeCycle(cycle, example))).toEqual([]);
  });

  it("no cycle between the files of runtime/ (type-only imports count)", () => {
    const { graph, example } = buildGraph(imports, (path) => (folderOf(path) === "runtime" ? path : null));
    expect(findCycles(graph).map((cycle) => describeCycle(cycle, example))).toEqual([]);
  });

  it("every known violation still occurs (remove it from the list once it is fixed)", () => {
    const { graph } = buildGraph(imports, folderOf);
    const gone = knownViolations.filter((v) => !graph.get(v.from)?.has(v.to));
    expect(gone.map((v) => `${v.from} → ${v.to} no longer occurs: remove it from knownViolations in test/layering.test.ts`)).toEqual([]);
  });

  it("finds a cycle, and names it", () => {
    const graph = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });
});
