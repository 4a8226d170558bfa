// Writes into a cell's output element: values, displays and errors. The runtime owns the
// children of `[data-cell]`; nothing else on the page is touched.

import type { ErrorReport } from "./describeError.ts";
import { inspect, inspectInline } from "./inspect.ts";

/** Appends `value` to `element`: DOM nodes as they are, other values in the inspector (or as text inline). */
export function appendValue(element: HTMLElement, value: unknown, inline: boolean): void {
  if (isNode(value)) {
    element.append(value);
  } else if (inline) {
    element.append(inspectInline(value, element.ownerDocument));
  } else {
    element.append(inspect(value, element.ownerDocument));
  }
}

/** Removes everything a previous run put in `element`. */
export function clearOutput(element: HTMLElement): void {
  element.replaceChildren();
}

/** Shows an error in place: a calm box (or inline span) with the location and the message. */
export function appendError(element: HTMLElement, report: ErrorReport, inline: boolean): void {
  const document_ = element.ownerDocument;
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

function isNode(value: unknown): value is Node {
  return typeof Node === "function" && value instanceof Node;
}
