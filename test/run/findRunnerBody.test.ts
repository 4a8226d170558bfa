// The body a prerender run mounts: the output slots alone, unless a cell could read the rest.
import { describe, expect, it } from "vitest";
import { compileLesson, type Lesson } from "../../src/compile/index.ts";
import { findRunnerBody } from "../../src/run/findRunnerBody.ts";
import { prerenderLesson } from "../../src/run/index.ts";

function lessonOf(body: string): Lesson {
  return compileLesson(`---\ntitle: t\n---\n\n# Heading\n\n$$\ny = x^2\n$$\n\n${body}`, { file: "t.md" });
}

describe("findRunnerBody", () => {
  it("keeps only the slots of a lesson whose cells cannot read the document", () => {
    const lesson = lessonOf("```ts\nconst a = 1;\n```\n\nA is ${a}, $a^2$ is ${a * a}.\n\n```python\nprint(1)\n```\n");
    const body = findRunnerBody(lesson);
    expect(lesson.html).toContain('class="katex');
    expect(body).not.toContain("katex");
    expect(body).not.toContain("Heading");
    expect(body.split("\n")).toEqual(lesson.cells.map((cell) => expect.stringContaining(`data-cell="${cell.id}" data-status="pending"`)));
  });

  it("keeps the whole body when a cell names the document, an element's surroundings, or imports a module", () => {
    for (const source of ["const n = document.title;", "const p = (x: HTMLElement) => x.closest('p');", "import confetti from 'canvas-confetti';", "const w = globalThis;"]) {
      const lesson = lessonOf(`\`\`\`ts\n${source}\n\`\`\`\n`);
      expect(findRunnerBody(lesson), source).toBe(lesson.html);
    }
  });

  it("keeps the whole body when the prose has a label (the runtime looks for one by a control's id)", () => {
    const lesson = lessonOf('<label for="k">k</label>\n\n```ts\nconst k = 1;\n```\n');
    expect(findRunnerBody(lesson)).toBe(lesson.html);
  });
});

describe("a prerender run", () => {
  it("prerenders a cell that reads the lesson's own DOM as the page shows it", { timeout: 120_000 }, async () => {
    const lesson = lessonOf("```ts\nconst heading = document.querySelector('#lesson h1')?.textContent;\n```\n\nThe heading: ${heading}.\n");
    const result = await prerenderLesson(lesson);
    expect(result.fill!(lesson.html)).toMatch(/The heading: <span[^>]*data-prerendered>Heading<\/span>/);
  });
});
