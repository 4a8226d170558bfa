// Reads a cell with a native parser (oxc-parser, in the Node compiler), exactly as parseCell and
// stripTypes read it with acorn, or says it cannot: then the caller reads it with acorn.
//
// oxc-parser gives a TypeScript cell's TS-ESTree (whose type syntax blankTypes blanks, as it does on
// acorn-typescript's tree) and the JavaScript's ESTree, which oxc keeps identical to acorn's. A cold
// V8 runs acorn-typescript several times slower than oxc parses (issue 15). Only a cell that parses
// cleanly, strips cleanly and has the plain shape is answered here; a syntax error, TypeScript a cell
// cannot hold, an export or a lone block go to acorn, so every message and location stays acorn's.

import * as acorn from "acorn";
import { Parser, tokTypes as tt, type Node, type Options, type Program, type TokenType } from "acorn";
import { TypeScriptParser, type ParsedCell } from "./parseCell.ts";
import { blankTypes, type OnLiteral } from "./stripTypes.ts";
import type { CellToken, CellTokens } from "./cellTokens.ts";
import { scanTokens, type Literals } from "./scanTokens.ts";

/** The part of oxc-parser's `parseSync` this file uses. */
export type ParseSync = (
  filename: string,
  source: string,
  options: { lang: "ts" | "js"; sourceType: "module"; preserveParens: false; showSemanticErrors: boolean },
) => { program: unknown; errors: readonly unknown[] };

/** A cell read by the native front end: its JavaScript, its parse, and its listing's tokens when asked. */
export interface NativeCell {
  js: string;
  tree: ParsedCell;
  tokens?: CellTokens;
}

/** Reads a cell natively, or returns null when acorn must (see the file's header). */
export type CellFrontEnd = (source: string, lang: "ts" | "js", inline: boolean, withTokens: boolean) => NativeCell | null;

// Semantic errors too: acorn reports some of them (a name declared twice, `break` outside a loop)
// while parsing, and such a cell must reach acorn for its message. The JavaScript's parse finds them
// (the TypeScript's would cost a second scope analysis), its declarations are the TypeScript's.
const tsOptions = { lang: "ts", sourceType: "module", preserveParens: false, showSemanticErrors: false } as const;
const jsOptions = { lang: "js", sourceType: "module", preserveParens: false, showSemanticErrors: true } as const;

/**
 * oxc-parser parses (and frees its tree) on the calling thread's native stack, so a cell nested
 * thousands deep (a hostile or fuzzed one: `(((…1…)))`, `a.b.c…`, `1+1+…`) overflows it and the
 * process dies (SIGSEGV), where acorn throws a RangeError that the compiler reports. Every level of
 * nesting or of a left-deep chain takes at least one of these characters or words, so a cell with
 * at most NEST_BUDGET of them nests no deeper; any other is acorn's. (oxc read 5,000 levels of
 * parentheses, ternaries and `!` on a main thread's 8 MB stack and died at 10,000; a worker
 * thread's stack is 4 MB.)
 */
