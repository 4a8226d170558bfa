// The tokens a cell's parse read, kept so highlighting its listing need not tokenize it a second time.

import { tokTypes, type Options, type Token } from "acorn";

/** The tokens (eof excluded) and comment ranges of one successful parse, in source order. */
export interface CellTokens {
  tokens: Token[];
  comments: [number, number][];
}

// Filled by analysis, emptied by highlighting: few entries are ever waiting, so a small bound suffices.
const kept = new Map<string, CellTokens>();
const limit = 64;
const maxCodeLength = 100_000;

/**
 * acorn callbacks collecting into `into`. A token or comment read again at an earlier offset (a
 * re-scan) first drops what was collected from there on; tokens never overlap, but an empty template
 * chunk may share its offset with the `${` after it.
 */
export function collectTokens(into: CellTokens): Pick<Options, "onToken" | "onComment"> {
  const rewind = (start: number) => {
    for (let last = into.tokens.at(-1); last && (last.start > start || (last.start === start && last.end > start)); last = into.tokens.at(-1)) {
      into.tokens.pop();
    }
    while (into.comments.length && into.comments[into.comments.length - 1][0] >= start) into.comments.pop();
  };
  return {
    onToken(token: Token) {
      rewind(token.start);
      if (token.type !== tokTypes.eof) into.tokens.push(token);
    },
    onComment(_block: boolean, _text: string, start: number, end: number) {
      rewind(start);
      into.comments.push([start, end]);
    },
  };
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
