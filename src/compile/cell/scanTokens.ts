// Reads a parsed cell's tokens for its listing with one sticky regular expression, as acorn's tokenizer
// would read them, given where the parse found the regexps and template chunks.
//
// Why not acorn's tokenizer: the native front end (readNativeCell) leaves acorn cold, and a cold
// acorn tokenizing a chapter's cells was ~12 % of its first compile (issue 15). A regular expression
// is compiled to native code once and then runs cold at full speed. The parse settles what a
// tokenizer would have to guess (is this `/` a regexp? where does this template chunk end?), so
// what is left is the plain lexical grammar. Anything outside what this reads (a non-ASCII or
// escaped word, `@`, a template the tree does not know) gives null, and acorn's tokenizer reads it.

import * as acorn from "acorn";
import { tokTypes as tt, type TokenType } from "acorn";
import { TypeScriptParser } from "./parseCell.ts";
import type { CellToken, CellTokens } from "./cellTokens.ts";

/** Where the parse found the literals a tokenizer cannot place alone. */
export interface Literals {
  /** The start and end of every regular expression. */
  regExps: Map<number, number>;
  /** The start and end of every template chunk (as acorn's `template` token: no delimiters). */
  templates: Map<number, number>;
  /** A regular expression whose RegExp the parser could not build (its `value` is null). */
  invalidRegExp: boolean;
  /** A template chunk with an escape that has no cooked value (acorn's `invalidTemplate` token). */
  invalidTemplate: boolean;
}

// acorn exports its keywords' token types; its .d.ts leaves them out.
const keywordTypes = new Map(Object.entries((acorn as unknown as { keywordTypes: Record<string, TokenType> }).keywordTypes));
// acorn-typescript types some words (`type`, `keyof`…) with token types of its own, whatever their context.
const typeScriptWords = (TypeScriptParser as unknown as { acornTypeScript: { tokTypes: Record<string, TokenType>; keywordsRegExp: RegExp } }).acornTypeScript;

// Each operator with acorn's token type, and whether acorn gives it its text as value (`finishOp`).
const operators = new Map<string, [TokenType, boolean]>();
const addOperators = (type: TokenType, withValue: boolean, ...texts: string[]) => {
  for (const text of texts) operators.set(text, [type, withValue]);
};
addOperators(tt.braceL, false, "{");
addOperators(tt.braceR, false, "}");
addOperators(tt.parenL, false, "(");
addOperators(tt.parenR, false, ")");
addOperators(tt.bracketL, false, "[");
addOperators(tt.bracketR, false, "]");
addOperators(tt.semi, false, ";");
addOperators(tt.comma, false, ",");
addOperators(tt.colon, false, ":");
addOperators(tt.dot, false, ".");
addOperators(tt.ellipsis, false, "...");
addOperators(tt.arrow, false, "=>");
addOperators(tt.question, true, "?");
addOperators(tt.questionDot, true, "?.");
addOperators(tt.coalesce, true, "??");
addOperators(tt.eq, true, "=");
addOperators(tt.equality, true, "==", "===", "!=", "!==");
addOperators(tt.prefix, true, "!", "~");
addOperators(tt.relational, true, "<", ">", "<=", ">=");
addOperators(tt.bitShift, true, "<<", ">>", ">>>");
addOperators(tt.plusMin, true, "+", "-");
addOperators(tt.incDec, true, "++", "--");
addOperators(tt.star, true, "*");
addOperators(tt.starstar, true, "**");
addOperators(tt.modulo, true, "%");
addOperators(tt.slash, true, "/");
addOperators(tt.bitwiseOR, true, "|");
addOperators(tt.bitwiseAND, true, "&");
addOperators(tt.bitwiseXOR, true, "^");
addOperators(tt.logicalOR, true, "||");
addOperators(tt.logicalAND, true, "&&");
addOperators(tt.assign, true, "+=", "-=", "*=", "**=", "%=", "/=", "<<=", ">>=", ">>>=", "|=", "||=", "&=", "&&=", "^=", "??=");

