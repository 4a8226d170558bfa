// Which cells of a headless run are reported: the first failures, at their .md line; not their readers.
import { describe, expect, test } from "vitest";
import { reportCells } from "../../src/check/reportCells.ts";
import { compileLesson } from "../../src/compile/index.ts";
import type { CellState } from "../../src/runtime/types.ts";

const lesson = compileLesson(
  ["# R", "", "```ts", "const a = 1", "```", "", "```ts", "const b = a * 2", "```", "", "```ts", "const c = 3", "```", "", "```ts", "const = ;", "```", ""].join("\n"),
  { file: "r.md" },
);
const [a, b, c, broken] = lesson.cells;
const state = (cell: (typeof lesson.cells)[number], status: CellState["status"], error?: string): CellState => ({ id: cell.id, line: cell.line, status, error });

describe("reportCells", () => {
  test("a rejected cell is an error at its line; the cells reading it are left out", () => {
    const problems = reportCells("r.md", lesson, [state(a, "rejected", "boom"), state(b, "rejected", "boom"), state(c, "fulfilled")], 15_000);
    expect(problems).toEqual([
      { file: "r.md", line: a.line, column: 1, cell: a.id, severity: "error", code: "runtime", message: "the cell fails when it runs: boom" },
    ]);
  });

  test("a cell still pending is a warning that says how long the run waited", () => {
    const problems = reportCells("r.md", lesson, [state(a, "fulfilled"), state(c, "pending")], 15_000);
    expect(problems).toMatchObject([{ line: c.line, severity: "warning", message: "the cell is still running after 15 s" }]);
  });

  test("a cell the runtime gave up waiting for is a warning in the runtime's words", () => {
    const stalled = { ...state(c, "pending", "Still waiting: this cell has produced no value for 10 s (a promise that never settles?)"), stalled: true };
    expect(reportCells("r.md", lesson, [stalled], 10_400)).toMatchObject([{ line: c.line, severity: "warning", message: "the cell has produced no value for 10 s (a promise that never settles?)" }]);
  });

  test("a cell the compiler already rejected is not reported again", () => {
    expect(lesson.diagnostics.some((d) => d.cell === broken.id && d.severity === "error")).toBe(true);
    expect(reportCells("r.md", lesson, [state(broken, "rejected", "SyntaxError")], 15_000)).toEqual([]);
  });
});
