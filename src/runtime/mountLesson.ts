// Mounts a compiled lesson: renders its HTML, defines its cells on one Observable runtime and
// returns the handle hot reload and the editor use. The orchestrator of src/runtime/.

import { Runtime } from "@observablehq/runtime";
import { announceChanges } from "./announceChanges.ts";
import { createApi, waitSettled } from "./api.ts";
import { createBuiltins } from "./builtins.ts";
import type { DefinedCell, LessonContext } from "./context.ts";
import { deleteCell } from "./defineCell.ts";
import { focusScrollables } from "./focusScrollables.ts";
import { hydrateLater } from "./hydrateLater.ts";
import { findKeepable } from "./keepOutput.ts";
import { groupDiagnostics, markInlineWarnings, showCellWarnings, showLessonDiagnostics } from "./diagnostics.ts";
import { applyUpdate, unplacedDiagnostics } from "./hotUpdate.ts";
import { carryViewValues, findOutputElements, placeCell } from "./placeCell.ts";
import { applySubsets, provideLibrary, provideWholeLibraries } from "./provideLibrary.ts";
import { skipFrameWait } from "./skipFrameWait.ts";
import { StatusBoard } from "./status.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import type { CellDefinition, CellState, LessonHandle, LessonModule } from "./types.ts";

/** Renders `module` into `root` (default `main#lesson`, created if missing) and runs its cells. */
export function mountLesson(module: LessonModule, root: HTMLElement = findRoot()): LessonHandle {
  // A built page already holds the lesson's HTML (the module reads it from there): keep it.
  if (root.innerHTML !== module.html) root.innerHTML = module.html;
  const builtins = createBuiltins(root);
  const runtime = new Runtime(applySubsets(builtins, module.libraries));
  const libraries = { runtime, builtins, subsets: new Map(Object.entries(module.libraries ?? {})) };
  skipFrameWait(runtime);
  let wholeLibraries: Promise<boolean> | undefined;
  const context: LessonContext = {
    root,
    runtime,
    main: runtime.module(),
    board: new StatusBoard(),
    cells: new Map<string, DefinedCell>(),
    module,
    carry: new Map(),
    // Once for the page: every cell that reached a left-out package waits for the same switch.
    provideWholeLibraries: () => (wholeLibraries ??= provideWholeLibraries(libraries)),
  };
  const groups = groupDiagnostics(module.diagnostics);
  const elements = findOutputElements(root);
  // A built page's static outputs are kept until an input changes (keepOutput.ts).
  const keepable = findKeepable(module.cells);
  context.keeping = keepable.size > 0;
  for (const definition of module.cells) {
    if (!context.cells.has(definition.id)) context.cells.set(definition.id, placeCell(context, definition, groups.get(definition.id) ?? [], elements.get(definition.id), keepable.get(definition.id)));
  }
  showLessonDiagnostics(root, module.file, unplacedDiagnostics(module.diagnostics, context.cells));
  const api = createApi(context);
  // Kept outputs that listen (an Inputs.table) get their cells' runs once the page is up.
  const later = [...context.cells.values()].filter((cell) => cell.runKept);
  if (later.length) hydrateLater(later, api, root.ownerDocument.defaultView ?? window);
  if (typeof window !== "undefined") window.lesson = api;
  announceChanges(root, context.board);
  focusScrollables(root);
  let extra: Diagnostic[] = [];
  const showExtra = () => {
    const groups = groupDiagnostics(extra);
    for (const [id, cell] of context.cells) {
      const found = groups.get(id) ?? [];
      // In prose, a note would break the sentence: the value is marked instead.
      if (cell.definition.inline) markInlineWarnings(cell.element, context.module.file, found);
      else showCellWarnings(cell.element, id, context.module.file, [...cell.diagnostics, ...found], false);
    }
    const unplaced = unplacedDiagnostics([...context.module.diagnostics, ...extra], context.cells);
    showLessonDiagnostics(root, context.module.file, unplaced);
  };
  return {
    update: (next) => {
      applyUpdate(context, next);
      if (extra.length) showExtra();
    },
    setWarnings: (warnings) => {
      extra = warnings.map((warning) => ({ ...warning, severity: "warning" }));
      showExtra();
    },
    provideLibrary: (name, members) => provideLibrary(libraries, name, members),
    redefine: (definition, diagnostics) => redefineCell(context, definition, diagnostics),
    definition: (id) => context.cells.get(id)?.definition,
    onStatus: (listener) => context.board.subscribe(listener),
    api,
  };
}

/**
 * Replaces the cell whose id is `definition.id` (the cell's original id: an edit keeps its slot
 * even though its new source would hash differently). Inputs it declares keep their values.
 */
async function redefineCell(context: LessonContext, definition: CellDefinition, diagnostics: readonly Diagnostic[] = []): Promise<CellState> {
  const old = context.cells.get(definition.id);
  if (!old) throw new Error(`redefine: no cell ${definition.id} in ${context.module.file}`);
  context.keeping = false; // A kept output shows the author's cells' values.
  carryViewValues(context, old);
  deleteCell(context, old);
  context.cells.set(definition.id, placeCell(context, definition, diagnostics, old.element));
  if (!definition.options.run) {
    old.element.replaceChildren();
    return { id: definition.id, line: definition.line, status: "fulfilled" };
  }
  return waitSettled(context, definition.id);
}

function findRoot(): HTMLElement {
  const found = document.querySelector<HTMLElement>("main#lesson");
  if (found) return found;
  const main = document.createElement("main");
  main.id = "lesson";
  document.body.append(main);
  return main;
}
