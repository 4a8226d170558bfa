// The native front end reads a listing's tokens with scanTokens (one sticky regular expression) and
// leaves what it cannot read to acorn's tokenizer: the proof that both give highlighting the same
// tokens, over every cell of every lesson we have and cells chosen to part them.

import { readFileSync } from "node:fs";
import { tokTypes as tt, type TokenType } from "acorn";
import { describe, expect, it } from "vitest";
import { parseSync } from "oxc-parser";
import { createNativeFrontEnd, type ParseSync, type ScanTokens } from "../../../src/compile/cell/readNativeCell.ts";
import { scanTokens } from "../../../src/compile/cell/scanTokens.ts";
import type { CellTokens } from "../../../src/compile/cell/cellTokens.ts";
import { compileLesson } from "../../../src/compile/index.ts";
import { everyLesson } from "./everyLesson.ts";


const lessonCells = everyLesson
  .flatMap((file) => compileLesson(readFileSync(file, "utf8"), { file }).cells)
  .map((cell) => ({ source: cell.source, lang: cell.lang }));

// What a sticky regular expression could read otherwise than acorn: numbers, operators, templates
// nested in substitutions, braces inside them, regexps that look like division, comments, words
// acorn or acorn-typescript type apart, private names, and what scanTokens leaves to acorn.
const trickyCells = [
  "const a = x! / 2 / y /= 3",
  "const r = /a\\/b[/]/g.test(t) ? /=/ : 1 / 2",
  "const t = `a${(x as number) + 1}b${`c${y!}`}` + `${{ a: 1 }.a}` + ``",
  "const n = [1, 1., .5, 1.5e-3, 1_000, 0x1F, 0o17, 0b101, 10n, 0xffn, 1e+5, 1..toString()]",
  "let a = 1; a >>>= 1; a **= 2; a ??= 3; a ||= 4; a &&= 5; a <<= 1; a >>= 1; a %= 2; a ^= 1; a |= 1; a &= 1",
  "const b = a?.b ?? c?.[d] ?? e?.(f) ?? (g ? .5 : h) === i !== j == k != l <= m >= n << o >> p >>> q",
  "const c = !a && ~b || +c - -d * e ** f % g | h & i ^ j; c++; c--; const [...r] = [...s]",
  "const s = 'a\\'b' + \"c\\\"d\" + 'line\\\ncontinued' // comment\n/* block\n */ s",
  "class P { #p = 1; static #q() {} get r() { return this.#p in this } }",
  "type T = keyof typeof x\ninterface I { readonly type: string }\nconst u: unique symbol = Symbol()\ndeclare const d: number",
  "const viewOf = <T,>(x: T): Array<Array<T>> => [[x]]",
  "const tag = String.raw`a\\u{41}${1}b`",
  "const m = new Map<string, number>()\nm.set('a', 1)\nasync function* g() { yield await 1 }",
  "const café = 1",
  "const a\\u0062 = 1",
  "const bad = String.raw`\\unicode`",
  "\u00a0const z = 1\u2028",
  "x => x * 2",
  "label: for (const p of [1]) { if (p) continue label; else break label }",
];

/** A front end whose listing tokens come from `scan` alone (null: the cell's tokens are acorn's). */
function frontEndWith(scan: ScanTokens) {
  return createNativeFrontEnd(parseSync as ParseSync, scan);
}

/** What highlighting reads of a token: its type, place, and the value of a word or an operator. */
function readable(tokens: CellTokens | undefined) {
  return tokens && {
    comments: tokens.comments,
    tokens: tokens.tokens.map(({ type, value, start, end }) => [type.label, start, end, hasWordValue(type) ? value : undefined]),
  };
}

const literalTypes = new Set<TokenType>([tt.num, tt.string, tt.template, tt.invalidTemplate, tt.regexp]);
function hasWordValue(type: TokenType): boolean {
  return !literalTypes.has(type);
}

describe("scanTokens", () => {
  const viaAcorn = frontEndWith(() => null);
  let scanned = 0;
  const viaScan = frontEndWith((source, lang, literals) => {
    const tokens = scanTokens(source, lang, literals);
    if (tokens) scanned++;
    return tokens;
  });

  it("reads every cell of every lesson as acorn's tokenizer does", () => {
    expect(lessonCells.length).toBeGreaterThan(200);
    const leftToAcorn: string[] = [];
    for (const { source, lang } of lessonCells) {
      const expected = viaAcorn(source, lang, false, true);
      if (!expected) continue;
      const before = scanned;
      expect(readable(viaScan(source, lang, false, true)?.tokens), source).toEqual(readable(expected.tokens));
      if (scanned === before) leftToAcorn.push(source);
    }
    // The point is speed: the lessons' cells are scanTokens' to read, but for a hostile fixture's
    // tagged template whose `\url` is an invalid escape (acorn's `invalidTemplate` token).
    expect(leftToAcorn).toHaveLength(1);
    expect(leftToAcorn[0]).toMatch(/^tex`\\href.*\\url\{/);
  });

  it("reads tricky cells as acorn's tokenizer does, or leaves them to it", () => {
    const leftToAcorn: string[] = [];
    for (const lang of ["ts", "js"] as const) {
      for (const source of trickyCells) {
        const expected = viaAcorn(source, lang, false, true);
        const before = scanned;
        const actual = viaScan(source, lang, false, true);
        expect(readable(actual?.tokens), `${lang}: ${source}`).toEqual(readable(expected?.tokens));
        if (expected && scanned === before && lang === "ts") leftToAcorn.push(source);
      }
    }
    expect(leftToAcorn).toEqual(["const café = 1", "const a\\u0062 = 1", "const bad = String.raw`\\unicode`"]);
  });

  it("gives acorn's token types to words and operators", () => {
    const tokens = viaScan("const a = b?.c ?? /x/g.test(`${d}`)", "ts", false, true)?.tokens?.tokens;
    expect(tokens?.map((t) => t.type)).toEqual([
      tt._const, tt.name, tt.eq, tt.name, tt.questionDot, tt.name, tt.coalesce, tt.regexp, tt.dot, tt.name, tt.parenL,
      tt.backQuote, tt.template, tt.dollarBraceL, tt.name, tt.braceR, tt.template, tt.backQuote, tt.parenR,
    ]);
  });
});
