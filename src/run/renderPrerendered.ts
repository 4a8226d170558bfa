// A built page's lesson body with the cells' first outputs written in: what a reader sees before
// JavaScript runs, and what the runtime then takes over (defineCell replaces each output in the
// task its cell settles, so nothing blinks). Plain string work on the compiler's own placeholders
// (compile/markdown/renderCells.ts), not a parse: the outputs come serialised by the DOM that made
// them, and a second parse by happy-dom loses the content of an SVG's <style> and what follows it.
import type { CellState } from "../runtime/types.ts";

const placeholderPattern = /<(div|span) class="(cell-output|cell-inline)" data-cell="([0-9a-z-]+)" data-status="pending"><\/\1>/g;

/**
 * `html` (a compiled lesson body, or a page the bundler made of one) with each settled cell's
 * output (`outputs`, by id, passed through `transform` first) in its empty `[data-cell]`
 * placeholder, marked `data-prerendered`, its status the settled one. A cell of `leaveOut` (its
 * output depends on the moment or the reader) gets its build-time output too, but marked
 * `data-prerendered="placeholder"`, which the theme hides: it holds the output's place, so the
 * live output does not push the page about when it arrives. A pending cell (stalled) stays empty.
 * A fulfilled output of `staticOutputs` (nothing in it listens for an event) is marked
 * `data-static`: the page's runtime may keep it rather than run its cell at start
 * (src/runtime/keepOutput.ts). One of `listeningOutputs` (it listens, but shows nothing its
 * inputs do not decide) is marked `data-hydrate`: the runtime may keep it at start and run its
 * cell a little later (src/runtime/hydrateLater.ts).
 */
export function fillOutputs(
  html: string,
  outputs: Record<string, string>,
  cells: CellState[],
  leaveOut: ReadonlySet<string>,
  transform: (output: string) => string = (output) => output,
  staticOutputs: ReadonlySet<string> = new Set(),
  listeningOutputs: ReadonlySet<string> = new Set(),
): string {
  const states = new Map(cells.map((state) => [state.id, state]));
  return html.replace(placeholderPattern, (placeholder, tag: string, kind: string, id: string) => {
    const state = states.get(id);
    const output = outputs[id];
    if (!state || state.status === "pending" || output === undefined) return placeholder;
    if (leaveOut.has(id)) return `<${tag} class="${kind}" data-cell="${id}" data-status="pending" data-prerendered="placeholder">${transform(output)}</${tag}>`;
    const still = state.status !== "fulfilled" ? "" : staticOutputs.has(id) ? " data-static" : listeningOutputs.has(id) ? " data-hydrate" : "";
    return `<${tag} class="${kind}" data-cell="${id}" data-status="${state.status}"${still} data-prerendered>${transform(output)}</${tag}>`;
  });
}
