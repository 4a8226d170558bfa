// Parses cell code with acorn, as Observable does: one expression if it is one, else a program.

import { Parser, tokTypes, type Expression, type Options, type Program, type TokenType } from "acorn";
import { tsPlugin } from "@sveltejs/acorn-typescript";
import { recordComment, recordToken, type CellTokens } from "./cellTokens.ts";

// acorn's scope flags (acorn/src/scopeflags.js); the scope stack is internal, hence the casts.
const SCOPE_ASYNC = 4;
const SCOPE_GENERATOR = 8;

/** The options a parse collecting its tokens is given: where they go (not one of acorn's own options). */
type TokenOptions = Options & { cellTokens?: CellTokens };

/**
 * A cell body runs as an async generator function, so top-level `await` and `yield` parse. A parse
 * given `cellTokens` collects each token as the parser steps past it, where acorn would call
 * `onToken`: with an `onToken`, acorn-typescript records every token read inside a parse branch it
 * may abandon (an arrow function's parameters and body, a type argument list) as an event to replay,
 * and the parser allocates a Token and its location for each: about a fifth of a cold TypeScript
 * parse. An abandoned branch's tokens are dropped when the parser reads from that offset again.
 */
function allowCellScope(Base: typeof Parser): typeof Parser {
  return class CellParser extends Base {
    readonly cellTokens: CellTokens | null;
    constructor(options: TokenOptions, input: string, startPos?: number) {
      super(options, input, startPos);
      (this as unknown as { scopeStack: { flags: number }[] }).scopeStack[0].flags |=
        SCOPE_ASYNC | SCOPE_GENERATOR;
      this.cellTokens = options.cellTokens ?? null;
    }
    next(ignoreEscapeSequenceInKeyword?: boolean): void {
      const into = this.cellTokens;
      if (into) {
        const p = this as unknown as { type: TokenType; value: unknown; start: number; end: number; containsEsc: boolean };
        // acorn's next() raises on an escaped keyword before it hands the token to onToken.
        if (p.type !== tokTypes.eof && !(!ignoreEscapeSequenceInKeyword && p.type.keyword && p.containsEsc)) {
          recordToken(into, { type: p.type, value: p.value, start: p.start, end: p.end });
        }
      }
      (Base.prototype as unknown as { next(ignore?: boolean): void }).next.call(this, ignoreEscapeSequenceInKeyword);
    }
  };
}

/** acorn's parser internals this file drives directly (acorn's .d.ts keeps them protected). */
interface ParserInternals {
  nextToken(): void;
  parseExpression(): Expression;
  unexpected(): never;
  type: unknown;
}

function createParser(P: typeof Parser, input: string, tokens?: CellTokens): ParserInternals {
  const options = withTokens(optionsFor(P), tokens);
  return new (P as unknown as new (options: Options, input: string, start: number) => ParserInternals)(options, input, 0);
}

/** Parses plain JavaScript cells. */
export const JavaScriptParser: typeof Parser = allowCellScope(Parser);
/** Parses TypeScript cells (used only to find the type syntax to blank out). */
export const TypeScriptParser: typeof Parser = allowCellScope(Parser.extend(tsPlugin()));

/** The acorn options every JavaScript cell parse uses (no `locations`: offsets are enough, and cheaper). */
export const parseOptions: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  allowHashBang: false,
};

/** acorn-typescript needs `locations`. */
const typeScriptOptions: Options = { ...parseOptions, locations: true };

function optionsFor(P: typeof Parser): Options {
  return P === TypeScriptParser ? typeScriptOptions : parseOptions;
}

function withTokens(options: Options, tokens: CellTokens | undefined): Options {
  if (!tokens) return options;
  const onComment = (_block: boolean, _text: string, start: number, end: number) => recordComment(tokens, start, end);
  return { ...options, onComment, cellTokens: tokens } as TokenOptions;
}

