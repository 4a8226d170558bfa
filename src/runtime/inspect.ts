// The inspector: a readable, collapsible view of a non-DOM value. Children render only when
// the reader opens a node, and at most a page at a time, so huge or cyclic values never hang.

import { formatAtom, formatSummary, isExpandable, listEntries } from "./formatValue.ts";

const pageSize = 100;

/** An element showing `value`: a one-line preview that opens into its entries when expandable. */
export function inspect(value: unknown, document_: Document = document): HTMLElement {
  const root = document_.createElement("div");
  root.className = "inspect";
  root.append(inspectNode(value, document_, null, true));
  return root;
}

/** A short inline rendering (for `${…}` in prose): text for primitives, a preview for objects. */
export function inspectInline(value: unknown, document_: Document = document): Node {
  if (value == null) return document_.createTextNode("");
  if (typeof value === "string") return document_.createTextNode(value);
  if (!isExpandable(value)) return document_.createTextNode(formatAtom(value));
  const span = document_.createElement("span");
  span.className = "inspect inspect-inline";
  span.append(inspectNode(value, document_, null, false));
  return span;
}

function inspectNode(value: unknown, document_: Document, key: string | null, top: boolean): Node {
  if (!isExpandable(value)) {
    const line = document_.createElement("div");
    line.className = "inspect-line";
    if (key !== null) line.append(keySpan(key, document_));
    line.append(atomSpan(value, document_, top));
    return line;
  }
  const details = document_.createElement("details");
  details.className = "inspect-node";
  const summary = document_.createElement("summary");
  if (key !== null) summary.append(keySpan(key, document_));
  const preview = document_.createElement("span");
  preview.className = "inspect-preview";
  preview.textContent = formatSummary(value, top ? 100 : 60);
  summary.append(preview);
  details.append(summary);
  let shown = 0;
  const more = (): void => {
    const { entries, total } = listEntries(value, shown, pageSize);
    const list = details.querySelector(":scope > .inspect-children") ?? details.appendChild(document_.createElement("div"));
    list.className = "inspect-children";
    for (const entry of entries) list.append(inspectNode(entry.value, document_, entry.key, false));
    shown += entries.length;
    details.querySelector(":scope > .inspect-children > .inspect-more")?.remove();
    if (shown < total) {
      const button = document_.createElement("button");
      button.type = "button";
      button.className = "inspect-more";
      button.textContent = `… ${total - shown} more`;
      button.addEventListener("click", more);
      list.append(button);
    }
  };
  details.addEventListener("toggle", () => details.open && shown === 0 && more());
  return details;
}

function keySpan(key: string, document_: Document): HTMLElement {
  const span = document_.createElement("span");
  span.className = "inspect-key";
  span.textContent = key + (key.endsWith("=>") ? " " : ": ");
  return span;
}

function atomSpan(value: unknown, document_: Document, top: boolean): HTMLElement {
  const span = document_.createElement("span");
  span.className = `inspect-${value === null ? "null" : value instanceof Date ? "date" : value instanceof Error ? "error" : typeof value}`;
  // A long top-level string reads better as-is than quoted on one line.
  span.textContent = top && typeof value === "string" && value.includes("\n") ? value : formatAtom(value);
  if (top && typeof value === "string" && value.includes("\n")) span.classList.add("inspect-text");
  return span;
}
