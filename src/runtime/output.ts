// Writes into a cell's output element: values, displays and errors. The runtime owns the
// children of `[data-cell]`; nothing else on the page is touched.

import type { ErrorReport } from "./describeError.ts";
import { inspect, inspectInline } from "./inspect.ts";
import { labelTableRows } from "./labelInputs.ts";

/**
 * Appends `value` to `element`: DOM nodes as they are, text as text (as Framework does inline; a
 * string the author displays is prose, not data to inspect), other values in the inspector (or as
 * text inline).
 */
export function appendValue(element: HTMLElement, value: unknown, inline: boolean): void {
  if (isNode(value)) {
    nameChartGroups(value);
    labelTableRows(value);
    element.append(value);
  } else if (typeof value === "string") {
    if (inline) element.append(value);
    else {
      const text = element.ownerDocument.createElement("div");
      text.className = "cell-text";
      text.textContent = value;
      element.append(text);
    }
  } else if (inline) {
    element.append(inspectInline(value, element.ownerDocument));
  } else {
    element.append(inspect(value, element.ownerDocument));
  }
}

/** True when `element` shows exactly `text`, as its one text node (what appendValue makes of a string inline). */
export function isShowingText(element: HTMLElement, text: string): boolean {
  const node = element.firstChild;
  return node !== null && node === element.lastChild && node.nodeType === 3 && (node as Text).data === text;
}

/** Removes everything a previous run put in `element`. */
export function clearOutput(element: HTMLElement): void {
  element.replaceChildren();
}

/**
 * Gives a role to SVG groups that carry an `aria-label` without one: Observable Plot names its mark
 * groups (`<g aria-label="line">`), which ARIA prohibits on an element without a role (axe's serious
 * `aria-prohibited-attr`). `group` is what SVG-AAM maps a named <g> to, so nothing is drawn or
 * announced differently; only the markup becomes valid, for every chart a lesson displays.
 */
function nameChartGroups(node: Node): void {
  if (!(node instanceof Element || node instanceof DocumentFragment)) return;
  const groups = node.querySelectorAll("g[aria-label]:not([role])");
  for (const group of groups) group.setAttribute("role", "group");
  if (node instanceof Element && node.matches("g[aria-label]:not([role])")) node.setAttribute("role", "group");
}

/**
 * Shows an error in place: a calm box (or inline span) with the location and the message. A cell
 * waiting for a failed input shows one quiet line (in prose, a short marker) instead: the input's
 * own cell shows the error, once.
 */
export function appendError(element: HTMLElement, report: ErrorReport, inline: boolean): void {
  const document_ = element.ownerDocument;
  if (report.waiting) {
    element.append(createWaiting(document_, report, inline));
    return;
  }
  const box = document_.createElement(inline ? "span" : "div");
  box.className = "cell-error";
  const location = document_.createElement("span");
  location.className = "cell-error-location";
  location.textContent = report.location;
  const message = document_.createElement("span");
  message.className = "cell-error-message";
  message.textContent = report.message;
  box.append(location, " ", message);
  element.append(box);
}

/** Appends a polite notice (not an error: the cell may still finish) and returns it. */
export function appendNotice(element: HTMLElement, text: string, inline: boolean): HTMLElement {
  const notice = element.ownerDocument.createElement(inline ? "span" : "div");
  notice.className = "cell-notice";
  notice.setAttribute("role", "status");
  notice.textContent = text;
  element.append(notice);
  return notice;
}

// "waiting for `softmax` (line 45)", with the name as code; in prose only "…", its text for the
// tooltip and for screen readers.
function createWaiting(document_: Document, report: ErrorReport, inline: boolean): HTMLElement {
  const box = document_.createElement(inline ? "span" : "div");
  box.className = "cell-waiting";
  const parts = report.message.split("`");
  const text = document_.createElement("span");
  parts.forEach((part, i) => {
    if (i % 2 === 0) text.append(part);
    else {
      const code = document_.createElement("code");
      code.textContent = part;
      text.append(code);
    }
  });
  if (!inline) {
    box.append(text);
    return box;
  }
  box.title = text.textContent ?? "";
  const mark = document_.createElement("span");
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = "…";
  text.className = "visually-hidden";
  box.append(mark, text);
  return box;
}

function isNode(value: unknown): value is Node {
  return typeof Node === "function" && value instanceof Node;
}
