// `view(input)`: shows an input in the cell's output and returns the generator of its values.

import { input } from "./generators.ts";
import { labelInputs } from "./labelInputs.ts";

// The element each view generator reads, so `lesson.set(name)` and hot reload can find the
// input behind a name (the output variable holds the generator, not the element).
const elements = new WeakMap<object, Element>();

/** Creates a cell's `view` for one run, showing elements through that run's `display`. */
export function createView(display: (value: unknown) => void): (element: Element) => Generator<unknown> {
  return function view(element: Element) {
    if (!element || typeof (element as EventTarget).addEventListener !== "function") {
      throw new TypeError("view() expects an input element, such as Inputs.range([0, 1])");
    }
    display(element);
    labelInputs(element);
    const generator = input(element);
    elements.set(generator, element);
    return generator;
  };
}

/** The input element behind a value returned by `view()`, if it is one. */
export function findViewElement(value: unknown): Element | undefined {
  return typeof value === "object" && value !== null ? elements.get(value) : undefined;
}
