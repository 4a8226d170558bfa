// Which cells' outputs carry no live behaviour: nothing in them listens for an event, so the
// output is all there is to it (a Plot chart without pointer interaction, a number, a paragraph).
// A built page marks them (renderPrerendered.ts), and the page's runtime keeps such an output
// instead of running its cell at start (src/runtime/keepOutput.ts).

import { findReaders, type ReadingCell } from "../compile/cell/findReaders.ts";
import { documentNames } from "./findRunnerBody.ts";

const listened = new WeakSet<object>();

/**
 * Notes every target that gets an event listener from now on. Called once in the runner's worker,
 * before any library loads: a listener added by Inputs, Plot or a cell is then known.
 */
export function watchListeners(): void {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
    listened.add(this);
    return add.apply(this, args);
  };
}

// The `on…` handler properties of each prototype (`onclick`, `oninput`…), found once per prototype.
const handlerNames = new WeakMap<object, string[]>();

function findHandlerNames(node: object): string[] {
  const prototype = Object.getPrototypeOf(node) as object;
  let names = handlerNames.get(prototype);
  if (!names) {
    const found = new Set<string>();
    for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
      for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (name.startsWith("on") && descriptor.get) found.add(name);
    }
    names = [...found];
    handlerNames.set(prototype, names);
  }
  return names;
}

function isListening(element: Element): boolean {
  if (listened.has(element)) return true;
  for (const attribute of element.attributes) if (attribute.name.startsWith("on")) return true;
  const handlers = element as unknown as Record<string, unknown>;
  return findHandlerNames(element).some((name) => handlers[name] != null);
}

/** True when no element of `output`'s content has an event listener or an `on…` handler. */
export function isStaticOutput(output: Element): boolean {
  for (const element of output.querySelectorAll("*")) if (isListening(element)) return false;
  return true;
}

// Names through which a cell's value could depend on more than its inputs: the document around
// its output (findRunnerBody.ts), the reader's window, screen, storage and theme, the clock, chance.
// Conservative (a property of that name counts too).
const readsOutside = new RegExp(
  `\\b(?:${documentNames}|navigator|location|localStorage|sessionStorage|indexedDB|matchMedia|getComputedStyle|innerWidth|innerHeight|devicePixelRatio|screen|Date|performance|random|crypto|fetch|XMLHttpRequest)\\b`,
);

/**
 * The ids of the cells whose value could differ in the reader's page from the build's run even at
 * the same inputs: a cell that names the window, the document around its output, storage, the clock
 * or chance, and every cell that reads (however far down) from one. Their outputs are not marked
 * static: a page keeps a static output until an input moves, and the reader's dark theme, window or
 * date would not show.
 */
export function findOutsideReaders(cells: readonly (ReadingCell & { source: string })[]): Set<string> {
  return findReaders(cells, cells.filter((cell) => readsOutside.test(cell.source)).map((cell) => cell.id));
}
