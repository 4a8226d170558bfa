import { expect, it } from "vitest";
import { describeProblem } from "../../src/editor/describeProblem.ts";

it("places the edit's own problems within the cell and other cells' problems at their line", () => {
  expect(describeProblem({ line: 2, column: 12, message: "Unexpected token", cell: "a" }, "a")).toBe("Line 2, column 12: Unexpected token");
  expect(describeProblem({ line: 1, column: 1, message: "No name" }, "a")).toBe("Line 1, column 1: No name");
  expect(describeProblem({ line: 7, column: 7, message: "y is defined twice", cell: "b" }, "a")).toBe(
    "In the cell at line 7 of the lesson: y is defined twice",
  );
});
