// The builtins every lesson cell can use without importing them, as the lesson type checker sees
// them (src/check/ imports the names a lesson does not define itself). Written by hand for the
// types, but it declares exactly the registry's builtins (src/contract/builtins.ts): a test checks.

import type * as InputsModule from "./inputs.d.ts";

/** Shows `input` in the cell's output and yields its current value to the cells that read it. */
export declare function view<T>(input: HTMLElement & { value: T }): T;
/** Shows an element without a `value` (such as a hand-made `html` input); its value is untyped. */
export declare function view(input: Element): any; // boundary: the element's value is unknown

/** Appends `value` to the cell's output (elements as they are, other values inspected). */
export declare function display(value: unknown): void;

/** The width of the lesson's main column in pixels; cells that read it rerun on resize. */
export declare const width: number;
/** The current time in milliseconds (Date.now()), updated every animation frame. */
export declare const now: number;
/** Resolves just before the cell reruns or is removed: dispose timers and listeners here. */
export declare const invalidation: Promise<void>;

/**
 * A value its declaring cell changes through `.value` (`count.value++`); other cells read the
 * value itself and rerun when it changes (the runtime iterates the generator).
 */
export declare function Mutable<T>(value: T): Generator<T, void, unknown> & { value: T };

/**
 * Lets the reader place a point on a Plot chart (click, or arrow keys and Enter) before the true
 * point is drawn; then both show, joined. Its value is the placed point (null before). The learning
 * record keeps it by `id`; inside a `> [!PREDICT]` question it is one of the things to answer.
 */
export declare function guess(
  chart: Element,
  options: { id: string; truth: [number, number] | { x: number; y: number }; label?: string },
): HTMLElement & { value: [number, number] | null };

/** Values that change over time; a cell whose value is one of these yields each value in turn. */
export declare const Generators: {
  /** Yields `element.value` now and after every "input" event. */
  input<T>(element: HTMLElement & { value: T }): Generator<T | Promise<T>, void, unknown>;
  /** Calls `initialize(change)` and yields every value passed to `change` (the latest per frame). */
  observe<T>(initialize: (change: (value: T) => T) => (() => void) | void): Generator<T | Promise<T>, void, unknown>;
  /** Like `observe`, but yields every value in order (none dropped). */
  queue<T>(initialize: (change: (value: T) => T) => (() => void) | void): Generator<T | Promise<T>, void, unknown>;
  /** Yields Date.now() every animation frame. */
  now(): Generator<number, never, unknown>;
  /** Yields the element's width whenever it changes. */
  width(element: Element): Generator<number | Promise<number>, void, unknown>;
};

/** Observable Plot. */
export declare const Plot: typeof import("@observablehq/plot");
/** Observable Inputs: sliders, menus, tables… (label every one of them). */
export declare const Inputs: typeof InputsModule;
/** D3. */
export declare const d3: typeof import("d3");

/** Builds HTML from a template literal: html`<b>${x}</b>`. */
export declare function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
/** Builds SVG from a template literal: svg`<circle r=${r}>`. */
export declare function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;

/** Renders TeX with KaTeX: tex`E = mc^2` (inline); tex.block`…` (display). */
export declare const tex: {
  (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  block(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
};


/**
 * The exercise's variant: a positive integer, read only in ` ```ts exercise ` and ` ```ts check `
 * cells (elsewhere it is not defined). "New variant" draws another from the seeds the build fixed.
 */
export declare const seed: number;

/** The probe of an exercise's check that failed last: where, what it gave, and what was expected. */
export interface Counterexample {
  /** The probe's index in the check and its source, e.g. 1 and "dLdw(1)". */
  probe: number;
  source: string;
  /** The probe's arguments when it is a call (`dLdw(1)` → [1]), else null. */
  args: unknown[] | null;
  /** What the probe gave; and what was expected, undefined when the check is sealed. */
  actual: unknown;
  expected?: unknown;
}

/** What the page knows of one exercise, live. */
export interface ExerciseStatus {
  state: "unattempted" | "failed" | "passed";
  /** The exercise's variant. */
  seed: number;
  /** The last Check's failing probe; null once it passes, before any Check, or when the code threw. */
  counterexample: Counterexample | null;
}

/**
 * Each exercise of the page by id (`exercises.dLdw`), updated after every Check, hint and new
 * variant: a chart of the exercise can mark `exercises.dLdw?.counterexample`. Empty `{}` where the
 * page has no exercises and in a build's headless run.
 */
export declare const exercises: Readonly<Record<string, ExerciseStatus | undefined>>;
