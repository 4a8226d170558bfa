// stripTypes blanks type syntax without moving any position, and keeps the program's meaning.

import { Parser } from "acorn";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { stripTypes } from "../../../src/compile/cell/stripTypes.ts";

const snippets = [
  "const x: number = 1;",
  "let y!: string;",
  "function f<T extends object = {}>(a?: T, ...rest: number[]): T | undefined { return a; }",
  "const g = <T,>(x: T): T => x;",
  "const h = async <T>(x: T): Promise<T> => x;",
  "type A = {a: number};\ninterface B extends A {\n  b: string\n}\nconst c = 1;",
  "import type {X} from 'a';\nimport {type Y, z} from 'b';\nimport {w, type V} from 'c';",
  "const o = {a: 1} as const;",
  "const p = (o as any).a!;",
  "const q = (<number>(1 + 2));",
  "const s = {} satisfies Record<string, number>;",
  "abstract class A<T> extends Base<T> implements I, J<T> {\n  private readonly x: number = 1;\n  declare y: string;\n  [k: string]: any;\n  static override m(): void {}\n  abstract n(): void;\n  protected z?: number;\n  w!: number;\n  constructor(a: number) { super(); }\n  get v(): number { return 1 }\n}",
  "function over(a: number): void;\nfunction over(a: string): void;\nfunction over(a: any) { return a }",
  "declare const dq: number;\ndeclare function df(): void;\ndeclare module 'm' { }\nconst r = 1;",
  "function th(this: Window, a: number) { return a }",
  "const m = new Map<string, number[]>();",
  "const inst = f<number>;",
  "for (const [k, v] of Object.entries(o) as [string, number][]) {}",
  "let u: (a: number) => void = (a) => {};",
  "const t = x as unknown as string[];",
  "const fn = function <T>(this: any, a: T): a is T { return true }",
  "try { } catch (e: unknown) { }",
  "const {a, b}: {a: number; b: string} = obj;",
  "const [p1, p2]: [number, number] = pair;",
  "class K { #priv: number = 1; static s?: string; method?(): void }",
  "const obj2 = { m<T>(x: T): T { return x } };",
  "x = y! + z!;",
  "const opt = a?.b!.c;",
  "let tuple: readonly [a: number, b?: string] = [1];",
  "const e = <const T,>(x: T) => x;",
  "const multi: {\n  a: number;\n  b: string;\n} = {\n  a: 1,\n  b: \"\",\n};",
  "const arrow = (\n  a: number,\n  b: string,\n): string =>\n  a + b;",
  "const data: number[] = await Promise.resolve([1]);\nyield data as number[];",
  "const fnType = (cb: (err: Error | null) => void): void => cb(null);",
  "const keyed: keyof typeof obj = 'a';",
  "let cond: T extends string ? 'y' : 'n';",
  "const big = 10n as bigint;",
  "const tpl = `a ${x as number} b`;",
];

const transpile = (source: string) =>
  ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
      alwaysStrict: false,
      useDefineForClassFields: true,
    },
  }).outputText;

/** A program's AST without positions or raw text, to compare meaning. */
const shape = (code: string) =>
  JSON.stringify(
    Parser.parse(code, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true }),
    (key, value) => (key === "start" || key === "end" || key === "raw" ? undefined : typeof value === "bigint" ? String(value) : value),
  );

const newlines = (text: string) => [...text.matchAll(/\n/g)].map((m) => m.index);

describe("stripTypes", () => {
  for (const source of snippets) {
    it(`keeps positions: ${JSON.stringify(source).slice(0, 60)}`, () => {
      const { js, problems } = stripTypes(source);
      expect(problems).toEqual([]);
      expect(js.length).toBe(source.length);
      expect(newlines(js)).toEqual(newlines(source));
      // Every character that is kept stays where it was.
      for (let i = 0; i < js.length; i++) if (js[i] !== " ") expect(js[i]).toBe(source[i]);
    });
  }

  for (const source of snippets.filter((s) => !s.includes("yield"))) {
    it(`means what tsc's output means: ${JSON.stringify(source).slice(0, 60)}`, () => {
      expect(shape(stripTypes(source).js)).toBe(shape(transpile(source)));
    });
  }

  it("treats a lone object literal cast as an expression", () => {
    const { js, problems } = stripTypes("{a: 1} as {a: number}");
    expect(problems).toEqual([]);
    expect(js).toBe("{a: 1}".padEnd(21));
  });

  it("drops an import whose specifiers are all types, like TypeScript without verbatimModuleSyntax", () => {
    expect(stripTypes("import {type U} from 'd';").js.trim()).toBe("");
  });

  it("reports enums, namespaces and parameter properties as unsupported, located", () => {
    expect(stripTypes("const a = 1;\nenum E { A }").problems).toEqual([
      expect.objectContaining({ code: "unsupported", line: 2, column: 0, message: expect.stringMatching(/enums are not supported/) }),
    ]);
    expect(stripTypes("namespace N {}").problems[0]).toMatchObject({ code: "unsupported", message: expect.stringMatching(/namespaces/) });
    expect(stripTypes("class P { constructor(private a: number) {} }").problems[0]).toMatchObject({
      code: "unsupported",
      line: 1,
      column: 22,
    });
  });

  it("reports a syntax error with its location, leaving the source as is", () => {
    const result = stripTypes("const a = 1;\nconst b: = 2;");
    expect(result.js).toBe("const a = 1;\nconst b: = 2;");
    expect(result.problems).toEqual([{ code: "syntax", message: expect.stringMatching(/^SyntaxError: /), line: 2, column: expect.any(Number) }]);
  });
});
