// Blanks TypeScript's type-only syntax to spaces, so the JavaScript keeps every line and column.

import { getLineInfo, type Node } from "acorn";
import { TypeScriptParser, parseCell, readSyntaxError, type ParsedCell } from "./parseCell.ts";
import type { CellTokens } from "./cellTokens.ts";
import { findBlankHazard } from "./findBlankHazard.ts";

/** A problem in one cell, located relative to the cell (1-based line, 0-based column). */
export interface CellProblem {
  code: string;
  message: string;
  line: number;
  column: number;
}

/** The JavaScript of a TypeScript cell, and what could not be stripped. */
export interface StrippedCell {
  js: string;
  problems: CellProblem[];
  /**
   * The TypeScript parse, when `js` reads as it does (walked with walkBase, it is the parse of
   * `js`): absent on any problem, an `export`, or a blank findBlankHazard doubts.
   */
  tree?: ParsedCell;
}

// A loosely typed view of acorn-typescript's nodes, whose TS node types acorn's .d.ts does not know.
type TsNode = Node & { [key: string]: unknown; type: string; start: number; end: number };

const typeKeys = new Set([
  "typeAnnotation", "returnType", "typeParameters", "typeArguments", "superTypeParameters",
  "superTypeArguments", "predicate",
]);
const typeOnlyDeclarations = new Set([
  "TSInterfaceDeclaration", "TSTypeAliasDeclaration", "TSDeclareFunction", "TSIndexSignature",
]);
const unsupported: Record<string, string> = {
  TSEnumDeclaration: "enums are not supported in cells (they need runtime code); use an object or a union of literals",
  TSModuleDeclaration: "namespaces are not supported in cells (they need runtime code); use an object or an import",
  TSParameterProperty: "constructor parameter properties are not supported in cells (they need runtime code); assign the field in the constructor",
  TSImportEqualsDeclaration: "`import x = require()` is not supported in cells; use `import`",
  TSExportAssignment: "`export =` is not supported in cells",
  TSNamespaceExportDeclaration: "`export as namespace` is not supported in cells",
};
const modifierPattern = /\b(?:public|private|protected|readonly|override|declare|abstract)\b/g;

/**
 * Strips the types from a TypeScript cell; never throws (a syntax error becomes a problem).
 * `options.tokens`, if given, receives the tokens of the TypeScript parse (for highlighting).
 */
export function stripTypes(source: string, options: { inline?: boolean; tokens?: CellTokens } = {}): StrippedCell {
  let parsed: ParsedCell;
  try {
    parsed = parseCell(TypeScriptParser, source, options.inline ?? false, options.tokens);
  } catch (error) {
    const { message, line, column } = readSyntaxError(error);
    return { js: source, problems: [{ code: "syntax", message: `SyntaxError: ${message}`, line, column }] };
  }
  const { js, ranges, problems } = blankTypes(parsed.node, source);
  if (problems.length) return { js, problems: problems.map((p) => locate(source, p)) };
  return readsAlike(parsed, js, ranges) ? { js, problems: [], tree: parsed } : { js, problems: [] };
}

/** What blankTypes found: the JavaScript, the ranges it blanked (sorted), and what it could not strip. */
export interface BlankedTypes {
  js: string;
  ranges: [number, number][];
  problems: { code: string; message: string; offset: number }[];
}

/**
 * Blanks the type syntax of `source`, given its TypeScript tree (acorn-typescript's, or the TS-ESTree
 * of the Node compiler's native parser: the node types this reads are the same in both).
 */
export function blankTypes(root: object, source: string, onLiteral: OnLiteral | null = null): BlankedTypes {
  const ranges: [number, number][] = [];
  const problems: BlankedTypes["problems"] = [];
  const blank = (start: number, end: number) => {
    if (end > start) ranges.push([start, end]);
  };
  try {
    visit(root, source, blank, (node, message) => problems.push({ code: "unsupported", message, offset: node.start }), onLiteral);
  } catch (error) {
    problems.push({ code: "syntax", message: readSyntaxError(error).message, offset: 0 });
  }
  return { js: applyBlanks(source, ranges), ranges, problems };
}

