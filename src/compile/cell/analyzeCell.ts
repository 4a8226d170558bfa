// Analyzes one cell: strips its types, parses it, and finds its inputs, outputs and shape.

import { getLineInfo, type Program } from "acorn";
import type { Cell, CellOptions, Diagnostic } from "../types.ts";
import { hashCell } from "./hashCell.ts";
import { isGlobal } from "../globals.ts";
import { JavaScriptParser, TypeScriptParser, parseCell, readSyntaxError, type ParsedCell } from "./parseCell.ts";
import { isBlankedStatement, stripTypes, type CellProblem } from "./stripTypes.ts";
import { findReferences, type Reference } from "./findReferences.ts";
import { findDeclarations } from "./findDeclarations.ts";
import { findFeatures, isFeatureFree, noFeatures } from "./findFeatures.ts";
import { memoize } from "../memoize.ts";
import { coversSource, keepTokens, startTokens } from "./cellTokens.ts";
import { findOpenBracket } from "./explainSyntaxError.ts";
import { recoverDeclarations } from "./recoverDeclarations.ts";
import { nativeFrontEnd } from "#cell-front-end";
import type { Identifier } from "acorn";

/** Where a cell sits in the .md file and what kind it is. */
export interface CellPlace {
  lang: "ts" | "js";
  /** 1-based line of the cell's first line of code. */
  line: number;
  /** 1-based column of the cell's first character of code. */
  column?: number;
  inline?: boolean;
  options?: Partial<CellOptions>;
}

/** A cell and the problems found in it alone (cross-cell problems come from checkCells). */
export interface CellAnalysis {
  cell: Cell;
  diagnostics: Diagnostic[];
}

/** A problem in one cell; a syntax error that an open bracket explains names where it was opened. */
type ShapeProblem = CellProblem & { severity: Diagnostic["severity"]; opener?: { open: string; close: string; line: number; column: number } };

/** Everything about a cell that does not depend on where it sits, so it can be cached by content. */
interface CellShape extends Pick<Cell, "js" | "inputs" | "outputs" | "expression" | "async" | "generator" | "imports"> {
  problems: ShapeProblem[];
  references: Reference[];
  /** The identifiers of the cell's top-level declarations (offsets in `js`). */
  declarations: Identifier[];
}

// The free references and declarations of each analyzed cell, kept for checkCells so it need not parse again.
const referenceCache = new WeakMap<Cell, Reference[]>();
const declarationCache = new WeakMap<Cell, Identifier[]>();

const shapeCell = memoize((key: string): CellShape => {
  const [lang, inline, source] = [key[0] === "t" ? "ts" : "js", key[1] === "i", key.slice(2)];
  return findShape(source, lang, inline);
});

/** Analyzes one cell's source (TypeScript or JavaScript); never throws on the cell's content. */
export function analyzeCell(source: string, place: CellPlace): CellAnalysis {
  const inline = place.inline ?? false;
  const column = place.column ?? 1;
  const shape = shapeCell(`${place.lang === "ts" ? "t" : "j"}${inline ? "i" : "b"}${source}`);
  const cell: Cell = {
    id: hashCell(place.lang, inline, source),
    line: place.line,
    column,
    lang: place.lang,
    inline,
    source,
    js: shape.js,
    inputs: [...shape.inputs],
    outputs: [...shape.outputs],
    expression: shape.expression,
    async: shape.async,
    generator: shape.generator,
    imports: [...shape.imports],
    options: { hide: false, run: true, editable: true, ...place.options },
  };
  referenceCache.set(cell, shape.references);
  declarationCache.set(cell, shape.declarations);
  const locate = (at: { line: number; column: number }) => ({
    line: cell.line + at.line - 1,
    column: at.line === 1 ? column + at.column : at.column + 1,
  });
  const diagnostics = shape.problems.map((p): Diagnostic => {
    let message = p.message;
    if (p.opener) {
      const opened = locate(p.opener);
      message = `SyntaxError: expected \`${p.opener.close}\` to close the \`${p.opener.open}\` at line ${opened.line}, column ${opened.column}`;
    }
    return { severity: p.severity, code: p.code, message, ...locate(p), cell: cell.id };
  });
  return { cell, diagnostics };
}

