// One cell's editor: the chrome (createCellView), the author's listing it stands in for, and the
// CodeMirror editor, created only once CodeMirror has loaded and the listing is open.

import type { CellDefinition } from "../runtime/types.ts";
import type { CodeEditor } from "./codemirror.ts";
import { createCellView, editorLabel, type CellView, type CellViewActions } from "./createCellView.ts";
import { isSameCode, showSource } from "./isSameCode.ts";
import { measureIndent } from "../compile/highlight/renderLines.ts";

/** What the code editor reports back. */
export interface CellEditorEvents {
  run: () => void;
  /** The reader typed (not called for setText). */
  typed: (text: string) => void;
  /** The text was replaced (setText: a reset, a saved edit, a share link). */
  replaced?: () => void;
  names: () => string[];
}

/** A cell's editor, with or without CodeMirror in it yet. */
export interface CellEditor {
  view: CellView;
  /** The code the editor holds (the listing's text until CodeMirror is in). */
  text(): string;
  /** Replaces the code without it counting as typing. */
  setText(text: string): void;
  /** True when the listing is visible (its `<details>` is open, or there is none). */
  isOpen(): boolean;
  /** Opens the listing's `<details>` (a hidden cell), so its code and marks are in sight. */
  reveal(): void;
  /** Puts CodeMirror in, in place of the listing (and focuses it when asked). */
  open(codeMirror: typeof import("./codemirror.ts"), focus?: boolean): void;
  /** The CodeMirror editor, once it is in. */
  code(): CodeEditor | undefined;
  /** True for the listing element or anything inside it. */
  isListing(element: Element): boolean;
  destroy(): void;
}

/** Creates the editor of `author`'s cell next to its listing. */
export function createCellEditor(listing: HTMLElement, author: CellDefinition, actions: CellViewActions, events: CellEditorEvents): CellEditor {
  const view = createCellView(listing, author.id, author.line, actions);
  let text = showSource(author.source);
  let code: CodeEditor | undefined;
  let quiet = false;
  // The listing's highlighted HTML, kept while it shows an edited text instead.
  let original: Node[] | undefined;
  // Until CodeMirror is in, the listing itself is where the reader clicks or tabs to edit.
  listing.tabIndex = 0;
  listing.title = "Click to edit this cell";

  return {
    view,
    text: () => code?.text() ?? text,
    setText(next) {
      text = next;
      if (code) {
        quiet = true;
        code.setText(next);
        quiet = false;
      } else if (isSameCode(next, author.source)) {
        if (original) listing.replaceChildren(...original);
      } else {
        original ??= [...listing.childNodes].map((node) => node.cloneNode(true));
        showText(listing.querySelector("code") ?? listing, next);
      }
      events.replaced?.();
    },
    isOpen() {
      const details = listing.closest("details");
      return !details || details.open;
    },
    reveal() {
      const details = listing.closest("details");
      if (details && !details.open) details.open = true;
    },
    isListing: (element) => listing.contains(element),
    code: () => code,
    open(codeMirror, focus = false) {
      // Focus follows only if the reader is still on the listing (CodeMirror may take a moment).
      const stillHere = (): boolean => {
        const active = listing.ownerDocument.activeElement;
        return focus && (active === listing || listing.contains(active) || active === listing.ownerDocument.body);
      };
      if (code) {
        if (stillHere()) code.focus();
        return;
      }
      code = codeMirror.createCodeEditor(view.host, {
        doc: text,
        label: editorLabel(author.line),
        names: events.names,
        onRun: events.run,
        onChange: (next) => {
          text = next;
          if (!quiet) events.typed(next);
        },
      });
      const focusNow = stillHere();
      listing.hidden = true;
      if (focusNow) code.focus();
    },
    destroy() {
      code?.destroy();
      view.destroy();
      listing.hidden = false;
      listing.removeAttribute("tabindex");
      listing.removeAttribute("title");
      if (original) listing.replaceChildren(...original);
    },
  };
}

/**
 * Shows `text`, unhighlighted, as the compiler lays out a listing: a span per line with its
 * indentation (theme.css `.line`), so a wrapped line still continues under it; as text, never HTML.
 */
function showText(code: Element, text: string): void {
  const doc = code.ownerDocument;
  const nodes: Node[] = [];
  text.split("\n").forEach((line, i) => {
    if (i > 0) nodes.push(doc.createTextNode("\n"));
    if (!line) return;
    const span = doc.createElement("span");
    span.className = "line";
    const indent = measureIndent(line);
    if (indent) span.style.setProperty("--indent", String(indent));
    span.textContent = line;
    nodes.push(span);
  });
  code.replaceChildren(...nodes);
}
