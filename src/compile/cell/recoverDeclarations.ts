// The names a cell that does not parse still declares, from acorn-loose's error-tolerant parse: with
// them, the cells that use those names wait for the broken cell instead of reporting them undefined.

import { isDummy, parse } from "acorn-loose";
import { tokenizer, type Identifier, type Token } from "acorn";
import { findDeclarations } from "./findDeclarations.ts";
import { parseOptions } from "./parseCell.ts";

/** The top-level names `source` declares as far as a tolerant parse can tell; [] when it cannot. */
export function recoverDeclarations(source: string): Identifier[] {
  let found: Identifier[] = [];
  try {
    // acorn-loose keeps going past errors, filling gaps with dummy nodes (named "✖").
    found = findDeclarations(parse(source, parseOptions)).filter((id) => !isDummy(id) && id.name !== "✖");
  } catch {
    // Fall back on the tokens alone.
  }
  // A missing `)` makes acorn-loose read the rest of the cell into the unclosed call, so the names
  // declared after it are lost; the braces still show which declarations are top-level.
  const names = new Set(found.map((id) => id.name));
  for (const id of scanTopLevelDeclarations(source)) {
    if (!names.has(id.name)) {
      names.add(id.name);
      found.push(id);
    }
  }
  return found;
}

// `const|let|var NAME`, `const [a, {b}]`, `function NAME`, `class NAME` at brace depth 0.
function scanTopLevelDeclarations(source: string): Identifier[] {
  const tokens: Token[] = [];
  try {
    for (const token of tokenizer(source, parseOptions)) tokens.push(token);
  } catch {
    // A token acorn cannot read ends the scan; what came before still counts.
  }
  const found: Identifier[] = [];
  const take = (token: Token) => found.push({ type: "Identifier", name: source.slice(token.start, token.end), start: token.start, end: token.end } as Identifier);
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const label = tokens[i]!.type.label;
    if (label === "{" || label === "${") depth++;
    else if (label === "}") depth = Math.max(0, depth - 1);
    if (depth !== 0) continue;
    const word = tokens[i]!.type.keyword ?? (label === "name" ? source.slice(tokens[i]!.start, tokens[i]!.end) : undefined);
    const next = tokens[i + 1];
    if (!next) break;
    if (word === "function" || word === "class") {
      const name = next.type.label === "*" ? tokens[i + 2] : next;
      if (name?.type.label === "name") take(name);
    } else if (word === "const" || word === "let" || word === "var") {
      if (next.type.label === "name") take(next);
      else if (next.type.label === "[" || next.type.label === "{") i = scanPattern(tokens, i + 1, take);
    }
  }
  return found;
}

// The names a destructuring pattern binds: in an object pattern, a key followed by `:` is not one;
// a name after `=` is a default's value. Returns the index of the pattern's closing token.
function scanPattern(tokens: Token[], start: number, take: (token: Token) => void): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const label = tokens[i]!.type.label;
    if (label === "[" || label === "{") depth++;
    else if (label === "]" || label === "}") {
      depth--;
      if (depth === 0) return i;
    } else if (label === "name" && tokens[i + 1]?.type.label !== ":" && tokens[i - 1]?.type.label !== "=") take(tokens[i]!);
  }
  return tokens.length;
}
