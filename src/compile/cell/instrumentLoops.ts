// The loop guard's compile-time half: a call to the guard at the start of every loop body and
// function body, so a runaway cell stops after a second (the guard itself is runtime/deadline.ts).

import { parseExpressionAt, type Node } from "acorn";
import { full } from "acorn-walk";
import { GUARD_NAME } from "../../contract/guard.ts";

/** One insertion into the source: `text` goes in at `offset` (an offset in the original). */
export interface Insertion {
  offset: number;
  text: string;
}

/** The instrumented source and the insertions made, for mapping positions back. */
export interface Instrumented {
  code: string;
  insertions: Insertion[];
}

interface FunctionNode extends Node {
  body: Node & { body?: Node[] };
  expression?: boolean;
}

/**
 * Inserts `__guard()` at the start of every loop body and function body of `source`, the source of
 * one JavaScript function expression (what transpileCell returns). The outermost function's first
 * call is `__guard(true)`, which re-arms the deadline when the cell starts. No newline is ever
 * inserted, so every line of user code keeps its number; `mapOffset` maps columns back.
 * Throws the parser's SyntaxError if `source` does not parse (the caller analysed it before).
 */
export function instrumentLoops(source: string): Instrumented {
  const root = parseExpressionAt(source, 0, { ecmaVersion: "latest", sourceType: "script" });
  const insertions: Insertion[] = [];
  const call = `${GUARD_NAME}();`;

  const wrapStatement = (body: Node): void => {
    // `{__guard(); body}` works for a block, a single statement, and the empty statement alike.
    insertions.push({ offset: body.start, text: `{${call}` });
    insertions.push({ offset: body.end, text: "}" });
  };

  const guardFunction = (fn: FunctionNode, text: string): void => {
    const body = fn.body;
    if (fn.expression || body.type !== "BlockStatement") {
      // An arrow with an expression body: `(__guard(), expr)` keeps it one expression.
      insertions.push({ offset: body.start, text: `(${text.slice(0, -1)}, ` });
      insertions.push({ offset: body.end, text: ")" });
      return;
    }
    // After any directive prologue, so "use strict" stays a directive.
    let offset = body.start + 1;
    for (const statement of body.body ?? []) {
      if (!("directive" in statement)) break;
      offset = statement.end;
    }
    insertions.push({ offset, text });
  };

  full(root, (node) => {
    switch (node.type) {
      case "WhileStatement":
      case "DoWhileStatement":
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
        wrapStatement((node as Node & { body: Node }).body);
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        guardFunction(node as FunctionNode, node === root ? `${GUARD_NAME}(true);` : call);
        break;
    }
  });

  return { code: applyInsertions(source, insertions), insertions: sortInsertions(insertions) };
}

/** Maps an offset in instrumented code back to the offset in the original source. */
export function mapOffset(instrumented: Instrumented, offset: number): number {
  let shift = 0;
  for (const { offset: at, text } of instrumented.insertions) {
    if (at + shift + text.length > offset) {
      // Inside an inserted text: map to the point where it was inserted.
      return at + shift > offset ? offset - shift : at;
    }
    shift += text.length;
  }
  return offset - shift;
}

function sortInsertions(insertions: Insertion[]): Insertion[] {
  // Stable sort: two insertions at one offset keep the order the walk produced them in.
  return insertions
    .map((insertion, index) => ({ insertion, index }))
    .sort((a, b) => a.insertion.offset - b.insertion.offset || a.index - b.index)
    .map(({ insertion }) => insertion);
}

function applyInsertions(source: string, insertions: Insertion[]): string {
  const sorted = sortInsertions(insertions);
  let out = "";
  let last = 0;
  for (const { offset, text } of sorted) {
    out += source.slice(last, offset) + text;
    last = offset;
  }
  return out + source.slice(last);
}
