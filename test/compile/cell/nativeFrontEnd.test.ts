// The Node compiler reads cells with oxc-parser, the page's editor with acorn: both must compile every
// lesson we have to the same result, and a Node without oxc-parser must compile with acorn alone.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseSync } from "oxc-parser";
import { nativeFrontEnd, loadParseSync } from "../../../src/compile/cell/nativeFrontEnd.node.ts";
import { createNativeFrontEnd, type ParseSync } from "../../../src/compile/cell/readNativeCell.ts";
import { compileLesson } from "../../../src/compile/index.ts";
import { everyLesson, root } from "./everyLesson.ts";
import { TypeScriptParser, parseCell } from "../../../src/compile/cell/parseCell.ts";
import type { CellTokens } from "../../../src/compile/cell/cellTokens.ts";
import { tokTypes } from "acorn";

type Compiler = typeof import("../../../src/compile/index.ts");


const lessons = everyLesson;

// Cells where the two parsers, or acorn's tokenizer and its parse, could part: TypeScript around a
// regexp or a template, words acorn-typescript types apart, shapes parseCell decides, and errors
// acorn raises while oxc-parser leaves them to a later pass (each must reach acorn for its message).
const trickyCells = [
  "const a = x! / 2 / y",
  "const r = (x as any) / 2; const s = /a\\/b/g.test(t)",
  "const t = `a${(x as number) + 1}b${`c${y!}`}`",
  "const f = (x: number): { a: number } => ({ a: x })\nconst u = `${f(1).a}`",
  "type T = `p-${string}`\nconst v: T = `p-${1}`",
  "interface A { type: string }\nconst a: A = { type: 'x' }\na.type",
  "declare const d: number\nconst e = d satisfies number",
  "abstract class B { abstract m(): void; n(this: B, x?: number) { return x } }",
  "function g(x: string): string\nfunction g(x: any) { return x }\ng('a')",
  "import type { Q } from 'q'\nimport { type R, S } from 'r'\nconst w: Q = S",
  "enum E { A }",
  "namespace N {}",
  "class C { constructor(private x: number) {} }",
  "export const z = 1",
  "{a: 1}",
  "{ const k = 1 }",
  "function h() {}",
  "(function h() {})",
  "let x = 1; let x = 2",
  "break",
  "yield 1",
  "const re = /(/",
  "#!/usr/bin/env node\n1",
  "@dec class D {}",
  "const a = 1 >> 2; const b: Array<Array<number>>= []",
  "a; b;",
  "x;",
  "await Promise.resolve(1)",
  "const o = { async *[Symbol.iterator]() { yield 1 } }",
  "for (const p of [1]) { label: { break label } }",
  "const m = new Map<string, number>()\nm.set('a', 1)",
  "const s = 'a\\u00b2' + \"b\"  // comment\n/* block */ s",
  "x => x * 2",
  "let y!: number; y = 1",
  "const big = 10n ** 2n, hex = 0xff_ff",
  "class P { #p = 1; static { this.prototype } get q() { return this.#p } }",
  "const { a, ...rest }: { a: number; b: number } = { a: 1, b: 2 }",
  "const viewOf = <T,>(x: T) => x",
  "import.meta.url",
  "const t2 = tag<string>`x${1}`",
];

/** Everything a compiled lesson holds, with each cell's transpiled function. */
function compileAll(compiler: Compiler, text: string, file: string): unknown {
  const lesson = compiler.compileLesson(text, { file });
  return { lesson, transpiled: lesson.cells.map((cell) => compiler.transpileCell(cell)) };
}

/** The compiler's modules loaded afresh, with the native front end as `front` says. */
async function loadCompiler(frontEnd: "native" | "acorn"): Promise<Compiler> {
  vi.resetModules();
  if (frontEnd === "acorn") vi.doMock("#cell-front-end", () => ({ nativeFrontEnd: null }));
  else vi.doUnmock("#cell-front-end");
  const { nativeFrontEnd: front } = await import("#cell-front-end");
  expect(front === null).toBe(frontEnd === "acorn");
  return import("../../../src/compile/index.ts");
}

afterEach(() => {
  vi.doUnmock("#cell-front-end");
  vi.doUnmock("oxc-parser/src-js/bindings");
  vi.resetModules();
});

