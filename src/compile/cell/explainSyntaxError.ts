// Turns acorn's "Unexpected token" into what was expected, when an open bracket explains it: the
// parser stops at `;` in `Math.max(...z;`, but the reader needs to hear that a `)` is missing.

import { tokenizer } from "acorn";
import { parseOptions } from "./parseCell.ts";

/** A bracket left open at the error, and its offset in the cell. */
export interface OpenBracket {
  open: string;
  close: string;
  offset: number;
}

const closers: Record<string, string> = { "(": ")", "[": "]", "{": "}", "${": "}" };

/**
 * The innermost bracket still open at `errorOffset` whose closer, inserted there, lets the parse
 * get further (or finish); null when no bracket explains the error. `parse` throws acorn's
 * SyntaxError with `pos`, as the cell's own parse does.
 */
export function findOpenBracket(source: string, errorOffset: number, parse: (input: string) => unknown): OpenBracket | null {
  const open = listOpenBrackets(source, errorOffset);
  const innermost = open[open.length - 1];
  if (!innermost) return null;
  const close = closers[innermost.value]!;
  const patched = source.slice(0, errorOffset) + close + source.slice(errorOffset);
  try {
    parse(patched);
  } catch (error) {
    const pos = (error as { pos?: number }).pos;
    if (typeof pos !== "number" || pos <= errorOffset + close.length) return null;
  }
  return { open: innermost.value === "${" ? "${" : innermost.value, close, offset: innermost.start };
}

/** The brackets open at `end`, outermost first, from acorn's tokenizer (strings, regexps and comments skipped). */
function listOpenBrackets(source: string, end: number): { value: string; start: number }[] {
  const stack: { value: string; start: number }[] = [];
  try {
    for (const token of tokenizer(source, parseOptions)) {
      if (token.start >= end) break;
      const label = token.type.label;
      if (label === "(" || label === "[" || label === "{" || label === "${") stack.push({ value: label, start: token.start });
      else if (label === ")" || label === "]" || label === "}") stack.pop();
    }
  } catch {
    // The tokenizer stops at what it cannot read (an unclosed string); the brackets before it stand.
  }
  return stack;
}
