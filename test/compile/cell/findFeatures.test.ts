// findFeatures is skipped for a cell that spells none of `await`, `yield`, `import`: the proof that
// the skip loses nothing, over every cell we have and over keywords spelled with escapes.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFeatures, isFeatureFree, noFeatures } from "../../../src/compile/cell/findFeatures.ts";
import { JavaScriptParser, TypeScriptParser, parseCell } from "../../../src/compile/cell/parseCell.ts";
import { analyzeCell } from "../../../src/compile/cell/analyzeCell.ts";
import { compileLesson } from "../../../src/compile/index.ts";

/** findFeatures on the cell's parse, or null when it does not parse. */
const walk = (source: string, lang: "ts" | "js", inline: boolean) => {
  try {
    return findFeatures(parseCell(lang === "ts" ? TypeScriptParser : JavaScriptParser, source, inline).node);
  } catch {
    return null;
  }
};

describe("isFeatureFree", () => {
  it("finds no feature the walk would find, in every cell of the fixtures and lessons", () => {
    const files = [
      ...readdirSync("test/fixtures").filter((f) => f.endsWith(".md")).map((f) => join("test/fixtures", f)),
      ...readdirSync("lessons").filter((f) => f.endsWith(".md")).map((f) => join("lessons", f)),
    ];
    let skipped = 0;
    let walked = 0;
    for (const file of files) {
      for (const cell of compileLesson(readFileSync(file, "utf8"), { file }).cells) {
        const features = walk(cell.source, cell.lang, cell.inline);
        if (!features) continue;
        if (isFeatureFree(cell.source)) {
          expect(features, `${file}:${cell.line}`).toEqual(noFeatures);
          skipped++;
        } else walked++;
      }
    }
    expect(skipped, "cells the walk is spared").toBeGreaterThan(100);
    expect(walked, "cells that await, yield or import are still walked").toBeGreaterThan(5);
  });

  // An escaped keyword is a name (or an error) to acorn, never the keyword: the text check stays exact.
  const escaped = [
    "const a = aw\\u0061it",
    "const a = aw\\u0061it p",
    "function* g() { yi\\u0065ld 1 }",
    "const y = yi\\u0065ld",
    "imp\\u006frt.meta.url",
    "for aw\\u0061it (const x of xs) {}",
    "const m = \\u0069mport.meta",
  ];
  for (const source of escaped) {
    it(`reads no feature in ${JSON.stringify(source)}`, () => {
      expect(isFeatureFree(source)).toBe(true);
      for (const lang of ["ts", "js"] as const) {
        for (const inline of [false, true]) {
          const features = walk(source, lang, inline);
          if (features) expect(features).toEqual(noFeatures);
          expect(analyzeCell(source, { lang, line: 1, inline }).cell).toMatchObject({ async: false, generator: false });
        }
      }
    });
  }

  it("still walks a cell that awaits, yields or reads import.meta", () => {
    const place = { lang: "ts" as const, line: 1 };
    expect(analyzeCell("const v: number = await p", place).cell.async).toBe(true);
    expect(analyzeCell("for await (const x of xs) {}", place).cell.async).toBe(true);
    expect(analyzeCell("yield 1", place).cell.generator).toBe(true);
    expect(analyzeCell("import.meta.url", place).diagnostics.map((d) => d.code)).toEqual(["unsupported"]);
    expect(isFeatureFree("const importance = 1")).toBe(false); // a word containing one is walked: harmless
  });
});