describe("the native cell front end (oxc-parser)", () => {
  it("loads in Node, and answers every cell of the chapter", () => {
    expect(nativeFrontEnd).not.toBeNull();
    const chapter = readFileSync(join(root, "lessons/derivatives-and-gradients.md"), "utf8");
    const cells = compileLesson(chapter, { file: "chapter.md" }).cells;
    expect(cells.length).toBeGreaterThan(50);
    const declined = cells.filter((cell) => !nativeFrontEnd!(cell.source, cell.lang, cell.inline, !cell.inline));
    expect(declined.map((cell) => cell.source)).toEqual([]);
  });

  it("compiles every bundled and fixture lesson as the acorn front end does", async () => {
    expect(lessons.length).toBeGreaterThan(20);
    const native = await loadCompiler("native");
    const acornOnly = await loadCompiler("acorn");
    expect(native).not.toBe(acornOnly);
    for (const file of lessons) {
      const text = readFileSync(file, "utf8");
      expect(compileAll(native, text, file), file).toEqual(compileAll(acornOnly, text, file));
    }
  });

  it("reads tricky cells as acorn does, or leaves them to acorn", async () => {
    const native = await loadCompiler("native");
    const acornOnly = await loadCompiler("acorn");
    const answered: string[] = [];
    for (const lang of ["ts", "js"] as const) {
      for (const source of trickyCells) {
        const text = `# Tricky\n\n\`\`\`${lang}\n${source}\n\`\`\`\n\nInline: \${${source}}\n`;
        expect(compileAll(native, text, "tricky.md"), source).toEqual(compileAll(acornOnly, text, "tricky.md"));
        if (lang === "ts" && nativeFrontEnd!(source, lang, false, true)) answered.push(source);
      }
    }
    // The point is speed: most of them are the native parser's to answer.
    expect(answered).toContain("const a = x! / 2 / y");
    expect(answered).toContain("const t = `a${(x as number) + 1}b${`c${y!}`}`");
    expect(answered).not.toContain("let x = 1; let x = 2");
    expect(answered).not.toContain("const re = /(/");
    expect(answered).not.toContain("enum E { A }");
    expect(answered.length).toBeGreaterThan(trickyCells.length / 2);
  });

  it("gives a listing the tokens acorn's parse gives", () => {
    // `x! / 2`: acorn's tokenizer alone would read a regexp after `!`.
    const read = nativeFrontEnd!("const a = x! / 2 / y", "ts", false, true);
    expect(read?.tokens?.tokens.map((t) => t.type.label)).toEqual(["const", "name", "=", "name", "!/~", "/", "num", "/", "name"]);
    // acorn-typescript's own token type for `type`, which highlighting shows as a keyword.
    const source = "type T = number";
    const parsed: CellTokens = { tokens: [], comments: [] };
    parseCell(TypeScriptParser, source, false, parsed);
    expect(parsed.tokens[0].type).not.toBe(tokTypes.name);
    expect(nativeFrontEnd!(source, "ts", false, true)?.tokens).toEqual(parsed);
  });

  it("declines a cell whose tokens the tokenizer cannot match to the tree", () => {
    // A template literal type is in the TypeScript tree only: its chunks are no template of the JavaScript's.
    expect(nativeFrontEnd!("type T = `p-${string}`", "ts", false, true)).toBeNull();
    expect(nativeFrontEnd!("type T = `p-${string}`", "ts", false, false)).not.toBeNull();
  });
});

describe("a Node without oxc-parser", () => {
  it("loadParseSync gives null when the native binding cannot be loaded", async () => {
    expect(await loadParseSync(() => Promise.reject(new Error("Cannot find native binding")))).toBeNull();
    expect(await loadParseSync(async () => ({ parseSync }))).toBe(parseSync);
  });

  it("compiles with acorn alone, to the same result", async () => {
    vi.resetModules();
    // The front end loads oxc-parser's binding module, which throws on a platform without a binary.
    vi.doMock("oxc-parser/src-js/bindings", () => {
      throw new Error("Cannot find native binding (an unsupported platform)");
    });
    const fallback = await import("../../../src/compile/cell/nativeFrontEnd.node.ts");
    expect(fallback.nativeFrontEnd).toBeNull();
    const withoutOxc = await import("../../../src/compile/index.ts");
    vi.doUnmock("oxc-parser/src-js/bindings");
    const native = await loadCompiler("native");
    const file = join(root, "lessons/derivatives-and-gradients.md");
    const text = readFileSync(file, "utf8");
    expect(compileAll(withoutOxc, text, file)).toEqual(compileAll(native, text, file));
  });

  it("a parser that fails on every cell leaves every cell to acorn", () => {
    const failing: ParseSync = () => ({ program: null, errors: [{ message: "no" }] });
    expect(createNativeFrontEnd(failing)("const a = 1", "ts", false, true)).toBeNull();
  });
});
