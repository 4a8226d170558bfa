// Every test/fixtures/*.md compiles to test/output/<name>.json and <name>.html.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLesson, transpileCell, type Lesson } from "../../src/compile/index.ts";
import { assertGolden, findOrphanGoldens } from "./golden.ts";

const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith(".md")).sort();

/** The lesson as reviewed JSON: fixed key order, each cell with its transpiled function. */
function snapshot(lesson: Lesson) {
  return {
    file: lesson.file,
    title: lesson.title,
    frontMatter: lesson.frontMatter,
    cells: lesson.cells.map((c) => {
      const { params, body } = transpileCell(c);
      return {
        id: c.id,
        line: c.line,
        column: c.column,
        lang: c.lang,
        inline: c.inline,
        options: c.options,
        ...(c.exercise !== undefined ? { exercise: c.exercise } : {}),
        expression: c.expression,
        async: c.async,
        generator: c.generator,
        inputs: c.inputs,
        outputs: c.outputs,
        imports: c.imports,
        source: c.source,
        js: c.js,
        params,
        body,
      };
    }),
    diagnostics: lesson.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      line: d.line,
      column: d.column,
      cell: d.cell ?? null,
      message: d.message,
    })),
    // Only where a fixture has blanks or predictions, so the other goldens are not all about sections.
    ...(lesson.learning.blanks.length || lesson.learning.predictions.length ? { learning: lesson.learning } : {}),
    ...(lesson.exercises.length ? { exercises: lesson.exercises.map(({ check, ...rest }) => ({ ...rest, check: check && { ...check, cell: check.cell.source } })) } : {}),
  };
}

describe("golden files", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThan(0));
  it("has no orphan golden (one no fixture produces)", () => {
    const produced = fixtures.flatMap((fixture) => [".json", ".html"].map((ext) => fixture.replace(/\.md$/, ext)));
    const orphans = findOrphanGoldens(produced).map((file) => `test/output/${file}`);
    expect(orphans, `orphan goldens, produced by no fixture (delete them or add their fixture): ${orphans.join(", ")}`).toEqual([]);
  });
  for (const fixture of fixtures) {
    const name = fixture.replace(/\.md$/, "");
    it(name, () => {
      const source = readFileSync(fixturesDir + fixture, "utf8");
      const lesson = compileLesson(source, { file: `test/fixtures/${fixture}` });
      assertGolden(`${name}.json`, JSON.stringify(snapshot(lesson), null, 2) + "\n");
      assertGolden(`${name}.html`, lesson.html);
      // Every cell has exactly one output element, and ids are unique.
      for (const cell of lesson.cells) {
        expect(lesson.html.split(`data-cell="${cell.id}"`).length - 1, cell.id).toBe(1);
      }
      expect(new Set(lesson.cells.map((c) => c.id)).size).toBe(lesson.cells.length);
    });
  }
});
