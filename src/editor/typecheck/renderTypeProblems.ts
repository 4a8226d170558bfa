// The list under a cell's editor of what the checker found: each problem with its line and column
// in the cell, and a sentence that says type errors only warn. All text goes in as text nodes.

/** One line of the list. */
export interface ListedProblem {
  severity: "warning" | "error";
  message: string;
  /** Where, e.g. "Line 1, column 30" or "In the cell at line 40 of the lesson". */
  place: string;
}

const listClass = "cell-type-problems";

const CSS = `
.${listClass} { margin-top: 0.4rem; padding: 0.35rem 0.6rem; border-left: 3px solid var(--warning, #9a6700); background: var(--warning-bg, #fdf7e6); color: var(--warning-fg, #6b4a00); font: 0.8125rem/1.4 var(--sans-serif, system-ui, sans-serif); }
.${listClass} p { margin: 0; }
.${listClass} ul { margin: 0.2rem 0 0; padding-left: 1.1rem; font-family: var(--monospace, ui-monospace, monospace); white-space: pre-wrap; }
.${listClass} li.type-problem-error { color: var(--error-fg, #8c2a1c); }
`;

/**
 * Shows `problems` at the end of `container` (a cell's editor), or removes the list when there are
 * none. A problem the cell's error box already shows (an edit that did not build, createCellView.ts)
 * is not listed again.
 */
export function renderTypeProblems(container: HTMLElement, all: readonly ListedProblem[], note?: string): void {
  const doc = container.ownerDocument;
  const shown = new Set([...container.querySelectorAll(":scope > .cell-error > .cell-error-line")].map((line) => line.textContent));
  const problems = all.filter((problem) => !shown.has(`${problem.place}: ${problem.message}`));
  injectTypeStyles(doc);
  let list = container.querySelector<HTMLElement>(`:scope > .${listClass}`);
  if (problems.length === 0 && !note) {
    list?.remove();
    return;
  }
  if (!list) {
    list = doc.createElement("div");
    list.className = listClass;
    container.append(list);
  }
  const heading = doc.createElement("p");
  const warnings = problems.filter((p) => p.severity === "warning").length;
  heading.textContent =
    note ??
    (warnings === problems.length
      ? `Type ${warnings === 1 ? "error" : "errors"} (a warning: the cell still runs, as in the TypeScript Playground):`
      : "Problems found while you type (type errors only warn; a syntax error stops the cell until it is fixed):");
  const items = doc.createElement("ul");
  for (const problem of problems) {
    const item = items.appendChild(doc.createElement("li"));
    item.className = `type-problem-${problem.severity}`;
    item.textContent = `${problem.place}: ${problem.message}`;
  }
  list.replaceChildren(heading, ...(problems.length ? [items] : []));
}

function injectTypeStyles(doc: Document): void {
  if (doc.querySelector("style[data-live-lesson-types]")) return;
  const style = doc.createElement("style");
  style.dataset.liveLessonTypes = "";
  style.textContent = CSS;
  doc.head.append(style);
}
