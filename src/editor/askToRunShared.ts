// The dialog a share link opens: it lists what the link would change and runs nothing unless the
// reader agrees. Everything from the link is shown as text, never as HTML; code is shown as
// JavaScript reads it (renderDiff, revealHidden), long lines wrap, and a line under the changes
// says how many changed lines have not been in view yet, so nothing can hide below the fold.

import { diffSources, renderDiff } from "./renderDiff.ts";
import { hasMarker } from "./revealHidden.ts";
import type { SharedValue } from "./sharedValue.ts";

/** What a share link would change, as the dialog lists it. */
export interface SharedChanges {
  cells: { line: number; before: string; after: string }[];
  inputs: { name: string; value: SharedValue }[];
  /** Parts of the link that do not fit this lesson and will be ignored. */
  ignored: string[];
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Shows the dialog; resolves true when the reader chooses "Run shared code". */
export function askToRunShared(doc: Document, changes: SharedChanges): Promise<boolean> {
  const text = <K extends keyof HTMLElementTagNameMap>(tag: K, content: string, className = "") => {
    const node = doc.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  };
  const dialog = doc.createElement("dialog");
  dialog.className = "share-dialog";
  dialog.setAttribute("aria-labelledby", "share-dialog-title");
  const title = text("h2", "Run code from this link?");
  title.id = "share-dialog-title";
  dialog.append(
    title,
    text(
      "p",
      `This link changes ${count(changes.cells.length, "cell")} and sets ${count(changes.inputs.length, "input")}. ` +
        "Nothing from it runs unless you choose \u201cRun shared code\u201d.",
    ),
  );

  // The changes scroll in one box of their own; the choice and the count of unseen lines stay in view.
  const box = doc.createElement("div");
  box.className = "share-dialog-changes";
  box.tabIndex = 0; // Scrollable from the keyboard.
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", "What the link changes");
  let hidden = false;
  for (const cell of changes.cells) {
    const lines = diffSources(cell.before, cell.after);
    const added = lines.filter((l) => l.sign === "+").length;
    const removed = lines.filter((l) => l.sign === "-").length;
    hidden ||= lines.some((l) => l.sign === "+" && hasMarker(l.text));
    box.append(text("h3", `Cell at line ${cell.line}: ${count(added, "line")} added, ${removed} removed`), renderDiff(doc, cell.before, cell.after));
  }
  if (changes.inputs.length > 0) {
    const list = doc.createElement("ul");
    for (const { name, value } of changes.inputs) list.append(text("li", `${name} = ${JSON.stringify(value)}`));
    box.append(text("h3", "Inputs"), list);
  }
  if (changes.ignored.length > 0) {
    const list = doc.createElement("ul");
    for (const item of changes.ignored) list.append(text("li", item));
    box.append(text("h3", "Ignored (not part of this lesson)"), list);
  }
  if (hidden) {
    dialog.append(
      text(
        "p",
        "Careful: this code holds characters that show as nothing or that start a new line where none shows. " +
          "They are marked \u27E8like this\u27E9 below.",
        "share-dialog-warning",
      ),
    );
  }
  const unseen = text("p", "", "share-dialog-unseen");
  unseen.setAttribute("role", "status");
  dialog.append(box, unseen);

  const form = doc.createElement("form");
  form.method = "dialog";
  const choice = (label: string, value: string) => {
    const button = text("button", label);
    button.value = value;
    return button;
  };
  const ignore = choice("Ignore", "ignore");
  form.append(choice("Run shared code", "run"), ignore);
  dialog.append(form);
  doc.body.append(dialog);
  const stopCounting = countUnseen(box, unseen);

  return new Promise((resolve) => {
    // Escape closes the dialog with an empty returnValue: the same as "Ignore".
    dialog.addEventListener("close", () => {
      stopCounting();
      resolve(dialog.returnValue === "run");
      dialog.remove();
    });
    dialog.showModal();
    // The safe choice has the focus, so Enter alone never runs someone else's code.
    ignore.focus();
  });
}

/**
 * Keeps `status` saying how many changed lines of `box` have not been in view yet. Without
 * IntersectionObserver (old browsers, test DOMs) it says how many changed lines there are.
 */
function countUnseen(box: HTMLElement, status: HTMLElement): () => void {
  const changed = [...box.querySelectorAll(".diff-added, .diff-removed")];
  const total = changed.length;
  const View = box.ownerDocument.defaultView?.IntersectionObserver;
  if (total === 0) return () => {};
  if (!View) {
    status.textContent = `${count(total, "changed line")} in all: scroll through them before you choose.`;
    return () => {};
  }
  const seen = new Set<Element>();
  const show = () => {
    const left = total - seen.size;
    status.textContent =
      left === 0
        ? `You have had every changed line in view (${total}).`
        : `${count(left, "changed line")} of ${total} not yet in view: scroll the changes to read ${left === 1 ? "it" : "them"}.`;
  };
  const observer = new View(
    (entries) => {
      for (const entry of entries) {
        // Wholly in view, or as much of it as the box can show (a wrapped line taller than the box).
        const height = entry.rootBounds?.height ?? Infinity;
        if (entry.intersectionRatio >= 0.99 || entry.intersectionRect.height >= height - 1) {
          seen.add(entry.target);
          observer.unobserve(entry.target);
        }
      }
      show();
    },
    { root: box, threshold: [0, 0.5, 0.99, 1] },
  );
  for (const line of changed) observer.observe(line);
  show();
  return () => observer.disconnect();
}