/** Whether the JavaScript, parsed, would be `parsed` with its blanked parts left out. */
function readsAlike(parsed: ParsedCell, js: string, ranges: [number, number][]): boolean {
  if (findBlankHazard(js, ranges) >= 0) return false;
  if (parsed.expression) return true;
  const body = parsed.node.body;
  // An export is an error either way, but `export type` blanks to a bare `export`.
  if (body.some((node) => node.type.startsWith("Export"))) return false;
  // One statement left beside blanked ones may be an expression cell once they are spaces.
  const kept = body.filter((node) => !isBlankedStatement(node)).length;
  return kept !== 1 || kept === body.length;
}

/** Replaces every character in the ranges, except line breaks, with a space. */
function applyBlanks(source: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return source;
  ranges.sort((a, b) => a[0] - b[0]); // findBlankHazard reads them in this order too
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += source.slice(at, from) + source.slice(from, end).replace(/[^\r\n]/g, " ");
    at = end;
  }
  return out + source.slice(at);
}

function locate(source: string, p: { code: string; message: string; offset: number }): CellProblem {
  return { code: p.code, message: p.message, ...getLineInfo(source, p.offset) };
}

/**
 * Told of every `Literal` and `TemplateElement` outside the type syntax: the JavaScript's, at the
 * same offsets (the native front end tokenizes the listing with them).
 */
export type OnLiteral = (node: { type: string; start: number; end: number; regex?: unknown; value?: unknown }) => void;

type Blank = (start: number, end: number) => void;
type Report = (node: TsNode, message: string) => void;

// Index loops and `for…in`, not `for…of` over Object.keys: this runs on every node of every TypeScript
// cell while the code is still cold, when each `for…of` step allocates an iterator result (1.8 of
// the 23.6 MB a cold compile of the chapter allocated, and with them one garbage collection more).
function visit(node: unknown, source: string, blank: Blank, report: Report, onLiteral: OnLiteral | null): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) visit(node[i], source, blank, report, onLiteral);
    return;
  }
  const n = node as TsNode;
  if (typeof n.type !== "string") return;
  if (isBlankedStatement(n)) return blank(n.start, n.end);
  if (n.type in unsupported) return report(n, unsupported[n.type]);
  switch (n.type) {
    case "TSAsExpression":
    case "TSSatisfiesExpression": {
      const expression = n.expression as TsNode;
      const keyword = n.type === "TSAsExpression" ? "as" : "satisfies";
      const at = source.lastIndexOf(keyword, (n.typeAnnotation as TsNode).start);
      blank(at > expression.end ? at : expression.end, n.end);
      return visit(expression, source, blank, report, onLiteral);
    }
    case "TSNonNullExpression":
      if (source[n.end - 1] === "!") blank(n.end - 1, n.end);
      return visit(n.expression, source, blank, report, onLiteral);
    case "TSTypeAssertion": {
      const type = n.typeAnnotation as TsNode;
      const close = source.indexOf(">", type.end);
      blank(n.start, close + 1);
      return visit(n.expression, source, blank, report, onLiteral);
    }
    case "TSInstantiationExpression":
      break;
    case "Literal":
    case "TemplateElement":
      onLiteral?.(n);
      return;
    case "Identifier":
      if (n.typeAnnotation || n.optional || n.definite) blank(n.start + (n.name as string).length, n.end);
      return;
    case "ImportDeclaration":
      return stripImport(n, source, blank);
    case "ClassDeclaration":
    case "ClassExpression":
      stripClassHead(n, source, blank);
      break;
    case "PropertyDefinition":
    case "MethodDefinition":
    case "AccessorProperty":
      if (stripMember(n, source, blank)) return;
      break;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      stripThisParam(n, source, blank);
      break;
    default:
      if (n.type.startsWith("TS")) return report(n, `TypeScript syntax ${n.type} is not supported in cells`);
  }
  // `for…in`, not Object.keys: no array per node; a node's prototype (acorn's Node) has no enumerable keys.
  for (const key in n) {
    if (key === "loc" || key === "implements") continue;
    const value = n[key] as TsNode | null;
    if (typeKeys.has(key) && value && typeof value === "object" && !Array.isArray(value)) {
      blank(value.start, value.end);
    } else if (value && typeof value === "object") {
      visit(value, source, blank, report, onLiteral);
    }
  }
}