// One alternative per group: 1 white space, 2 a comment, 3 a word, 4 a private name, 5 a number,
// 6 a string, 7 an operator (longest first). `/` here is never a regexp: the parse says where those are.
const lexeme = new RegExp(
  [
    /(\s+)/.source,
    /(\/\/[^\n\r\u2028\u2029]*|\/\*[\s\S]*?\*\/)/.source,
    /([A-Za-z_$][\w$]*)/.source,
    /#([A-Za-z_$][\w$]*)/.source,
    /(0[xX][\da-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?[\d_]+)?n?)/.source,
    /("(?:[^"\\\n\r]|\\[\s\S])*"|'(?:[^'\\\n\r]|\\[\s\S])*')/.source,
    /(>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.(?!\d)|\+\+|--|\+=|-=|\*=|%=|&=|\|=|\^=|<<|>>|\*\*|\/=|[{}()[\];,<>+\-*%&|^!~?:=./])/.source,
  ].join("|"),
  "y",
);

/**
 * The tokens and comments acorn's tokenizer gives `source` (a cell that parsed, as `lang`), with
 * acorn's token types, offsets and, for words and operators, values (a literal's value is left
 * out: highlighting reads only its type); null for what this does not read (see the header).
 */
export function scanTokens(source: string, lang: "ts" | "js", literals: Literals): CellTokens | null {
  if (literals.invalidTemplate) return null;
  const tokens: CellToken[] = [];
  const comments: [number, number][] = [];
  const { regExps, templates } = literals;
  const typeScript = lang === "ts";
  let templatesSeen = 0;
  let regExpsSeen = 0;
  let at = 0;
  // A template chunk from `start` and what closes it (`` ` `` or `${`); the offset after them, or -1.
  const readChunk = (start: number): number => {
    const end = templates.get(start);
    if (end === undefined) return -1;
    templatesSeen++;
    tokens.push({ type: tt.template, value: undefined, start, end });
    if (source.charCodeAt(end) === 96 /* ` */) {
      tokens.push({ type: tt.backQuote, value: undefined, start: end, end: end + 1 });
      return end + 1;
    }
    tokens.push({ type: tt.dollarBraceL, value: undefined, start: end, end: end + 2 });
    return end + 2;
  };
  while (at < source.length) {
    const code = source.charCodeAt(at);
    if (code === 96 /* ` */) {
      tokens.push({ type: tt.backQuote, value: undefined, start: at, end: at + 1 });
      at = readChunk(at + 1);
      if (at < 0) return null;
      continue;
    }
    if (code === 47 /* / */ && regExps.has(at)) {
      const end = regExps.get(at)!;
      regExpsSeen++;
      tokens.push({ type: tt.regexp, value: undefined, start: at, end });
      at = end;
      continue;
    }
    lexeme.lastIndex = at;
    const match = lexeme.exec(source);
    if (!match) return null;
    const start = at;
    at = lexeme.lastIndex;
    if (match[1] !== undefined) continue;
    if (match[2] !== undefined) {
      comments.push([start, at]);
      continue;
    }
    const word = match[3] ?? match[4];
    if (word !== undefined) {
      // A word that goes on in characters this does not read (non-ASCII, an escape) is acorn's.
      const next = source.charCodeAt(at);
      if (next >= 128 || next === 92 /* \ */) return null;
      let type: TokenType = match[4] !== undefined ? tt.privateId : (keywordTypes.get(word) ?? tt.name);
      if (type === tt.name && typeScript && typeScriptWords.keywordsRegExp.test(word)) type = typeScriptWords.tokTypes[word];
      tokens.push({ type, value: word, start, end: at });
    } else if (match[5] !== undefined) {
      tokens.push({ type: tt.num, value: undefined, start, end: at });
    } else if (match[6] !== undefined) {
      tokens.push({ type: tt.string, value: undefined, start, end: at });
    } else {
      const text = match[7];
      const [type, withValue] = operators.get(text)!;
      tokens.push({ type, value: withValue ? text : undefined, start, end: at });
      // The `}` that closes a template's `${`: its next chunk starts right after it.
      if (code === 125 /* } */ && templates.has(at)) {
        at = readChunk(at);
        if (at < 0) return null;
      }
    }
  }
  if (templatesSeen !== templates.size || regExpsSeen !== regExps.size) return null;
  return { tokens, comments };
}
