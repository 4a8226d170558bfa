// Hot reload: applies a new version of the lesson module, keyed by cell id (a content hash).
// Unchanged cells keep their variables and their output nodes, so charts do not redraw and a
// slider the reader moved keeps its value; changed cells are replaced; the prose is replaced.

import type { DefinedCell, LessonContext } from "./context.ts";
import { deleteCell } from "./defineCell.ts";
import { groupDiagnostics, showCellWarnings, showLessonDiagnostics } from "./diagnostics.ts";
import { carryViewValues, findOutputElement, placeCell } from "./placeCell.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CellDefinition, LessonModule } from "./types.ts";

/** Replaces the mounted lesson with `next`, redefining only the cells that changed. */
export function applyUpdate(context: LessonContext, next: LessonModule): void {
  const groups = groupDiagnostics(next.diagnostics);
  const diagnosticsOf = (id: string) => groups.get(id) ?? [];
  const nextById = new Map(next.cells.map((definition) => [definition.id, definition]));
  context.carry.clear();

  // Delete before defining, so a name that moves between cells is never defined twice.
  const kept = new Map<string, DefinedCell>();
  for (const [id, cell] of context.cells) {
    const definition = nextById.get(id);
    if (definition && isSameCell(cell, definition, diagnosticsOf(id))) {
      kept.set(id, cell);
    } else {
      carryViewValues(context, cell);
      deleteCell(context, cell);
    }
  }

  context.module = next;
  context.root.innerHTML = next.html;
  const cells = new Map<string, DefinedCell>();
  for (const definition of next.cells) {
    const cell = kept.get(definition.id);
    if (cell) {
      moveOutput(context, cell);
      // Keep the running definition (it may carry a reader's edit); take the new position.
      cell.definition = { ...cell.definition, line: definition.line, column: definition.column, options: definition.options };
      cell.diagnostics = diagnosticsOf(definition.id);
      showCellWarnings(cell.element, definition.id, next.file, cell.diagnostics, definition.inline);
      cells.set(definition.id, cell);
    } else if (!cells.has(definition.id)) {
      cells.set(definition.id, placeCell(context, definition, diagnosticsOf(definition.id)));
    }
  }
  context.cells = cells;
  showLessonDiagnostics(context.root, next.file, unplacedDiagnostics(next.diagnostics, cells));
}

/** The diagnostics no cell on the page shows: those without a cell, or for a cell not in the lesson. */
export function unplacedDiagnostics(diagnostics: readonly Diagnostic[], cells: ReadonlyMap<string, unknown>): Diagnostic[] {
  return diagnostics.filter((d) => d.cell === undefined || !cells.has(d.cell));
}

// A cell is kept when nothing that decides how it runs changed: its id covers the source;
// the options and compile errors (which can change with other cells) are checked here.
function isSameCell(cell: DefinedCell, definition: CellDefinition, diagnostics: readonly Diagnostic[]): boolean {
  return cell.definition.options.run === definition.options.run && errorsOf(cell.diagnostics) === errorsOf(diagnostics);
}

function errorsOf(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.message]));
}

// Moves the kept output node into the new HTML's placeholder, taking the placeholder's
// attributes (classes may have changed with options) but keeping the live status.
function moveOutput(context: LessonContext, cell: DefinedCell): void {
  const placeholder = findOutputElement(context.root, cell.definition.id);
  if (!placeholder) {
    context.root.append(cell.element);
    return;
  }
  const status = cell.element.dataset.status;
  for (const { name } of Array.from(cell.element.attributes)) if (!placeholder.hasAttribute(name)) cell.element.removeAttribute(name);
  for (const { name, value } of Array.from(placeholder.attributes)) cell.element.setAttribute(name, value);
  if (status) cell.element.dataset.status = status;
  placeholder.replaceWith(cell.element);
}
