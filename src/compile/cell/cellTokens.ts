// The tokens a cell's parse read, kept so highlighting its listing need not tokenize it a second time.

import type { TokenType } from "acorn";

/** A token as highlighting reads it: acorn's type, value and offsets. */
export interface CellToken {
  type: TokenType;
  value: unknown;
  start: number;
  end: number;
}

/** The tokens (eof excluded) and comment ranges of one successful parse, in source order. */
export interface CellTokens {
  tokens: CellToken[];
  comments: [number, number][];
}

// Filled by analysis, emptied by highlighting: few entries are ever waiting, so a small bound suffices.
const kept = new Map<string, CellTokens>();
const limit = 64;
const maxCodeLength = 100_000;

/**
 * Adds the token the parser is about to step past (what acorn's `onToken` would be given, eof
 * excluded) to `into`. A token read again at an earlier offset (a re-scan, or a parse branch tried
 * and abandoned) first drops what was collected from there on; tokens never overlap, but an empty
 * template chunk may share its offset with the `${` after it.
 */
export function recordToken(into: CellTokens, token: CellToken): void {
  rewind(into, token.start, token);
  into.tokens.push(token);
}

/** Adds a comment's [start, end) to `into`, dropping what was collected from its start on (a re-scan). */
export function recordComment(into: CellTokens, start: number, end: number): void {
  rewind(into, start, null);
  into.comments.push([start, end]);
}

function rewind(into: CellTokens, start: number, token: CellToken | null): void {
  const tokens = into.tokens;
  for (let last = tokens[tokens.length - 1]; last && (last.start > start || (last.start === start && (last.end > start || isSame(last, token)))); last = tokens[tokens.length - 1]) {
    tokens.pop();
  }
  while (into.comments.length && into.comments[into.comments.length - 1][0] >= start) into.comments.pop();
}

/** The same empty token read again (an abandoned branch had stepped past it). */
function isSame(a: CellToken, b: CellToken | null): boolean {
  return b !== null && a.end === b.end && a.type === b.type;
}

/**
 * True when the tokens and comments collected from a parse of `source` hold every character of it
 * but white space. acorn-typescript may abandon a branch that read back over a comment after the
 * branch it kept had stepped past the tokens that follow it; those tokens are then missing, and the
 * listing is better left to highlightScript's own tokenizer.
 */
export function coversSource(into: CellTokens, source: string): boolean {
  const { tokens, comments } = into;
  if (tokens.length === 0) return false;
  let at = 0;
  let t = 0;
  let c = 0;
  while (t < tokens.length || c < comments.length) {
    const useToken = c >= comments.length || (t < tokens.length && tokens[t].start < comments[c][0]);
    const [start, end] = useToken ? [tokens[t].start, tokens[t++].end] : comments[c++];
    if (start > at && !isSpace(source, at, start)) return false;
    at = Math.max(at, end);
  }
  return isSpace(source, at, source.length);
}

function isSpace(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(source[i])) return false;
  return true;
}

/** An empty collection for the tokens of `code`, or undefined when `code` is too long to keep them. */
export function startTokens(code: string): CellTokens | undefined {
  return code.length > maxCodeLength ? undefined : { tokens: [], comments: [] };
}

/** Keeps the tokens of `code` parsed as `lang` ("ts" or "js") until takeTokens asks for them. */
export function keepTokens(lang: string, code: string, tokens: CellTokens): void {
  if (code.length > maxCodeLength) return;
  kept.set(lang + code, tokens);
  if (kept.size > limit) kept.delete(kept.keys().next().value as string);
}

/** The tokens keepTokens kept for `code` parsed as `lang`, removed from the store; undefined if none. */
export function takeTokens(lang: string, code: string): CellTokens | undefined {
  const tokens = kept.get(lang + code);
  if (tokens) kept.delete(lang + code);
  return tokens;
}
