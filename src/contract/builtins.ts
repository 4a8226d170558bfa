// The registry of builtins: every name a cell may read without any cell defining it. It is the only
// list: the compiler's scope analysis, the runtime's definitions, the build's library chunks and
// subsets, the editor and the type checker all derive theirs from it, and a test checks that
// src/types/lesson-globals.d.ts declares exactly these names.

/** How the runtime provides a builtin. */
export type BuiltinKind =
  /** Made for each cell (its own `display`, `view`, `invalidation`). */
  | "cell"
  /** One value for the whole page, defined by the runtime (`width`, `now`, `Mutable`…). */
  | "value"
  /** An npm package loaded on first use, in a chunk of its own (`Plot`, `d3`…). */
  | "library";

/** What the registry says of one builtin. */
export interface Builtin {
  kind: BuiltinKind;
  /** The npm package a library builtin loads. */
  package?: string;
  /**
   * A library a built page may load only some members of (`Plot.line`, `d3.range`): `trimEntry`
   * when the package's entry has side effects and must be copied without the unused re-exports.
   */
  subset?: { trimEntry: boolean };
  /** One line for the reference and for completion. */
  doc: string;
  /**
   * Where the builtin exists, when not in every cell: `"exercise"` for exercise starters and their
   * check expressions (`seed`); any other cell reading the name gets an undefined-name error.
   */
  scope?: "exercise";
}

/** Every builtin, by name. */
export const builtins = {
  display: { kind: "cell", doc: "Appends a value to the cell's output." },
  view: { kind: "cell", doc: "Shows an input in the cell's output and yields its value." },
  invalidation: { kind: "cell", doc: "Resolves just before the cell reruns or is removed." },
  width: { kind: "value", doc: "The width of the lesson's main column in pixels." },
  now: { kind: "value", doc: "The current time in milliseconds, updated every animation frame." },
  Generators: { kind: "value", doc: "Values that change over time (input, observe, queue, now, width)." },
  Mutable: { kind: "value", doc: "A value its declaring cell changes through `.value`." },
  guess: { kind: "value", doc: "Lets the reader place a point on a Plot chart (mouse or keyboard) before the true point is drawn: guess(chart, {id, truth})." },
  Plot: { kind: "library", package: "@observablehq/plot", subset: { trimEntry: true }, doc: "Observable Plot." },
  Inputs: { kind: "library", package: "@observablehq/inputs", subset: { trimEntry: false }, doc: "Observable Inputs: sliders, menus, tables…" },
  d3: { kind: "library", package: "d3", subset: { trimEntry: false }, doc: "D3." },
  html: { kind: "library", package: "htl", doc: "HTML from a template literal." },
  svg: { kind: "library", package: "htl", doc: "SVG from a template literal." },
  tex: { kind: "library", package: "katex", doc: "TeX rendered with KaTeX (tex.block for display math)." },
  exercises: { kind: "value", doc: "Each exercise's state, variant and last counterexample by id, for charts that mark it: exercises.dLdw?.counterexample." },
  seed: { kind: "value", scope: "exercise", doc: "The exercise's variant, a positive integer (exercise and check cells only; \"New variant\" draws another)." },
} as const satisfies Record<string, Builtin>;

/** The name of a builtin. */
export type BuiltinName = keyof typeof builtins;

/** Every builtin's name, in the registry's order. */
export const builtinNames = Object.keys(builtins) as BuiltinName[];

/** True when `name` is a builtin. */
export function isBuiltin(name: string): name is BuiltinName {
  return Object.hasOwn(builtins, name);
}

/** True when `name` is a builtin a cell of `role` may read (`seed` only in exercise and check cells). */
export function isBuiltinIn(name: string, role: "exercise" | undefined): boolean {
  if (!isBuiltin(name)) return false;
  const builtin: Builtin = builtins[name];
  return builtin.scope === undefined || builtin.scope === role;
}

/** The library builtins (those the runtime loads from a package), by name. */
export function findLibraryBuiltins(): [BuiltinName, Builtin & { package: string }][] {
  return Object.entries(builtins).flatMap(([name, builtin]: [string, Builtin]) =>
    builtin.kind === "library" && builtin.package ? [[name as BuiltinName, builtin as Builtin & { package: string }]] : [],
  );
}
