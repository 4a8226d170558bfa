// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { createCellView } from "../../../src/editor/createCellView.ts";
import { renderTypeProblems, type ListedProblem } from "../../../src/editor/typecheck/renderTypeProblems.ts";

function cellView() {
  document.body.replaceChildren();
  const listing = document.body.appendChild(document.createElement("pre"));
  return createCellView(listing, "c7", 7, { run: () => undefined, reset: () => undefined, keep: () => undefined });
}

const syntax: ListedProblem = { severity: "error", place: "Line 4, column 1", message: "SyntaxError: Unexpected token" };
const typeError: ListedProblem = { severity: "warning", place: "Line 2, column 10", message: "Type 'string' is not assignable to type 'number'." };
const listed = (container: HTMLElement) => [...container.querySelectorAll(".cell-type-problems li")].map((item) => item.textContent);

describe("the problems found while typing", () => {
  it("are listed under the editor, errors and warnings", () => {
    const view = cellView();
    renderTypeProblems(view.container, [syntax, typeError]);
    expect(listed(view.container)).toEqual(["Line 4, column 1: SyntaxError: Unexpected token", "Line 2, column 10: Type 'string' is not assignable to type 'number'."]);
  });

  it("leave out what the cell's error box shows, whichever came first", () => {
    // The box first (a run refused the edit), then the checker's answer.
    const view = cellView();
    view.showProblems(["Line 4, column 1: SyntaxError: Unexpected token"]);
    renderTypeProblems(view.container, [syntax, typeError]);
    expect(listed(view.container)).toEqual(["Line 2, column 10: Type 'string' is not assignable to type 'number'."]);
    expect(view.container.querySelector(".cell-type-problems p")?.textContent).toMatch(/^Type error \(a warning/);

    // The checker's answer first, then a run refused the edit: the list loses the line, and goes
    // when nothing is left in it.
    const other = cellView();
    renderTypeProblems(other.container, [syntax]);
    expect(listed(other.container)).toHaveLength(1);
    other.showProblems(["Line 4, column 1: SyntaxError: Unexpected token"]);
    expect(other.container.querySelector(".cell-type-problems")).toBeNull();
    expect(other.container.querySelectorAll(".cell-error-line")).toHaveLength(1);
  });
});
