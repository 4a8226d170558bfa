// Transpiling a lesson's cells: every cell a function, a broken one a function that throws, each
// compiled cell transpiled once however many times it is asked for (the page module and the prerender run).
import { describe, expect, test } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { transpileCells } from "../../src/site/transpileCells.ts";

const lesson = compileLesson("---\ntitle: t\n---\n\n```ts\nconst n: number = 2;\n```\n\n```js\nfor (let i = 0; i < n; i++) {}\n```\n", { file: "t.md" });

describe("transpileCells", () => {
  test("gives every cell a function body, loops guarded", () => {
    const transpiled = transpileCells(lesson);
    expect([...transpiled.keys()]).toEqual(lesson.cells.map((cell) => cell.id));
    const [typed, loop] = lesson.cells.map((cell) => transpiled.get(cell.id)!);
    expect(typed.body).not.toContain(": number");
    expect(loop.guarded).toBe(true);
  });

  test("transpiles a compiled cell once: asked again, even through another lesson object, it gives the same result", () => {
    const first = transpileCells(lesson);
    const again = transpileCells({ ...lesson, cells: [...lesson.cells] });
    for (const cell of lesson.cells) expect(again.get(cell.id)).toBe(first.get(cell.id));
    // A cell compiled anew (an edit) is transpiled anew.
    const edited = compileLesson("---\ntitle: t\n---\n\n```ts\nconst n: number = 3;\n```\n", { file: "t.md" });
    expect(transpileCells(edited).get(edited.cells[0]!.id)).not.toBe(first.get(lesson.cells[0]!.id));
  });
});
