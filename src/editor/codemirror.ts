// The CodeMirror 6 editor of one cell. This module is only ever imported dynamically, so a page
// pays for CodeMirror after its first paint (see loadCodeMirror.ts).

import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { javascript, javascriptLanguage } from "@codemirror/lang-javascript";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { Prec, StateEffect, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { wrappedLineIndent } from "codemirror-wrapped-line-indent";

// What the type checker's extensions (typecheck/, loaded later) use of CodeMirror, from this
// module: so they share this chunk instead of splitting CodeMirror into a chunk both would load.
export { autocompletion, completionStatus, startCompletion } from "@codemirror/autocomplete";
export { setDiagnostics } from "@codemirror/lint";
export { hoverTooltip } from "@codemirror/view";
export { EditorView, keymap };

/** What the rest of the editor needs from a code editor. */
export interface CodeEditor {
  text(): string;
  setText(text: string): void;
  focus(): void;
  /** Adds extensions loaded later (the type checker's completion, hover and marks). */
  extend(extension: Extension): void;
  /** The CodeMirror view itself, for those extensions. */
  view: EditorView;
  destroy(): void;
}

/** Options of one cell's code editor. */
export interface CodeEditorOptions {
  doc: string;
  /** The accessible name, e.g. "Edit cell at line 12". */
  label: string;
  /** Shift-Enter, Ctrl-Enter or Cmd-Enter. */
  onRun: () => void;
  /** Every change of the text. */
  onChange: (text: string) => void;
  /** The names completions offer (the lesson's outputs and builtins), read when completing. */
  names: () => string[];
}

// The page theme's highlight colours (theme.css --hl-*), so the editor reads like the listing it
// replaces, in light and dark; CodeMirror's default style is for light backgrounds only.
const themeColors = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.bool, tags.null, tags.self], color: "var(--hl-keyword, #a0225e)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--hl-string, #0a6d3a)" },
  { tag: [tags.number, tags.integer, tags.float], color: "var(--hl-number, #0550ae)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--hl-comment, #6e7781)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))], color: "var(--hl-title, #6639ba)" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--hl-type, #953800)" },
  { tag: [tags.meta, tags.annotation], color: "var(--hl-meta, #57606a)" },
  { tag: tags.invalid, color: "var(--error-fg, #8c2a1c)" },
]);

/** How to use the editor from the keyboard, read out by screen readers with its name. */
export const editorHelp = "Shift-Enter runs the cell. Tab moves on to the cell's buttons; press Escape first to close a list of suggestions.";

/** Creates a TypeScript editor in `parent`. */
export function createCodeEditor(parent: HTMLElement, options: CodeEditorOptions): CodeEditor {
  const run = (): boolean => {
    options.onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    doc: options.doc,
    extensions: [
      // Above basicSetup's keymap, where Enter variants would otherwise insert a newline.
      Prec.highest(
        keymap.of([
          { key: "Shift-Enter", run },
          { key: "Mod-Enter", run },
          { key: "Ctrl-Enter", run },
        ]),
      ),
      basicSetup,
      syntaxHighlighting(themeColors),
      javascript({ typescript: true }),
      // Long lines wrap, as the listing does: at 375 px nothing of a cell may hide off the edge.
      EditorView.lineWrapping,
      // …and the rest of a wrapped line starts under its first character, not at the margin.
      wrappedLineIndent,
      javascriptLanguage.data.of({ autocomplete: completeNames(options.names) }),
      // Tab is left to the browser (no indentWithTab), so it always leads out of the editor.
      EditorView.contentAttributes.of({ "aria-label": options.label, "aria-description": editorHelp }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => {
      if (text !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      }
    },
    focus: () => view.focus(),
    extend: (extension) => view.dispatch({ effects: StateEffect.appendConfig.of(extension) }),
    view,
    destroy: () => view.destroy(),
  };
}

/** A completion source offering the lesson's names; the editor's local names come from lang-javascript. */
export function completeNames(names: () => string[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\p{L}\p{N}_$]+/u);
    if (!word && !context.explicit) return null;
    if (word && /^\p{N}/u.test(word.text)) return null;
    return {
      from: word?.from ?? context.pos,
      options: [...new Set(names())].map((label) => ({ label, type: "variable" })),
      validFor: /^[\p{L}\p{N}_$]*$/u,
    };
  };
}
