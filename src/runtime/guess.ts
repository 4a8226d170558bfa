// `guess(chart, {id, truth})`: the reader places a point on a Plot chart (a click, or the arrow
// keys and Enter) before the true point is drawn; then both show, joined by a line. It is an
// input: its value is the placed point (null before), it dispatches "input" when placed, and it
// carries `data-guess="<id>"` and `data-state="empty|placed"`, which the learning record
// (src/learn/) watches and restores through `place`. It knows nothing of the record.

/** A point in the chart's data coordinates. */
export type Point = [number, number];

/** Options of {@link guess}. */
export interface GuessOptions {
  /** A stable id, unique in the lesson (letters, digits, `-`, `_`): the record keys the guess by it. */
  id: string;
  /** The true point, drawn once the reader has placed theirs. */
  truth: Point | { x: number; y: number };
  /** What to place, for screen readers (default "your guess"). */
  label?: string;
}

/** The element `guess` returns. */
export interface GuessElement extends HTMLElement {
  value: Point | null;
  truth: Point;
  /** Places the point (the record restoring it: `silent` dispatches no event); null clears it. */
  place(point: Point | null, options?: { silent?: boolean }): void;
}

interface PlotScale {
  apply(value: number): number;
  invert?(value: number): number;
  domain: unknown[];
  range?: number[];
}
type Chart = Element & { scale(name: "x" | "y"): PlotScale | undefined };

const SVG = "http://www.w3.org/2000/svg";

/** Wraps a Plot chart so the reader can place a point on it, by mouse or keyboard. */
export function guess(chart: Element, options: GuessOptions): GuessElement {
  if (!options || typeof options.id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(options.id)) {
    throw new TypeError('guess(chart, {id: "next-step", truth: [x, y]}) needs an id of letters, digits, - or _');
  }
  const x = (chart as Chart).scale?.("x");
  const y = (chart as Chart).scale?.("y");
  const svgRoot = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
  if (!x?.invert || !y?.invert || !svgRoot) throw new TypeError("guess() needs a Plot chart with x and y scales (Plot.plot({...}))");
  const truth: Point = Array.isArray(options.truth) ? [options.truth[0], options.truth[1]] : [options.truth.x, options.truth.y];
  const doc = chart.ownerDocument;
  const label = options.label ?? "your guess";
  const root = doc.createElement("div") as unknown as GuessElement;
  root.className = "guess";
  root.dataset.guess = options.id;
  root.dataset.state = "empty";
  root.tabIndex = 0;
  root.setAttribute("role", "application");
  const readout = doc.createElement("p");
  readout.className = "guess-readout";
  readout.setAttribute("aria-live", "polite");
  root.append(chart, readout);

  const layer = doc.createElementNS(SVG, "g");
  layer.setAttribute("aria-hidden", "true");
  layer.setAttribute("pointer-events", "none");
  svgRoot.append(layer);
  const mark = (tag: string, attributes: Record<string, string>) => {
    const node = doc.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    layer.append(node);
    return node;
  };
  const link = mark("line", { class: "guess-link", stroke: "currentColor", "stroke-dasharray": "3 3" });
  const cursor = mark("circle", { class: "guess-cursor", r: "7", fill: "none", stroke: "currentColor", "stroke-width": "2" });
  const placed = mark("circle", { class: "guess-point", r: "6", fill: "#e45756", stroke: "white" });
  const actual = mark("circle", { class: "guess-truth", r: "6", fill: "#3ca951", stroke: "white" });

  const [x0, x1] = x.domain as number[];
  const [y0, y1] = y.domain as number[];
  const clamp = (v: number, a: number, b: number) => Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  const format = (p: Point) => `(${+p[0].toPrecision(4)}, ${+p[1].toPrecision(4)})`;
  let at: Point = [(x0 + x1) / 2, (y0 + y1) / 2];
  const move = (node: Element, p: Point) => {
    node.setAttribute("cx", String(x.apply(p[0])));
    node.setAttribute("cy", String(y.apply(p[1])));
  };
  const describe = () =>
    root.setAttribute(
      "aria-label",
      root.value
        ? `${label}: placed at ${format(root.value)}; the true point is ${format(truth)}`
        : `Place ${label} on the chart: arrow keys move the cursor (Shift for larger steps), Enter places it; or click. Cursor at ${format(at)}`,
    );

  root.value = null;
  root.truth = truth;
  root.place = (point, { silent = false } = {}) => {
    root.value = point ? [point[0], point[1]] : null;
    root.dataset.state = point ? "placed" : "empty";
    for (const node of [placed, actual, link]) node.toggleAttribute("hidden", !point);
    (cursor as SVGElement).style.display = point ? "none" : "";
    if (point) {
      move(placed, point);
      move(actual, truth);
      link.setAttribute("x1", String(x.apply(point[0])));
      link.setAttribute("y1", String(y.apply(point[1])));
      link.setAttribute("x2", String(x.apply(truth[0])));
      link.setAttribute("y2", String(y.apply(truth[1])));
      readout.textContent = `Your guess ${format(point)} · the truth ${format(truth)}`;
    } else readout.textContent = "";
    describe();
    if (!silent) root.dispatchEvent(new Event("input", { bubbles: true }));
  };

  svgRoot.addEventListener("pointerdown", (event) => {
    if (root.value) return;
    const box = svgRoot.getBoundingClientRect();
    const width = Number(svgRoot.getAttribute("width")) || box.width;
    const height = Number(svgRoot.getAttribute("height")) || box.height;
    const px = (((event as PointerEvent).clientX - box.left) * width) / box.width;
    const py = (((event as PointerEvent).clientY - box.top) * height) / box.height;
    root.place([clamp(x.invert!(px), x0, x1), clamp(y.invert!(py), y0, y1)]);
  });
  root.addEventListener("keydown", (event) => {
    if (root.value) return;
    const steps: Record<string, Point> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      const fine = event.shiftKey ? 0.1 : 0.02;
      at = [clamp(at[0] + step[0] * fine * (x1 - x0), x0, x1), clamp(at[1] + step[1] * fine * (y1 - y0), y0, y1)];
      move(cursor, at);
      readout.textContent = `Cursor at ${format(at)}`;
      describe();
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      root.place(at);
    }
  });
  move(cursor, at);
  root.place(null, { silent: true });
  return root;
}
