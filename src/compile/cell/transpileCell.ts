// Turns a cell into the source of a JavaScript function the runtime calls with the cell's inputs.

import { getLineInfo, Parser, type ImportDeclaration, type Program } from "acorn";
import type { Cell } from "../types.ts";
import { JavaScriptParser, parseCell, readSyntaxError } from "./parseCell.ts";
import { stripTypes } from "./stripTypes.ts";
import { memoize } from "../memoize.ts";
import { TIMER_NAMES } from "../../contract/timers.ts";

/** A cell as a function: `params` in order, and `body`, the source of a function expression. */
export interface TranspiledCell {
  params: string[];
  body: string;
}

/**
 * Transpiles a cell to a function expression over `params` (its inputs, then `__import` when it
 * imports, then the timer functions it names, which the runtime supplies as the cell's own: see
 * findTimerNames). The user's code starts on the body's second line and keeps its layout, so line n of
 * the body is line `cell.line + n - 2` of the .md file. Expression cells become
 * `(a, b) => (\n<expr>\n)`; program cells `async function (a, __import) {"use strict";\n<code>\nreturn {x, y};\n}`
 * (`async` when they await or import, `function*` when they yield; generators return no outputs).
 * Imports become `const {a, b: c} = await __import("spec");`. A cell that does not parse
 * becomes a function that throws its SyntaxError.
 */
export function transpileCell(cell: Cell): TranspiledCell {
  const typed = cell.lang === "ts" ? cell.source : null;
  const key = JSON.stringify([cell.js, cell.inline, cell.inputs, cell.outputs, cell.imports.length, cell.async, cell.generator, cell.line, cell.column, typed]);
  const { params, body } = transpileCached(key);
  return { params: [...params], body };
}

// The Vite plugin transpiles every cell on every compile; unchanged cells reuse their function.
const transpileCached = memoize((key: string): TranspiledCell => {
  const [js, inline, inputs, outputs, importCount, isAsync, generator, line, column, typed] = JSON.parse(key) as [
    string, boolean, string[], string[], number, boolean, boolean, number, number, string | null,
  ];
  const fail = (message: string, at: { line: number; column: number }) => {
    const where = `line ${line + at.line - 1}, column ${at.line === 1 ? column + at.column : at.column + 1}`;
    return { params: [], body: `() => {\nthrow new SyntaxError(${JSON.stringify(`${message} (${where})`)});\n}` };
  };
  let parsed;
  try {
    parsed = parseCell(JavaScriptParser, js, inline);
  } catch (error) {
    // TypeScript the compiler cannot strip (an enum, say) has a clearer message than acorn's.
    const problem = typed === null ? undefined : stripTypes(typed, { inline }).problems[0];
    return problem
      ? fail(problem.message.replace(/^SyntaxError: /, ""), problem)
      : fail(...splitError(readSyntaxError(error)));
  }
  const params = [...inputs, ...(importCount ? ["__import"] : []), ...findTimerNames(js, outputs)];
  const list = params.join(", ");
  const async = isAsync || importCount > 0;
  let body: string;
  if (parsed.expression && !generator) {
    body = `${async ? "async " : ""}(${list}) => (\n${js}\n)`;
  } else {
    // An expression that yields (an inline `${yield x}`) is a generator's one statement.
    const program = parsed.expression ? null : (parsed.node as Program);
    const exported = program?.body.find((node) => node.type.startsWith("Export"));
    if (exported) return fail("cells cannot export", getLineInfo(js, exported.start));
    const head = `${async ? "async " : ""}function${generator ? "*" : ""} (${list}) {"use strict";`;
    const tail = generator ? "" : `return {${outputs.join(", ")}};\n`;
    body = `${head}\n${program ? rewriteImports(js, program) : js}\n${tail}}`;
  }
  // Module code that a function body cannot hold (`import.meta`, say) must not reach `new Function`.
  try {
    Parser.parse(`(${body})`, { ecmaVersion: "latest", sourceType: "script" });
  } catch (error) {
    const { message, line: bodyLine, column: bodyColumn } = readSyntaxError(error);
    return fail(message, { line: Math.max(1, bodyLine - 1), column: bodyColumn });
  }
  return { params, body };
});

/**
 * The timer functions (contract/timers.ts) `js` names and does not declare at its top level: they
 * become parameters, so the runtime can hand the cell timers that end with it. A name found in a
 * string or as a property only adds a parameter the code never reads, which is harmless.
 */
function findTimerNames(js: string, outputs: readonly string[]): string[] {
  return TIMER_NAMES.filter((name) => !outputs.includes(name) && new RegExp(`\\b${name}\\b`).test(js));
}

function splitError(e: { message: string; line: number; column: number }): [string, { line: number; column: number }] {
  return [e.message, { line: e.line, column: e.column }];
}

/** Replaces each import declaration with an awaited `__import`, keeping the lines after it in place. */
function rewriteImports(js: string, program: Program): string {
  const imports = program.body.filter((node): node is ImportDeclaration => node.type === "ImportDeclaration");
  if (imports.length === 0) return js;
  let out = "";
  let at = 0;
  for (const node of imports) {
    const original = js.slice(node.start, node.end);
    const newlines = "\n".repeat(original.split("\n").length - 1);
    out += js.slice(at, node.start) + writeImport(node) + newlines;
    at = node.end;
  }
  return out + js.slice(at);
}

function writeImport(node: ImportDeclaration): string {
  const load = `await __import(${JSON.stringify(String(node.source.value))})`;
  const named: string[] = [];
  let namespace: string | null = null;
  for (const s of node.specifiers) {
    if (s.type === "ImportNamespaceSpecifier") namespace = s.local.name;
    else if (s.type === "ImportDefaultSpecifier") named.push(`default: ${s.local.name}`);
    else {
      const imported = s.imported.type === "Identifier" ? s.imported.name : JSON.stringify(String(s.imported.value));
      named.push(imported === s.local.name ? imported : `${imported}: ${s.local.name}`);
    }
  }
  if (namespace && named.length) return `const ${namespace} = ${load}, {${named.join(", ")}} = ${namespace};`;
  if (namespace) return `const ${namespace} = ${load};`;
  if (named.length) return `const {${named.join(", ")}} = ${load};`;
  return `${load};`;
}
