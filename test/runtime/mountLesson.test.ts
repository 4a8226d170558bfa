// @vitest-environment happy-dom
// Page start-up stays linear in the number of cells: mounting looks each cell's element up without
// scanning the page once per cell. Counted in queries, not timed (DESIGN.md: no timed tests).
import { afterEach, describe, expect, it } from "vitest";
import { mountLesson } from "../../src/runtime/mountLesson.ts";
import type { Diagnostic } from "../../src/contract/diagnostic.ts";
import type { CellDefinition } from "../../src/runtime/types.ts";

function cellOf(i: number): CellDefinition {
  return {
    id: `c${i}`,
    line: 3 + i * 4,
    column: 1,
    inline: false,
    lang: "ts",
    source: `const v${i} = ${i};`,
    params: [],
    inputs: [],
    outputs: [`v${i}`],
    expression: false,
    async: false,
    generator: false,
    options: { hide: false, run: true, editable: true },
    body: (() => ({ [`v${i}`]: i })) as CellDefinition["body"],
  };
}

/** How many element queries (querySelector, querySelectorAll) mounting a lesson of `n` cells makes. */
function countQueries(n: number): number {
  const cells = Array.from({ length: n }, (_, i) => cellOf(i));
  // Every other cell has a warning, so the warnings' notes are placed (and looked for) too.
  const diagnostics: Diagnostic[] = cells.filter((_, i) => i % 2).map((c) => ({ severity: "warning", code: "lint", message: "unused", line: c.line, column: 1, cell: c.id }));
  const html = cells.map((c) => `<p>Prose before ${c.id}.</p><div data-cell="${c.id}"></div>`).join("");
  const root = document.createElement("main");
  document.body.append(root);
  let count = 0;
  const restore: (() => void)[] = [];
  for (const prototype of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    for (const name of ["querySelector", "querySelectorAll"] as const) {
      const own = Object.getOwnPropertyDescriptor(prototype, name);
      if (!own) continue;
      const original = own.value as (...args: unknown[]) => unknown;
      Object.defineProperty(prototype, name, { ...own, value: function (this: unknown, ...args: unknown[]) { count++; return original.apply(this, args); } });
      restore.push(() => Object.defineProperty(prototype, name, own));
    }
  }
  try {
    mountLesson({ file: "many.md", title: "Many", html, cells, diagnostics, modules: {} }, root);
  } finally {
    for (const undo of restore) undo();
  }
  expect(root.querySelectorAll(".cell-warning")).toHaveLength(Math.floor(n / 2));
  return count;
}

afterEach(() => document.body.replaceChildren());

describe("mountLesson", () => {
  it("makes as many page queries for 400 cells as for 50 (one query per cell scanned the page n times)", () => {
    const small = countQueries(50);
    const large = countQueries(400);
    expect(small).toBeGreaterThan(0); // The counting works: mounting does query the page.
    expect(large).toBe(small);
  });
});