export const NEST_BUDGET = 1000;
const nestingMarks = /[([{<?:!~+\-=*.]|\b(?:new|typeof|void|delete|await|yield|else|do)\b/g;

/** True when `source` could nest deeper than NEST_BUDGET levels (it has more marks of nesting than that). */
export function mayNestDeeply(source: string): boolean {
  if (source.length <= NEST_BUDGET) return false;
  nestingMarks.lastIndex = 0;
  let count = 0;
  while (nestingMarks.exec(source)) if (++count > NEST_BUDGET) return true;
  return false;
}

/** Reads a parsed cell's tokens given its literals, or null to leave them to acorn's tokenizer. */
export type ScanTokens = (source: string, lang: "ts" | "js", literals: Literals) => CellTokens | null;

/** A cell front end over oxc-parser's `parseSync`; `scan` reads listings' tokens first (tests swap it). */
export function createNativeFrontEnd(parseSync: ParseSync, scan: ScanTokens = scanTokens): CellFrontEnd {
  return (source, lang, inline, withTokens) => {
    // acorn is not given `allowHashBang`; oxc always reads a hashbang.
    if (source.startsWith("#!") || mayNestDeeply(source)) return null;
    let js = source;
    let literals: Literals | null = null;
    if (lang === "ts") {
      const typed = parseSync("cell.ts", source, tsOptions);
      if (typed.errors.length) return null;
      // The TypeScript tree's literals outside the types are the JavaScript's: no walk of its own.
      literals = { regExps: new Map(), templates: new Map(), invalidRegExp: false, invalidTemplate: false };
      const blanked = blankTypes(typed.program as object, source, addLiteralTo(literals, true));
      if (blanked.problems.length) return null;
      js = blanked.js;
    }
    const parsed = parseSync("cell.js", js, jsOptions);
    if (parsed.errors.length) return null;
    const program = parsed.program as Program;
    const tree = readShape(program, js, inline);
    if (!tree) return null;
    literals ??= js.includes("/") || js.includes("`") ? findLiterals(program) : noLiterals;
    // acorn checks a regular expression's pattern and flags, oxc does not: the RegExp oxc could not build.
    if (literals.invalidRegExp) return null;
    if (!withTokens) return { js, tree };
    const tokens = scan(source, lang, literals) ?? tokenize(source, lang, literals);
    return tokens && { js, tree, tokens };
  };
}

/** parseCell's rule on a program that parsed: an expression cell, a program, or null for acorn to decide. */
function readShape(program: Program, js: string, inline: boolean): ParsedCell | null {
  const body = program.body;
  const only = body.length === 1 ? body[0] : null;
  if (only?.type === "ExpressionStatement" && js[only.end - 1] !== ";") {
    const e = only.expression;
    const named = (e.type === "FunctionExpression" || e.type === "ClassExpression") && e.id;
    if (inline || !named) return { expression: true, node: e };
  }
  // An inline cell is one expression; a lone block may be an object; an export is an error: acorn says.
  if (inline || only?.type === "BlockStatement" || body.some((node) => node.type.startsWith("Export"))) return null;
  return { expression: false, node: program };
}

// acorn-typescript types some words (`type`, `keyof`…) with token types of its own, whatever their
// context; the tokens must carry the same ones for the listing to highlight as the acorn front end's.
const typeScriptWords = (TypeScriptParser as unknown as { acornTypeScript: { tokTypes: Record<string, TokenType>; keywordsRegExp: RegExp } }).acornTypeScript;
// acorn exports its keywords' token types; its .d.ts leaves them out.
const keywordTypes = (acorn as unknown as { keywordTypes: Record<string, TokenType> }).keywordTypes;
const tokenOptions: Options = { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, allowHashBang: false };

/** acorn's tokenizer internals this file drives (acorn's .d.ts keeps them protected). */
interface TokenizerInternals {
  type: TokenType;
  value: unknown;
  start: number;
  end: number;
  pos: number;
  exprAllowed: boolean;
  keywords: RegExp;
  next(): void;
  readWord1(): string;
  finishToken(type: TokenType, value: unknown): void;
}

/**
 * acorn's tokenizer, told by the parse where the regular expressions are (its own guess reads `x! / 2`
 * as a regexp, since it does not know TypeScript), and typing words as acorn-typescript does.
 */
class CellTokenizer extends (Parser as unknown as new (options: Options, input: string) => TokenizerInternals) {
  regExps: Map<number, number> = new Map();
  typeScript = false;
  readToken_slash(): void {
    this.exprAllowed = this.regExps.has(this.pos);
    (Parser.prototype as unknown as { readToken_slash(this: TokenizerInternals): void }).readToken_slash.call(this);
  }
  readWord(): void {
    const word = this.readWord1();
    let type = tt.name;
    if (this.keywords.test(word)) type = keywordTypes[word];
    else if (this.typeScript && typeScriptWords.keywordsRegExp.test(word)) type = typeScriptWords.tokTypes[word];
    this.finishToken(type, word);
  }
}

/**
 * The tokens and comments of `source` as the acorn front end's parse records them, for its listing;
 * null when the tokenizer disagrees with the parse (its template or regexp tokens are not the tree's).
 * scanTokens reads most cells faster; this reads the rest, and is what tests hold scanTokens to.
 */
export function tokenize(source: string, lang: "ts" | "js", literals: Literals): CellTokens | null {
  const comments: [number, number][] = [];
  const tokens: CellToken[] = [];
  const options: Options = { ...tokenOptions, onComment: (_block, _text, start, end) => void comments.push([start, end]) };
  try {
    const tokenizer = new CellTokenizer(options, source);
    tokenizer.regExps = literals.regExps;
    tokenizer.typeScript = lang === "ts";
    let templates = 0;
    let regExps = 0;
    for (tokenizer.next(); tokenizer.type !== tt.eof; tokenizer.next()) {
      const { type, start, end } = tokenizer;
      if (type === tt.template || type === tt.invalidTemplate) {
        if (literals.templates.get(start) !== end) return null;
        templates++;
      } else if (type === tt.regexp) regExps++;
      tokens.push({ type, value: tokenizer.value, start, end });
    }
    if (templates !== literals.templates.size || regExps !== literals.regExps.size) return null;
  } catch {
    return null;
  }
  return { tokens, comments };
}

const noLiterals: Literals = { regExps: new Map(), templates: new Map(), invalidRegExp: false, invalidTemplate: false };

/**
 * Adds a `Literal` or `TemplateElement` to `into`. A TS-ESTree template chunk spans its delimiters
 * too (the `` ` `` or `}` before it, the `${` or `` ` `` after it); ESTree's, like acorn's token, does not.
 */
function addLiteralTo(into: Literals, typeScript = false): OnLiteral {
  return (node) => {
    if (node.type === "TemplateElement") {
      if (typeScript) into.templates.set(node.start + 1, node.end - ((node as { tail?: boolean }).tail ? 1 : 2));
      else into.templates.set(node.start, node.end);
      if ((node.value as { cooked: string | null } | undefined)?.cooked === null) into.invalidTemplate = true;
    }
    else if (node.regex) {
      into.regExps.set(node.start, node.end);
      if (node.value === null) into.invalidRegExp = true;
    }
  };
}

function findLiterals(root: Node): Literals {
  const found: Literals = { regExps: new Map(), templates: new Map(), invalidRegExp: false, invalidTemplate: false };
  const add = addLiteralTo(found);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i]);
      return;
    }
    const n = node as { type: string; start: number; end: number; [key: string]: unknown };
    if (n.type === "Literal" || n.type === "TemplateElement") return add(n);
    for (const key in n) {
      const value = n[key];
      if (value && typeof value === "object") visit(value);
    }
  };
  visit(root);
  return found;
}
