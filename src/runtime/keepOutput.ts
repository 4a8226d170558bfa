// A built page's prerendered output kept at start instead of running its cell. The build wrote
// every cell's output at its defaults into the page; a cell no other cell reads, whose output has
// no listener in it (the build marks it `data-static`: a Plot chart without pointer interaction, a
// number, a paragraph) and whose inputs are those of the build's run, would only draw the same
// output again. Its first run is skipped and the cell reported fulfilled, never pending; the next
// run (an input changed) runs it as usual. A trace of the built worked example's start had the
// first runs of its four Plot charts as the largest JavaScript between first paint and interactive.

import { findLibraryBuiltins } from "../contract/builtins.ts";
import type { LessonContext } from "./context.ts";
import { isMovedInput } from "./noteFirstValue.ts";
import type { CellDefinition } from "./types.ts";

/** What a kept cell's first run gives instead of running: its observer leaves the output as it is. */
export const KEPT: unique symbol = Symbol("kept output");

const libraries = new Set<string>(findLibraryBuiltins().map(([name]) => name));

/**
 * The cells whose prerendered output a page may keep, each with the ids of the cells it reads
 * from, transitively. Kept: a cell no other cell reads (it declares nothing), that is no generator
 * and no exercise, reading only library builtins, its own `display` and names of such cells; each of those reads only
 * library builtins, its own `view` and `display` and names of such cells. So no cell in the chain
 * reads `width`, `now`, the reader's exercises, timers, `Mutable`, `invalidation` or an imported
 * module (and the build marks no output static whose cell, or a cell it reads, could read more
 * than its inputs: src/run/findStaticOutputs.ts): at start its inputs are the build run's, unless the reader moved an input or something
 * redefined a cell (isStillKept checks those when the cell first runs).
 */
export function findKeepable(cells: readonly CellDefinition[]): Map<string, string[]> {
  const declaredBy = new Map<string, CellDefinition>();
  for (const cell of cells) for (const name of cell.outputs) declaredBy.set(name, cell);
  const stable = new Map<string, Set<string> | null>(); // id → upstream ids, null: not stable (or in a cycle)
  const findUpstream = (cell: CellDefinition, allowed: ReadonlySet<string>): Set<string> | null => {
    if (stable.has(cell.id)) return stable.get(cell.id)!;
    stable.set(cell.id, null);
    if (!cell.options.run || cell.generator || cell.exercise !== undefined) return null;
    const upstream = new Set<string>();
    for (const name of cell.params) {
      if (libraries.has(name) || allowed.has(name)) continue;
      const source = declaredBy.get(name);
      const above = source && findUpstream(source, ownInputs);
      if (!source || !above) return null;
      upstream.add(source.id);
      for (const id of above) upstream.add(id);
    }
    stable.set(cell.id, upstream);
    return upstream;
  };
  const keepable = new Map<string, string[]>();
  for (const cell of cells) {
    if (cell.outputs.length) continue;
    const upstream = findUpstream(cell, none);
    if (upstream) keepable.set(cell.id, [...upstream]);
  }
  return keepable;
}

const none: ReadonlySet<string> = new Set(["display"]);
const ownInputs: ReadonlySet<string> = new Set(["view", "display"]);

/**
 * True when `element` holds a fulfilled prerendered output the build marked static, or marked
 * `data-hydrate` (it listens: its cell runs a little later, hydrateLater.ts).
 */
export function isKeepableOutput(element: HTMLElement): boolean {
  return (element.dataset.static !== undefined || isHydratedLater(element)) && element.dataset.prerendered === "" && element.dataset.status === "fulfilled";
}

/** True when `element`'s prerendered output listens for events, so a kept one must still be run once. */
export function isHydratedLater(element: HTMLElement): boolean {
  return element.dataset.hydrate !== undefined;
}

/**
 * At a kept cell's first run: true when its prerendered output is still what the run would show.
 * Not once anything redefined a cell or set a value (`context.keeping` is off), nor once the
 * output was replaced (an input's error), nor when an input it reads, however far up, has moved
 * from its first value.
 */
export function isStillKept(context: LessonContext, element: HTMLElement, upstream: readonly string[]): boolean {
  if (!context.keeping || element.dataset.prerendered === undefined) return false;
  for (const id of upstream) {
    const cell = context.cells.get(id);
    if (!cell?.active) return false;
    for (const view of cell.views.values()) if (isMovedInput(view, (view as Element & { value: unknown }).value)) return false;
  }
  return true;
}