/** True for a node stripTypes blanks whole: `declare …`, `interface`, `type`, an overload, `import type`. */
export function isBlankedStatement(node: object): boolean {
  const n = node as { type: string; [key: string]: unknown };
  return n.declare === true || typeOnlyDeclarations.has(n.type) || (n.type === "ImportDeclaration" && isTypeOnlyImport(n));
}

/** True for a class member stripTypes blanks whole: `declare x`, an abstract or overload signature. */
export function isBlankedMember(node: object): boolean {
  const n = node as { [key: string]: unknown };
  const value = n.value as { type: string } | null | undefined;
  return n.declare === true || (n.abstract === true && !value) || value?.type === "TSDeclareMethod";
}

/** True for an import of types alone (`import type …`, or every specifier `type`), which is blanked. */
function isTypeOnlyImport(n: { [key: string]: unknown }): boolean {
  const specifiers = n.specifiers as { importKind?: string }[];
  return n.importKind === "type" || (specifiers.length > 0 && specifiers.every((s) => s.importKind === "type"));
}

/** True for an import specifier that names a type (`import {type A}`), which is blanked. */
export function isTypeSpecifier(s: object): boolean {
  return (s as { importKind?: string }).importKind === "type";
}

function stripImport(n: TsNode, source: string, blank: Blank): void {
  const types = (n.specifiers as TsNode[]).filter(isTypeSpecifier);
  if (types.length === 0) return;
  for (const s of types) {
    const after = skipSpace(source, s.end);
    if (source[after] === ",") blank(s.start, after + 1);
    else {
      let before = s.start;
      while (before > 0 && /\s/.test(source[before - 1])) before--;
      blank(source[before - 1] === "," ? before - 1 : s.start, s.end);
    }
  }
}

function stripClassHead(n: TsNode, source: string, blank: Blank): void {
  if (n.abstract) {
    const at = source.indexOf("abstract", n.start);
    if (at >= 0) blank(at, at + "abstract".length);
  }
  const implemented = n.implements as TsNode[] | undefined;
  if (implemented?.length) {
    const at = source.lastIndexOf("implements", implemented[0].start);
    blank(at >= 0 ? at : implemented[0].start, implemented[implemented.length - 1].end);
  }
}

/** Strips a class member's modifiers; returns true when the whole member is type-only. */
function stripMember(n: TsNode, source: string, blank: Blank): boolean {
  const key = n.key as TsNode;
  if (isBlankedMember(n)) {
    blank(n.start, n.end);
    return true;
  }
  const head = source.slice(n.start, key.start);
  for (const match of head.matchAll(modifierPattern)) {
    blank(n.start + match.index, n.start + match.index + match[0].length);
  }
  if (n.optional || n.definite) {
    let i = key.end;
    while (i < n.end && source[i] !== "?" && source[i] !== "!") i++;
    blank(i, i + 1);
  }
  return false;
}

function stripThisParam(n: TsNode, source: string, blank: Blank): void {
  const params = n.params as TsNode[];
  const first = params[0];
  if (first?.type === "Identifier" && first.name === "this") {
    const after = skipSpace(source, first.end);
    blank(first.start, source[after] === "," ? after + 1 : first.end);
    params.shift();
  }
}

function skipSpace(source: string, i: number): number {
  while (i < source.length && /\s/.test(source[i])) i++;
  return i;
}
