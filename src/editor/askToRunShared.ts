// The dialog a share link opens: it lists what the link would change and runs nothing unless the
// reader agrees. Everything from the link is shown as text, never as HTML.

import { renderDiff } from "./renderDiff.ts";
import type { SharedValue } from "./sharedValue.ts";

/** What a share link would change, as the dialog lists it. */
export interface SharedChanges {
  cells: { line: number; before: string; after: string }[];
  inputs: { name: string; value: SharedValue }[];
  /** Parts of the link that do not fit this lesson and will be ignored. */
  ignored: string[];
}

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
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  dialog.append(
    title,
    text(
      "p",
      `This link changes ${count(changes.cells.length, "cell")} and sets ${count(changes.inputs.length, "input")}. ` +
        "Nothing from it runs unless you choose \u201cRun shared code\u201d.",
    ),
  );
  for (const cell of changes.cells) {
    dialog.append(text("h3", `Cell at line ${cell.line}`), renderDiff(doc, cell.before, cell.after));
  }
  if (changes.inputs.length > 0) {
    const list = doc.createElement("ul");
    for (const { name, value } of changes.inputs) list.append(text("li", `${name} = ${JSON.stringify(value)}`));
    dialog.append(text("h3", "Inputs"), list);
  }
  if (changes.ignored.length > 0) {
    const list = doc.createElement("ul");
    for (const item of changes.ignored) list.append(text("li", item));
    dialog.append(text("h3", "Ignored (not part of this lesson)"), list);
  }

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

  return new Promise((resolve) => {
    // Escape closes the dialog with an empty returnValue: the same as "Ignore".
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "run");
      dialog.remove();
    });
    dialog.showModal();
    // The safe choice has the focus, so Enter alone never runs someone else's code.
    ignore.focus();
  });
}
