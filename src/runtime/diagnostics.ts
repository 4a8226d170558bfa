// Compile diagnostics shown in place: warnings as a small note after their cell's output,
// problems outside any cell in a list at the top of the lesson. (A cell's errors are shown by
// defineCell, which defines the cell to reject with them.)

import { formatDiagnostic, type Diagnostic } from "../contract/diagnostic.ts";

/** Diagnostics grouped by the cell they belong to; `undefined` holds those outside any cell. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): Map<string | undefined, Diagnostic[]> {
  const groups = new Map<string | undefined, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.cell);
    if (group) group.push(diagnostic);
    else groups.set(diagnostic.cell, [diagnostic]);
  }
  return groups;
}

// The page shows the severity with a style (and inline warnings with a prefix), not in the text.
const formatOptions = { severity: false } as const;

// The note shown after each output element: remembered rather than looked up among the parent's
// children, which (every cell being a child of the lesson) made start-up quadratic in the cells.
const notes = new WeakMap<HTMLElement, HTMLElement>();

/** Shows a cell's warnings right after its output element, replacing any shown before. */
export function showCellWarnings(element: HTMLElement, id: string, file: string, diagnostics: readonly Diagnostic[], inline: boolean): void {
  notes.get(element)?.remove();
  notes.delete(element);
  const parent = element.parentNode;
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  if (!parent || !warnings.length) return;
  const note = element.ownerDocument.createElement(inline ? "span" : "div");
  note.className = "cell-diagnostic cell-warning";
  note.dataset.diagnosticFor = id;
  note.textContent = warnings.map((d) => formatDiagnostic(file, d, formatOptions)).join("\n");
  element.after(note);
  notes.set(element, note);
}

/**
 * Marks an inline cell (`${…}` in prose) with warnings found after mount, without adding text to
 * the sentence: a wavy underline, the messages as its tooltip and accessible description.
 */
export function markInlineWarnings(element: HTMLElement, file: string, warnings: readonly Diagnostic[]): void {
  const text = warnings.map((d) => `warning: ${formatDiagnostic(file, d, formatOptions)}`).join("\n");
  element.classList.toggle("cell-has-warning", warnings.length > 0);
  for (const name of ["title", "aria-description"]) {
    if (warnings.length) element.setAttribute(name, text);
    else element.removeAttribute(name);
  }
}

/** Shows diagnostics that belong to no cell on the page in a list at the top of `root`. */
export function showLessonDiagnostics(root: HTMLElement, file: string, diagnostics: readonly Diagnostic[]): void {
  root.querySelector(":scope > .lesson-diagnostics")?.remove();
  if (!diagnostics.length) return;
  const list = root.ownerDocument.createElement("ul");
  list.className = "lesson-diagnostics";
  for (const diagnostic of diagnostics) {
    const item = root.ownerDocument.createElement("li");
    item.className = `cell-diagnostic cell-${diagnostic.severity}`;
    item.textContent = formatDiagnostic(file, diagnostic, formatOptions);
    list.append(item);
  }
  root.prepend(list);
}
