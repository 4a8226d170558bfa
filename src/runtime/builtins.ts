// The builtins every cell can read. Libraries are dynamic imports, so Vite splits them into
// their own chunks and the runtime loads one only when an observed cell reaches it. The names come
// from the registry (src/contract/builtins.ts): a builtin it lists and this table lacks fails to
// type-check. The imports stay literal so that Vite sees them.

import type { BuiltinName, builtins } from "../contract/builtins.ts";
import { Generators, now, width } from "./generators.ts";
import { Mutable } from "./mutable.ts";

/** A `tex` tagged template: inline math as a span; `tex.block` for display math. */
export type Tex = ((strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement) & {
  block: (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;
};

/**
 * The builtins defined once per page: all but the registry's per-cell ones (`display`, `view`,
 * `invalidation`), which defineCell and the Observable runtime make for each cell.
 */
export type PageBuiltinName = { [K in BuiltinName]: (typeof builtins)[K]["kind"] extends "cell" ? never : K }[BuiltinName];

/** The runtime's builtins for a lesson mounted in `root` (each function is a lazy definition). */
export function createBuiltins(root: HTMLElement): Record<PageBuiltinName, () => unknown> {
  return {
    width: () => width(root),
    now: () => now(),
    Generators: () => Generators,
    Mutable: () => Mutable,
    guess: () => import("./guess.ts").then((module) => module.guess),
    // An exercise's variant: the first of the fixed seeds until "New variant" sets another
    // (src/learn/exercise/); each exercise's starter reads its own (defineCell's exerciseSeedName).
    seed: () => 1,
    // Empty until src/learn/exercise/ defines it (not at all in a build's headless run).
    exercises: () => ({}),
    Plot: () => import("@observablehq/plot"),
    Inputs: () => loadInputs(),
    d3: () => import("d3"),
    html: () => import("htl").then((htl) => htl.html),
    svg: () => import("htl").then((htl) => htl.svg),
    tex: () => import("katex").then((katex) => createTex(katex.default)),
  };
}

async function loadInputs(): Promise<typeof import("@observablehq/inputs")> {
  const [inputs] = await Promise.all([import("@observablehq/inputs"), import("@observablehq/inputs/dist/index.css")]);
  return inputs;
}

/** Builds `tex` over KaTeX; errors in the TeX render in red in place rather than throwing. */
export function createTex(katex: { render(tex: string, element: HTMLElement, options: object): void }): Tex {
  const renderer = (displayMode: boolean) =>
    function (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
      const element = document.createElement(displayMode ? "div" : "span");
      // trust: false (KaTeX's default, stated so it stays): no \href, \includegraphics, \htmlClass…
      katex.render(String.raw(strings, ...values), element, { displayMode, throwOnError: false, trust: false, maxExpand: 1000 });
      return element;
    };
  return Object.assign(renderer(false), { block: renderer(true) });
}
