// Finds (or makes) a cell's output element in the page, defines the cell there and shows its warnings.

import type { DefinedCell, LessonContext } from "./context.ts";
import { defineCell } from "./defineCell.ts";
import { isMovedInput } from "./noteFirstValue.ts";
import { showCellWarnings } from "./diagnostics.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CellDefinition } from "./types.ts";

/** The output element `[data-cell=id]` under `root`, or undefined. */
export function findOutputElement(root: ParentNode, id: string): HTMLElement | undefined {
  return root.querySelector<HTMLElement>(`[data-cell="${CSS.escape(id)}"]`) ?? undefined;
}

/**
 * Every output element under `root` by cell id (the first of each), in one pass: a query per cell
 * scans the page once per cell, which made a page of 10,000 cells take 40 s to start.
 */
export function findOutputElements(root: ParentNode): Map<string, HTMLElement> {
  const found = new Map<string, HTMLElement>();
  for (const element of root.querySelectorAll<HTMLElement>("[data-cell]")) {
    const id = element.dataset.cell;
    if (id !== undefined && !found.has(id)) found.set(id, element);
  }
  return found;
}

/**
 * Defines `definition` in its placeholder. A cell missing from the HTML gets an element at the end of
 * the lesson. `keep` (at start only): the cells it reads from, when its prerendered output may be
 * kept instead of its first run (keepOutput.ts).
 */
export function placeCell(context: LessonContext, definition: CellDefinition, diagnostics: readonly Diagnostic[], element = findOutputElement(context.root, definition.id), keep?: readonly string[]): DefinedCell {
  if (!element) {
    element = context.root.ownerDocument.createElement(definition.inline ? "span" : "div");
    element.dataset.cell = definition.id;
    context.root.append(element);
  }
  if (!definition.options.run) delete element.dataset.status; // A listing never runs, so it is never pending.
  const cell = defineCell(context, definition, element, diagnostics, keep);
  showCellWarnings(element, definition.id, context.module.file, diagnostics, definition.inline);
  return cell;
}

/**
 * Records the values of a cell's view inputs that the reader moved, so a redefined cell with the same
 * names takes them over. An input still at its first value is left out: the new definition's default
 * applies (a `value:` changed in the .md shows at once, while a reader's own setting is kept).
 */
export function carryViewValues(context: LessonContext, cell: DefinedCell): void {
  for (const [name, element] of cell.views) {
    const value = (element as Element & { value: unknown }).value;
    if (isMovedInput(element, value)) context.carry.set(name, value);
  }
}