function findShape(source: string, lang: string, inline: boolean): CellShape {
  const shape: CellShape = {
    js: source,
    inputs: [],
    outputs: [],
    expression: inline,
    async: false,
    generator: false,
    imports: [],
    problems: [],
    references: [],
    declarations: [],
  };
  const report = (p: CellProblem, severity: Diagnostic["severity"] = "error") => shape.problems.push({ ...p, severity });
  // A cell that does not parse: say what was expected when a bracket explains it, and keep the
  // names it declares, so the cells that use them wait for it rather than calling them undefined.
  const broken = (p: CellProblem, parser: typeof JavaScriptParser) => {
    const code = parser === TypeScriptParser ? source : shape.js;
    const offset = offsetOf(code, p.line, p.column);
    const bracket = findOpenBracket(code, offset, (input) => parseCell(parser, input, inline));
    const opener = bracket ? { open: bracket.open, close: bracket.close, ...getLineInfo(code, bracket.offset) } : undefined;
    shape.problems.push({ ...p, severity: "error", ...(opener && { opener }) });
    if (!inline) {
      shape.declarations = recoverDeclarations(shape.js);
      shape.outputs = [...new Set(shape.declarations.map((id) => id.name))];
    }
    return shape;
  };
  // The parse of the source also yields its listing's tokens (inline cells have no listing).
  const tokens = inline ? undefined : startTokens(source);
  let tree: ParsedCell | undefined;
  // The Node compiler's native parser answers most cells, exactly as the acorn path below would.
  const native = nativeFrontEnd?.(source, lang === "ts" ? "ts" : "js", inline, tokens !== undefined);
  if (native) {
    shape.js = native.js;
    tree = native.tree;
    if (native.tokens?.tokens.length) keepTokens(lang, source, native.tokens);
  } else if (lang === "ts") {
    const stripped = stripTypes(source, { inline, tokens });
    tree = stripped.tree;
    if (tokens && coversSource(tokens, source)) keepTokens(lang, source, tokens);
    shape.js = stripped.js;
    const syntax = stripped.problems.find((p) => p.code === "syntax");
    if (syntax) return broken(syntax, TypeScriptParser);
    stripped.problems.forEach((p) => report(p));
    if (stripped.problems.length) return shape;
  }
  // A TypeScript cell's own parse serves when its JavaScript reads the same (stripTypes says when):
  // a second parse, of the JavaScript, was a third of a cold compile's cell analysis.
  let parsed = tree;
  try {
    if (!parsed) {
      parsed = parseCell(JavaScriptParser, shape.js, inline, lang === "js" ? tokens : undefined);
      if (lang === "js" && tokens && coversSource(tokens, source)) keepTokens(lang, source, tokens);
    }
  } catch (error) {
    const { message, line, column } = readSyntaxError(error);
    return broken({ code: "syntax", message: `SyntaxError: ${message}`, line, column }, JavaScriptParser);
  }
  try {
    // The tree is the source's (or its JavaScript's, the same text with types blanked): a cell that
    // spells none of the words needs no walk (most cells: a cold compile walks every node once less).
    const features = isFeatureFree(source) ? noFeatures : findFeatures(parsed.node);
    shape.references = findReferences(parsed.node);
    shape.expression = parsed.expression && !features.generator;
    if (features.importMeta >= 0) {
      const message = "`import.meta` is not available in cells; import what you need instead";
      report({ code: "unsupported", message, ...getLineInfo(shape.js, features.importMeta) });
    }
    shape.async = features.async;
    shape.generator = features.generator;
    shape.inputs = [...new Set(shape.references.map((r) => r.name).filter((name) => !isGlobal(name)))].sort();
    if (!parsed.expression) {
      const program = parsed.node;
      const declarations = findDeclarations(program);
      shape.declarations = declarations;
      // A generator cell's value is what it yields; its declarations stay inside its function.
      if (!features.generator) shape.outputs = [...new Set(declarations.map((id) => id.name))];
      else if (declarations.length) {
        const names = declarations.map((d) => d.name).join(", ");
        report(
          {
            code: "generator-declarations",
            message: `a cell that yields does not share its declarations (${names}); other cells see only what it yields`,
            ...getLineInfo(shape.js, declarations[0].start),
          },
          "warning",
        );
      }
      shape.imports = findImports(program);
      for (const node of program.body) {
        if (!node.type.startsWith("Export")) continue;
        const message = "cells cannot export: their top-level declarations are already shared with every cell";
        report({ code: "unsupported", message, ...getLineInfo(shape.js, node.start) });
      }
    }
  } catch (error) {
    // Only a stack overflow on absurdly deep code gets here; acorn's own errors were caught above.
    shape.references = [];
    report({ code: "syntax", ...readSyntaxError(error) });
  }
  return shape;
}

/** The free references of a cell (from the cache when analyzeCell made it, else by parsing `cell.js`). */
export function findCellReferences(cell: Cell): Reference[] {
  const cached = referenceCache.get(cell);
  if (cached) return cached;
  let references: Reference[] = [];
  try {
    references = findReferences(parseCell(JavaScriptParser, cell.js, cell.inline).node);
  } catch {
    // A cell that does not parse has no references; its syntax error is reported by analyzeCell.
  }
  referenceCache.set(cell, references);
  return references;
}

/** The top-level declarations of a cell (from the cache when analyzeCell made it, else by parsing `cell.js`). */
export function findCellDeclarations(cell: Cell): Identifier[] {
  const cached = declarationCache.get(cell);
  if (cached) return cached;
  let declarations: Identifier[];
  try {
    const parsed = parseCell(JavaScriptParser, cell.js, cell.inline);
    declarations = parsed.expression ? [] : findDeclarations(parsed.node);
  } catch {
    declarations = cell.inline ? [] : recoverDeclarations(cell.js);
  }
  declarationCache.set(cell, declarations);
  return declarations;
}

/** The offset of a 1-based line and 0-based column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column);
}

function findImports(program: Program): string[] {
  const specifiers = new Set<string>();
  for (const node of program.body) {
    if (node.type === "ImportDeclaration" && !isBlankedStatement(node)) specifiers.add(String(node.source.value));
  }
  return [...specifiers];
}
