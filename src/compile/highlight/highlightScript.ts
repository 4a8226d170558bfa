// Highlights TypeScript and JavaScript with acorn's tokenizer: hljs's classes at a fraction of its cost.

import { Parser, tokTypes as tt, type Options, type Token } from "acorn";
import { escapeHtml } from "../escapeHtml.ts";
import { memoize } from "../memoize.ts";
import { JavaScriptParser, TypeScriptParser, parseCell } from "../cell/parseCell.ts";
import { coversSource, takeTokens, type CellToken, type CellTokens } from "../cell/cellTokens.ts";

// The cell parser's class, not a second `Parser.extend(tsPlugin())`: a second copy of
// acorn-typescript's methods would be JIT-compiled from scratch, which dominates a cold compile.
const TypeScriptTokenizer: typeof Parser = TypeScriptParser;
const options: Options = { ecmaVersion: "latest", sourceType: "module", locations: true, allowAwaitOutsideFunction: true };

// Contextual words acorn reads as names; hljs shows them as keywords or built-in types.
const contextualKeywords = new Set([
  "as", "async", "await", "from", "of", "get", "set", "static", "let", "yield", "type", "interface",
  "declare", "readonly", "keyof", "typeof", "infer", "is", "satisfies", "implements", "private",
  "protected", "public", "abstract", "override", "namespace", "enum", "accessor",
]);
const builtInTypes = new Set(["number", "string", "boolean", "bigint", "symbol", "object", "any", "unknown", "never", "void", "undefined"]);
const literals = new Set([tt._true, tt._false, tt._null]);

/** Highlights a script to HTML with hljs's class names; code that does not tokenize is escaped only. */
export const highlightScript = memoize((key: string): string => {
  const lang = key.slice(0, 2);
  const code = key.slice(2);
  const scanned = takeTokens(lang, code) ?? scanScript(lang, code);
  if (!scanned) return escapeHtml(code);
  const { tokens } = scanned;
  // Index loops and no array destructuring (which iterates): while this code is cold, each
  // iteration step allocates, and every listing of a lesson passes here.
  const spans = scanned.comments.map((comment): [number, number, string] => [comment[0], comment[1], "comment"]);
  for (let i = 0; i < tokens.length; i++) {
    const className = classify(tokens, i);
    if (className) spans.push([tokens[i].start, tokens[i].end, className]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let html = "";
  let at = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const start = span[0];
    if (start < at) continue;
    html += escapeHtml(code.slice(at, start)) + `<span class="hljs-${span[2]}">${escapeHtml(code.slice(start, span[1]))}</span>`;
    at = span[1];
  }
  return html + escapeHtml(code.slice(at));
});

/**
 * The tokens and comments of `code`: those of its parse as a cell when it parses (the tokens analysis
 * kept, so a listing reads the same either way), else acorn's tokenizer's; null when neither reads it.
 */
function scanScript(lang: string, code: string): CellTokens | null {
  const scanned: CellTokens = { tokens: [], comments: [] };
  try {
    parseCell(lang === "ts" ? TypeScriptParser : JavaScriptParser, code, false, scanned);
    if (coversSource(scanned, code)) return scanned;
  } catch {
    // Not a cell that parses: fall back to the tokenizer, which reads code the parser rejects.
  }
  const tokenized: CellTokens = { tokens: [], comments: [] };
  try {
    const P = lang === "ts" ? TypeScriptTokenizer : Parser;
    const tokenOptions: Options = { ...options, onComment: (_block, _text, start, end) => void tokenized.comments.push([start, end]) };
    for (const token of P.tokenizer(code, tokenOptions)) tokenized.tokens.push(token as Token & { value: unknown }); // acorn's .d.ts leaves out `value`
  } catch {
    return null;
  }
  return tokenized;
}

/** The hljs class of token `i`, or null for punctuation and plain names. */
function classify(tokens: CellToken[], i: number): string | null {
  const { type } = tokens[i];
  const value = tokens[i].value;
  if (tokens[i].start === tokens[i].end) return null;
  if (type === tt.string || type === tt.template || type === tt.backQuote) return "string";
  if (type === tt.num) return "number";
  if (type === tt.regexp) return "regexp";
  if (literals.has(type)) return "literal";
  if (type.keyword) return "keyword";
  // acorn-typescript gives some TypeScript words (`type`, `keyof`…) token types of their own.
  if (type !== tt.name) return typeof value === "string" && contextualKeywords.has(value) ? "keyword" : null;
  const next = tokens[i + 1]?.type;
  const previous = tokens[i - 1]?.type;
  if (previous === tt.dot || previous === tt.questionDot) return next === tt.parenL ? "title function_" : "property";
  if (typeof value !== "string") return null;
  if (next === tt.colon && (previous === tt.braceL || previous === tt.comma)) return "attr";
  if (contextualKeywords.has(value) && next !== tt.parenL && next !== tt.colon && next !== tt.eq) return "keyword";
  if (builtInTypes.has(value)) return "built_in";
  if (next === tt.parenL) return "title function_";
  if (/^[A-Z]/.test(value)) return "title class_";
  return null;
}
