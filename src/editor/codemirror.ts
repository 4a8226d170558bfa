// The CodeMirror 6 editor of one cell. This module is only ever imported dynamically, so a page
// pays for CodeMirror after its first paint (see loadCodeMirror in install.ts).

import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { javascript, javascriptLanguage } from "@codemirror/lang-javascript";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";

/** What the rest of the editor needs from a code editor. */
export interface CodeEditor {
  text(): string;
  setText(text: string): void;
  focus(): void;
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
      javascript({ typescript: true }),
      javascriptLanguage.data.of({ autocomplete: completeNames(options.names) }),
      EditorView.contentAttributes.of({ "aria-label": options.label }),
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
