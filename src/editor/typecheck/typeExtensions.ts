// What the checker adds to one cell's CodeMirror editor: completion from TypeScript (with
// signatures and doc comments), hover (type and doc comment), and go to definition (F12, or
// Ctrl/Cmd-click). Its errors arrive as lint diagnostics (see showProblems).
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { Diagnostic } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import { autocompletion, EditorView, hoverTooltip, keymap, setDiagnostics } from "../codemirror.ts";
import type { CellCompletions, CellHover, CellPlace, CellProblem } from "../../typecheck/types.ts";

/** What the extensions ask of the checker, for the cell they edit. */
export interface TypeQueries {
  completions(offset: number, explicit: boolean): Promise<CellCompletions | null>;
  hover(offset: number): Promise<CellHover | null>;
  definition(offset: number): Promise<CellPlace | null>;
  /** Shows `place` (in this cell or another one). */
  jump(place: CellPlace): void;
}

/** The extensions of a cell's editor once the checker runs. */
export function typeExtensions(queries: TypeQueries): Extension {
  const goToDefinition = (view: EditorView, offset: number): boolean => {
    void queries.definition(offset).then((place) => place && queries.jump(place));
    return true;
  };
  return [
    // Replaces the completion of the lesson's names (codemirror.ts): TypeScript knows them too, with their types.
    autocompletion({ override: [(context) => complete(queries, context)] }),
    hoverTooltip(async (_view, pos) => {
      const hover = await queries.hover(pos);
      if (!hover || !hover.signature) return null;
      return { pos: hover.from, end: hover.to, above: true, create: () => ({ dom: renderHover(hover) }) };
    }),
    keymap.of([{ key: "F12", run: (view) => goToDefinition(view, view.state.selection.main.head) }]),
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return false;
        const offset = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (offset === null) return false;
        event.preventDefault();
        return goToDefinition(view, offset);
      },
    }),
    EditorView.baseTheme({
      ".cm-type-hover": { padding: "0.3rem 0.5rem", maxWidth: "36rem", font: "0.8125rem/1.4 var(--sans-serif, system-ui, sans-serif)" },
      ".cm-type-hover-signature": { font: "0.8125rem/1.4 var(--monospace, ui-monospace, monospace)", whiteSpace: "pre-wrap" },
      ".cm-type-hover-doc": { marginTop: "0.3rem", whiteSpace: "pre-wrap" },
      ".cm-completionDetail": { fontStyle: "normal", opacity: "0.75" },
    }),
  ];
}

async function complete(queries: TypeQueries, context: CompletionContext): Promise<CompletionResult | null> {
  const result = await queries.completions(context.pos, context.explicit);
  if (!result || context.aborted) return null;
  return {
    from: result.from,
    validFor: /^[\p{L}\p{N}_$]*$/u,
    options: result.options.map((option): Completion => {
      const completion: Completion = { label: option.label, boost: -Number.parseInt(option.sortText, 10) || 0 };
      if (option.type) completion.type = option.type;
      if (option.detail) completion.detail = option.detail;
      if (option.info) completion.info = option.info;
      return completion;
    }),
  };
}

function renderHover(hover: CellHover): HTMLElement {
  const dom = document.createElement("div");
  dom.className = "cm-type-hover";
  const signature = dom.appendChild(document.createElement("div"));
  signature.className = "cm-type-hover-signature";
  signature.textContent = hover.signature;
  if (hover.documentation) {
    const doc = dom.appendChild(document.createElement("div"));
    doc.className = "cm-type-hover-doc";
    doc.textContent = hover.documentation;
  }
  return dom;
}

/** Marks `problems` (of this cell, for its current text) under the code, each with its message on hover. */
export function showProblems(view: EditorView, problems: readonly CellProblem[]): void {
  const length = view.state.doc.length;
  const diagnostics = problems.map((problem): Diagnostic => {
    const from = Math.min(problem.from, length);
    return {
      from,
      to: Math.max(from, Math.min(problem.to, length)),
      severity: problem.severity,
      source: problem.code === "type" ? "TypeScript (the cell still runs)" : "syntax",
      message: problem.message,
    };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
