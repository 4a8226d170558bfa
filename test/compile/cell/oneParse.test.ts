// A TypeScript cell is analyzed from its one TypeScript parse: the result must be what analyzing its
// JavaScript (types blanked) finds, which is what the page runs. The proof over every cell we have.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCell } from "../../../src/compile/cell/analyzeCell.ts";
import { findCellDeclarations, findCellReferences } from "../../../src/compile/cell/analyzeCell.ts";
import { stripTypes } from "../../../src/compile/cell/stripTypes.ts";
import { compileLesson } from "../../../src/compile/index.ts";

/** Everything analysis says about a cell that does not name its language or source. */
const reading = (source: string, lang: "ts" | "js", inline: boolean) => {
  const { cell, diagnostics } = analyzeCell(source, { lang, line: 1, inline });
  return {
    js: cell.js,
    inputs: cell.inputs,
    outputs: cell.outputs,
    expression: cell.expression,
    async: cell.async,
    generator: cell.generator,
    imports: cell.imports,
    diagnostics: diagnostics.map(({ cell: _, ...d }) => d),
    references: findCellReferences(cell).map((r) => [r.name, r.node.start, r.assigned]),
    declarations: findCellDeclarations(cell).map((d) => [d.name, d.start]),
  };
};

/** A cell whose types strip cleanly reads as its JavaScript (with problems, that is never parsed). */
const agrees = (source: string, inline = false) => {
  const { js, problems } = stripTypes(source, { inline });
  if (problems.length) return false;
  expect(reading(source, "ts", inline)).toEqual(reading(js, "js", inline));
  return true;
};

// TypeScript that blanks to JavaScript reading otherwise (ASI after a blank), type-only statements
// and imports, declarations, assertions as assignment targets, members blanked whole.
const snippets = [
  "const a = b as C\n(c)",
  "const a = b as C\n[1].forEach(f)",
  "const a = b as C\n`t`",
  "x\ntype A = B\n(y)",
  "x\ninterface I {}\n+y",
  "let v: T\n= 5",
  "function f() {\n  return <T>\n  x\n}",
  "x as T\n++y",
  "const s = b satisfies C\n-1",
  "declare const dq: number;\ndq + 1",
  "declare function df(): void;\ndf()",
  "declare class DC {}\nnew DC()",
  "import type {X} from 'a';\nimport {type Y, z} from 'b';\nX; Y; z",
  "import type D from 'd';\nD",
  "import {type OnlyType} from 'e';\nOnlyType",
  "x! = 1;\n(y as any) = 2;\nz!++;",
  "abstract class A<T> extends Base<T> implements I {\n  declare y: string;\n  abstract n(): void;\n  [k: string]: any;\n  m?(): void;\n  over(a: string): void;\n  over(a: any) { return a + q }\n}",
  "function over(a: number): void;\nfunction over(a: any) { return a }\nover(1)",
  "export type E = number;",
  "export const ex: number = 1;",
  "const inst = f<number>;\nconst m = new Map<string, number[]>();",
  "function th(this: Window, a: number) { return a + this.b }",
  "type Only = number",
  "const n: number = await p",
  "const gen = yield v as number",
  "({a: 1} as {a: number})",
  "x as number",
  "f<T>(y)",
  "let y!: string;\ny",
  "const {a, b}: {a: number; b: string} = obj;\ntry {} catch (e: unknown) { e }",
  "const w = 1 // comment\ntype Z = 1\n// another\n(w)",
];

describe("analyzeCell's one parse of a TypeScript cell", () => {
  it("takes the one parse for ordinary TypeScript, the JavaScript's second parse after a doubtful blank", () => {
    expect(stripTypes("const x: number = f<T>(y as number);\nconst z = x!").tree).toBeDefined();
    expect(stripTypes("const a = b as C\n(c)").tree).toBeUndefined();
    expect(stripTypes("export type E = number;").tree).toBeUndefined();
    expect(stripTypes("type A = number;\nx as A").tree).toBeUndefined();
    expect(stripTypes("type A = number;\nx as A;\ny").tree).toBeDefined();
  });

  for (const source of snippets) {
    it(`reads as the JavaScript does: ${JSON.stringify(source).slice(0, 60)}`, () => expect(agrees(source)).toBe(true));
  }

  it("reads every cell of the fixtures and lessons as their JavaScript does", () => {
    const files = [
      ...readdirSync("test/fixtures").filter((f) => f.endsWith(".md")).map((f) => join("test/fixtures", f)),
      ...readdirSync("lessons").filter((f) => f.endsWith(".md")).map((f) => join("lessons", f)),
    ];
    let typed = 0;
    for (const file of files) {
      for (const cell of compileLesson(readFileSync(file, "utf8"), { file }).cells) {
        if (cell.lang === "ts" && agrees(cell.source, cell.inline)) typed++;
      }
    }
    expect(typed, "the fixtures and lessons have TypeScript cells that strip cleanly").toBeGreaterThan(100);
  });
});
