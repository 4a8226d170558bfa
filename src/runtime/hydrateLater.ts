// The prerendered outputs a built page keeps at start although they listen for events: an
// `Inputs.table` sorts and selects, so the build marks it `data-hydrate`, not `data-static`
// (src/run/renderPrerendered.ts). A trace of the worked example's cold load had that table's first
// run (its number formatter's first `toLocaleString` initialises ICU; htl builds its template)
// as the largest JavaScript between first paint and interactive, though its output was already
// in the page. So its cell keeps the output (keepOutput.ts) and runs a little later, once:
// - at once when the reader reaches for the output: the pointer comes over it, a press or focus
//   lands in it. Caught in the capture phase at the output, before anything inside sees it. The
//   runtime computes in microtasks (skipFrameWait.ts) and the cell's inputs are there once its
//   kept first run has passed (the libraries it reads loaded for it), so the fresh output, with
//   its listeners, is in place before the next task, and a click (which follows a pointerover or
//   a pointerdown) acts on it. Focus inside the old output moves to the same place in the new.
// - otherwise at the first idle moment after the lesson has settled and a frame has shown it,
//   one cell per idle callback, so no frame waits for more than one cell.
// An input the cell reads that moves first runs it as usual, and then nothing is left to do.

import type { DefinedCell } from "./context.ts";
import type { LessonApi } from "./types.ts";

/** What brings a run at once: the reader reaching for the output. */
const READER_EVENTS = ["pointerover", "pointerdown", "focusin", "touchstart"] as const;

/** The longest wait for an idle moment, in milliseconds, once the lesson has settled. */
export const IDLE_TIMEOUT_MS = 500;

/** The longest wait for the frame that shows the settled lesson (none comes in a hidden tab). */
const FRAME_TIMEOUT_MS = 100;

/**
 * Runs each of `cells` (kept cells with `runKept`) once, when the reader reaches for its output or
 * at idle time after `api.idle()` first resolves. From now on `api.idle()` also waits for them, so
 * whoever waits for the page (a test, a script) finds every output live.
 */
export function hydrateLater(cells: readonly DefinedCell[], api: LessonApi, view: Window): void {
  const waiting = new Set(cells);
  let allDone!: () => void;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const settled = api.idle;
  const hydrate = (cell: DefinedCell): void => {
    if (!waiting.delete(cell)) return;
    for (const type of READER_EVENTS) cell.element.removeEventListener(type, onReach, true);
    cell.runKept?.();
    if (waiting.size === 0) allDone();
  };
  function onReach(this: HTMLElement, event: Event): void {
    const cell = cells.find((c) => c.element === this);
    if (!cell || !waiting.has(cell)) return;
    const path = event.type === "focusin" ? findPath(this, event.target) : undefined;
    hydrate(cell);
    if (path) void settled().then(() => restoreFocus(this, path));
  }
  for (const cell of cells) {
    // Passive: a touch that scrolls the page must not wait for the run.
    for (const type of READER_EVENTS) cell.element.addEventListener(type, onReach, { capture: true, passive: true });
  }
  const next = (): void => {
    const cell = waiting.values().next().value;
    if (!cell) return;
    hydrate(cell);
    void settled().then(() => whenIdle(view, next));
  };
  void settled()
    .then(() => afterFrame(view))
    .then(() => whenIdle(view, next));
  api.idle = () => settled().then(() => done).then(settled);
}

function whenIdle(view: Window, run: () => void): void {
  if (view.requestIdleCallback) view.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else view.setTimeout(run);
}

function afterFrame(view: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = view.setTimeout(resolve, FRAME_TIMEOUT_MS);
    view.requestAnimationFrame(() => (view.clearTimeout(timer), resolve()));
  });
}

/** The child indices from `root` down to `target`, or undefined when it is not inside. */
function findPath(root: Node, target: EventTarget | null): number[] | undefined {
  const path: number[] = [];
  for (let node = target as Node | null; node && node !== root; node = node.parentNode) {
    if (!node.parentNode) return undefined;
    path.unshift(Array.prototype.indexOf.call(node.parentNode.childNodes, node));
  }
  return path;
}

/** Focuses the node at `path` under `root` (the fresh output), when focus was lost with the old one. */
function restoreFocus(root: HTMLElement, path: readonly number[]): void {
  const active = root.ownerDocument.activeElement;
  if (active && active !== root.ownerDocument.body && active.isConnected) return;
  let node: Node | undefined = root;
  for (const index of path) node = node?.childNodes[index];
  if (node instanceof HTMLElement || node instanceof SVGElement) node.focus();
}