/** A parsed cell: the expression when the whole cell is one, else the program. */
export type ParsedCell =
  | { expression: true; node: Expression }
  | { expression: false; node: Program };

/**
 * Parses `input` as a single expression when it is exactly one (comments aside), like Observable
 * Framework: `{a: 1}` is an object, but a named `function f(){}` or `class A{}` is a declaration.
 * Returns null when it is not an expression. Never throws. `tokens`, if given, collects what it read.
 */
export function maybeParseExpression(P: typeof Parser, input: string, tokens?: CellTokens): Expression | null {
  try {
    const parser = createParser(P, input, tokens);
    parser.nextToken();
    const node = parser.parseExpression();
    if (parser.type !== tokTypes.eof) return null;
    if ((node.type === "FunctionExpression" || node.type === "ClassExpression") && node.id) return null;
    return node;
  } catch {
    return null;
  }
}

/**
 * Parses a cell (an expression if it is one, else a program); throws acorn's SyntaxError. Parses as
 * a program first, which is one parse for most cells; only a lone block (`{a: 1}`) or a program that
 * does not parse is tried again as an expression. The result equals maybeParseExpression's rule.
 * `tokens`, if given, receives the tokens and comments of the parse whose result is returned.
 */
export function parseCell(P: typeof Parser, input: string, inline: boolean, tokens?: CellTokens): ParsedCell {
  // Each attempt collects apart: a failed second attempt must not mix its tokens into the first's.
  const attempt = (): CellTokens | undefined => tokens && { tokens: [], comments: [] };
  const use = (seen: CellTokens | undefined) => {
    if (tokens && seen) [tokens.tokens, tokens.comments] = [seen.tokens, seen.comments];
  };
  if (inline) {
    const seen = attempt();
    const node = parseExpression(P, input, seen);
    use(seen);
    return { expression: true, node };
  }
  let program: Program;
  const programTokens = attempt();
  try {
    program = P.parse(input, withTokens(optionsFor(P), programTokens));
  } catch (error) {
    const seen = attempt();
    const expression = maybeParseExpression(P, input, seen);
    if (expression) {
      use(seen);
      return { expression: true, node: expression };
    }
    throw error;
  }
  const only = program.body.length === 1 ? program.body[0] : null;
  if (only?.type === "BlockStatement") {
    const seen = attempt();
    const expression = maybeParseExpression(P, input, seen);
    if (expression) {
      use(seen);
      return { expression: true, node: expression };
    }
  }
  use(programTokens);
  if (only?.type === "ExpressionStatement" && input[only.end - 1] !== ";") {
    const e = only.expression;
    const named = (e.type === "FunctionExpression" || e.type === "ClassExpression") && e.id;
    if (!named) return { expression: true, node: e };
  }
  return { expression: false, node: program };
}

/** Parses exactly one expression (an inline cell); throws acorn's SyntaxError. */
function parseExpression(P: typeof Parser, input: string, tokens?: CellTokens): Expression {
  const parser = createParser(P, input, tokens);
  parser.nextToken();
  const node = parser.parseExpression();
  if (parser.type !== tokTypes.eof) parser.unexpected();
  return node;
}

/** An acorn SyntaxError's parts: message without acorn's "(line:col)" suffix, 1-based line, 0-based column. */
export interface SyntaxErrorInfo {
  message: string;
  line: number;
  column: number;
}

/** Reads acorn's SyntaxError (or any error, such as a stack overflow) into a located message. */
export function readSyntaxError(error: unknown): SyntaxErrorInfo {
  const e = error as { message?: string; loc?: { line: number; column: number } };
  const message = String(e?.message ?? error).replace(/ \(\d+:\d+\)$/, "");
  if (error instanceof RangeError) return { message: "code is nested too deeply to parse", line: 1, column: 0 };
  return { message, line: e?.loc?.line ?? 1, column: e?.loc?.column ?? 0 };
}
