// Generators: values that change over time, consumed by the runtime one animation frame at a time.
// Sync generators yielding promises (as in the classic stdlib) so that `return()` runs `finally`
// at once when the runtime invalidates a variable, even while a value is awaited.

/** Called by an observe() initializer to push a new value; returns it. */
export type Change<T> = (value: T) => T;

/** A generator over the values pushed by `initialize(change)`; calls its dispose function when returned. */
export function* observe<T>(initialize: (change: Change<T>) => (() => void) | void): Generator<T | Promise<T>, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  let value: T | undefined;
  let stale = false;
  const dispose = initialize((x) => {
    value = x;
    if (resolve) resolve(x), (resolve = null);
    else stale = true;
    return x;
  });
  if (dispose != null && typeof dispose !== "function") throw new Error("observe: the initializer must return a function or nothing");
  try {
    while (true) yield stale ? ((stale = false), value as T) : new Promise<T>((r) => (resolve = r));
  } finally {
    dispose?.();
  }
}

/** A generator that yields each value pushed to it, in order, none dropped. */
export function* queue<T>(initialize: (change: Change<T>) => (() => void) | void): Generator<T | Promise<T>, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  const values: T[] = [];
  const dispose = initialize((x) => {
    values.push(x);
    if (resolve) resolve(values.shift() as T), (resolve = null);
    return x;
  });
  try {
    while (true) yield values.length ? (values.shift() as T) : new Promise<T>((r) => (resolve = r));
  } finally {
    dispose?.();
  }
}

/** The current value of a form control or an @observablehq/inputs form. */
export function valueOf(element: Element): unknown {
  const input = element as HTMLInputElement;
  switch ((element as { type?: unknown }).type) {
    case "range":
    case "number":
      return input.valueAsNumber;
    case "date":
      return input.valueAsDate;
    case "checkbox":
      return input.checked;
    case "file":
      return input.multiple ? input.files : input.files?.[0];
    case "select-multiple":
      return Array.from((element as HTMLSelectElement).selectedOptions, (o) => o.value);
    default:
      return input.value;
  }
}

/** The event an element dispatches when its value changes. */
export function eventOf(element: Element): string {
  switch ((element as HTMLInputElement).type) {
    case "button":
    case "submit":
    case "checkbox":
      return "click";
    case "file":
      return "change";
    default:
      return "input";
  }
}

/** The values of an input element: its current value, then one per input event. */
export function input(element: Element): Generator<unknown> {
  return observe((change) => {
    const event = eventOf(element);
    const inputted = () => change(valueOf(element));
    element.addEventListener(event, inputted);
    const value = valueOf(element);
    if (value !== undefined) change(value);
    return () => element.removeEventListener(event, inputted);
  });
}

/** `Date.now()`, once per animation frame (as Observable's `now`: a wall-clock time in ms). */
export function* now(): Generator<number, never> {
  while (true) yield Date.now();
}

/** The content width of `element`, then again whenever it changes. */
export function width(element: Element): Generator<unknown> {
  return observe<number>((change) => {
    let last = -1;
    const measure = () => {
      const w = Math.floor(contentWidth(element));
      if (w !== last) change((last = w));
    };
    measure();
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  });
}

// The width a chart may take: the element's box minus its padding (640 before layout).
function contentWidth(element: Element): number {
  const style = getComputedStyle(element);
  const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return width > 0 ? width : 640;
}

/** The `Generators` builtin. */
export const Generators = { observe, queue, input, now, width };
