// The body a prerender run mounts: only the lesson's output slots, when nothing the cells run can
// read the rest. The prose's KaTeX and highlighting markup is most of a lesson body's elements (the
// generated 1,000-cell lesson: 1.6 MB, 24,000 spans for 1,001 outputs), and parsing it into
// happy-dom, then walking it, was about a third of the run's CPU: none of it reaches the page,
// which takes only the outputs (renderPrerendered.ts writes them into the compiled body).
import type { Lesson } from "../compile/index.ts";

// The compiler's empty output slots (compile/markdown/renderCells.ts, the blanks' hidden truths).
const slotPattern = /<(div|span) class="(?:cell-output|cell-inline|blank-truth)" data-cell="[0-9a-z-]+" data-status="pending"(?: hidden)?><\/\1>/g;

/**
 * Names through which a cell could reach the document around its output: the globals that are the
 * window, and the members that lead from an element to its parents or siblings.
 */
export const documentNames = "document|window|globalThis|self|top|parent|frames|ownerDocument|parentNode|parentElement|offsetParent|closest|getRootNode|previousSibling|nextSibling|previousElementSibling|nextElementSibling";

// Conservative (a word in a comment counts too): a lesson that names one is run on its whole body, as before.
const readsDocument = new RegExp(`\\b(?:${documentNames})\\b`);

/**
 * The body to mount for a prerender run of `lesson`: its output slots alone, one after another,
 * when no cell can tell the difference; else the compiled body. A cell that names the document or
 * an element's surroundings, an import other than `live-lesson/math` (a module may read the page), a
 * `<label>` in the prose (the runtime names a form control by a label for it anywhere in the
 * document) or a slot of another kind (an inline value inside SVG) keeps the whole body.
 */
export function findRunnerBody(lesson: Lesson): string {
  const slots = lesson.html.match(slotPattern) ?? [];
  const whole =
    slots.length !== lesson.html.split("data-cell=").length - 1 ||
    /<label\b/i.test(lesson.html) ||
    lesson.cells.some((cell) => readsDocument.test(cell.source) || cell.imports.some((specifier) => specifier !== "live-lesson/math"));
  return whole ? lesson.html : slots.join("\n");
}
