// A cell's parse collects its tokens as the parser steps past them, not through acorn's `onToken`
// (which acorn-typescript buffers in every parse branch it may abandon): the proof that the tokens,
// and so every listing's highlighting, are the same as `onToken`'s, over every cell we have.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tokTypes, type Expression, type Options, type Parser, type Token } from "acorn";
import { describe, expect, it } from "vitest";
import { JavaScriptParser, TypeScriptParser, parseCell, parseOptions } from "../../../src/compile/cell/parseCell.ts";
import { coversSource, type CellTokens } from "../../../src/compile/cell/cellTokens.ts";
import { compileLesson } from "../../../src/compile/index.ts";

type Collected = { tokens: [string, number, number, unknown][]; comments: [number, number][] };

/** The tokens and comments acorn's callbacks report for the parse parseCell settled on (the way they were collected before). */
function viaCallbacks(P: typeof Parser, source: string, expression: boolean): Collected {
  const into: Collected = { tokens: [], comments: [] };
  const rewind = (start: number) => {
    for (let last = into.tokens.at(-1); last && (last[1] > start || (last[1] === start && last[2] > start)); last = into.tokens.at(-1)) into.tokens.pop();
    while (into.comments.length && into.comments[into.comments.length - 1][0] >= start) into.comments.pop();
  };
  const options: Options = {
    ...parseOptions,
    locations: P === TypeScriptParser,
    onToken(token: Token) {
      rewind(token.start);
      if (token.type !== tokTypes.eof) into.tokens.push([token.type.label, token.start, token.end, (token as Token & { value: unknown }).value]);
    },
    onComment(_block, _text, start, end) {
      rewind(start);
      into.comments.push([start, end]);
    },
  };
  if (!expression) {
    P.parse(source, options);
    return into;
  }
  const parser = new (P as unknown as new (o: Options, i: string, s: number) => { nextToken(): void; parseExpression(): Expression })(options, source, 0);
  parser.nextToken();
  parser.parseExpression();
  return into;
}

/** The tokens parseCell collects, or null when the cell does not parse. */
function viaParse(P: typeof Parser, source: string, inline: boolean): Collected | null {
  const tokens: CellTokens = { tokens: [], comments: [] };
  try {
    parseCell(P, source, inline, tokens);
  } catch {
    return null;
  }
  return { tokens: tokens.tokens.map((t): Collected["tokens"][number] => [t.type.label, t.start, t.end, t.value]), comments: tokens.comments };
}

/** The callbacks' report for `source` read as a program or as one expression, or null when it does not read so. */
function attempt(P: typeof Parser, source: string, expression: boolean): Collected | null {
  try {
    return viaCallbacks(P, source, expression);
  } catch {
    return null;
  }
}

const snippets = [
  "const f = (a: number, b?: string): number => a + 1;\nf(1)",
  "const g = <T,>(x: T): T[] => [x];\nconst h = async (y) => { await y; return `a${y}b${`c${y}`}` };",
  "const t = `${a}${b}`;\nconst e = ``;\nconst u = `x${``}y`",
  "x < y > (z)",
  "f<number>(1); new Map<string, number[]>(); a as unknown as B; c!;",
  "// a comment\nconst k = 1; /* block */ const m = (k as number) /* inner */ + 2",
  "for (const [i, v] of xs.entries()) { if (v > i) continue }",
  "class A<T> implements B { private x: T; constructor(readonly y: number) { super(); } m(this: A<T>): void {} }",
  "function* gen() { yield* other(); }",
  "const o = {a: 1, b: (c: number) => c, ...rest} satisfies Record<string, unknown>;",
  "/re+g/g.test(s) ? 1 : 2",
  "label: for (;;) { break label }",
  "const q = a ?? b?.c?.(d) ?? e?.[f];",
];

describe("a cell's tokens, collected as its parse steps past them", () => {
  const cases: { P: typeof Parser; source: string; inline: boolean; name: string }[] = [];
  for (const source of snippets) cases.push({ P: TypeScriptParser, source, inline: false, name: source });
  const files = [
    ...readdirSync("test/fixtures").filter((f) => f.endsWith(".md")).map((f) => join("test/fixtures", f)),
    ...readdirSync("lessons").filter((f) => f.endsWith(".md")).map((f) => join("lessons", f)),
  ];
  for (const file of files) {
    for (const cell of compileLesson(readFileSync(file, "utf8"), { file }).cells) {
      cases.push({ P: cell.lang === "ts" ? TypeScriptParser : JavaScriptParser, source: cell.source, inline: cell.inline, name: `${file}:${cell.line}` });
    }
  }

  it("are the tokens and comments acorn's callbacks report, for every snippet and every cell of the fixtures and lessons", () => {
    let compared = 0;
    for (const { P, source, inline, name } of cases) {
      const mine = viaParse(P, source, inline);
      if (!mine) continue;
      // An inline cell is one expression; a fence is a program unless parseCell read it as an
      // expression (a lone block that is an object): its tokens are that attempt's.
      const readings = inline ? [attempt(P, source, true)] : [attempt(P, source, false), attempt(P, source, true)];
      const same = readings.some((r) => r !== null && JSON.stringify(r) === JSON.stringify(mine));
      expect(same, `${name}: ${JSON.stringify(mine).slice(0, 200)}`).toBe(true);
      compared++;
    }
    expect(compared, "cells compared").toBeGreaterThan(150);
  });
});

describe("coversSource", () => {
  const source = "let a = 1; // one\nlet b = a;\n";
  const collect = (): CellTokens => {
    const collected: CellTokens = { tokens: [], comments: [] };
    parseCell(JavaScriptParser, source, false, collected);
    return collected;
  };

  it("holds when the tokens and comments leave only white space out", () => {
    expect(coversSource(collect(), source)).toBe(true);
  });

  it("fails when tokens are missing between others, or a comment is", () => {
    const missing = collect();
    missing.tokens.splice(5, 2);
    expect(coversSource(missing, source)).toBe(false);
    const noComment = collect();
    noComment.comments = [];
    expect(coversSource(noComment, source)).toBe(false);
    expect(coversSource({ tokens: [], comments: [] }, source)).toBe(false);
  });
});
