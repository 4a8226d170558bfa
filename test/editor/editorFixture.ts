// A lesson page for the editor's unit tests (under happy-dom): the author's cells built with the
// real compiler, their listings in a root element, a fake runtime handle that records what it is
// asked, and the editor state over them. CodeMirror itself is stubbed (fakeCodeMirror).
import { autocompletion, completionStatus, startCompletion } from "@codemirror/autocomplete";
import { setDiagnostics } from "@codemirror/lint";
import { EditorView, hoverTooltip, keymap } from "@codemirror/view";
import { vi } from "vitest";
import { analyzeCell, transpileCell } from "../../src/compile/cells.ts";
import { buildFunction } from "../../src/editor/build.ts";
import { createLessonBar } from "../../src/editor/createLessonBar.ts";
import { createEditorState, type EditorState, type EditorStateOptions } from "../../src/editor/editorState.ts";
import type { CodeEditor, CodeEditorOptions } from "../../src/editor/codemirror.ts";
import type { EditStorage } from "../../src/editor/storage.ts";
import type { CellDefinition, CellState, LessonHandle } from "../../src/runtime/types.ts";

/** An author's cell at `line`, analysed and transpiled as the page's module has it. */
export function defineCell(source: string, line: number, options: Partial<CellDefinition["options"]> = {}): CellDefinition {
  const { cell } = analyzeCell(source, { lang: "ts", line, column: 1 });
  const { params, body } = transpileCell(cell);
  return { ...cell, id: `c${line}`, options: { ...cell.options, ...options }, params, body: buildFunction(body) };
}

/** The fixture lesson: a slider w, a cell reading it, a display cell, one not editable, one listing. */
export function defineLesson(): CellDefinition[] {
  return [
    defineCell("const w: number = view(Inputs.range([0, 4], {value: 2}));", 3),
    defineCell("const y = w * 3;", 7),
    defineCell("y + 1", 11),
    defineCell("const fixed = 1;", 15, { editable: false }),
    defineCell("print(1)", 19, { run: false }),
  ];
}

/** A runtime handle that keeps definitions, answers redefine with `nextState`, and records calls. */
export interface FakeHandle extends LessonHandle {
  redefined: CellDefinition[];
  provided: [string, readonly string[] | null][];
  /** What the next redefine resolves to (default: fulfilled). */
  nextState?: Partial<CellState>;
  emit(state: CellState): void;
}

/** A fake handle over `cells`. */
export function createFakeHandle(cells: CellDefinition[]): FakeHandle {
  const definitions = new Map(cells.map((cell) => [cell.id, cell]));
  const listeners = new Set<(state: CellState) => void>();
  const values: Record<string, unknown> = { w: 2 };
  const handle: FakeHandle = {
    redefined: [],
    provided: [],
    update: () => undefined,
    async redefine(definition) {
      handle.redefined.push(definition);
      definitions.set(definition.id, definition);
      return { id: definition.id, line: definition.line, status: "fulfilled", ...handle.nextState };
    },
    definition: (id) => definitions.get(id),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setWarnings: () => undefined,
    async provideLibrary(name, members) {
      handle.provided.push([name, members]);
    },
    emit: (state) => listeners.forEach((listener) => listener(state)),
    api: {
      value: async (name) => values[name],
      set: async (name, value) => void (values[name] = value),
      cells: () => [],
      idle: async () => undefined,
    },
  };
  return handle;
}

/** A Storage in memory. */
export class MemoryStorage implements EditStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Puts each cell's listing (`pre[data-source-for]`, in `details` when hidden) in a fresh root. */
export function renderListings(cells: CellDefinition[], hidden: string[] = []): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement("main");
  for (const cell of cells) {
    const pre = document.createElement("pre");
    pre.dataset.sourceFor = cell.id;
    const code = document.createElement("code");
    code.innerHTML = `<span class="hljs-keyword">${cell.source}</span>`;
    pre.append(code);
    if (hidden.includes(cell.id)) {
      const details = document.createElement("details");
      details.append(document.createElement("summary"), pre);
      root.append(details);
    } else root.append(pre);
  }
  document.body.append(root);
  return root;
}

/** The page, the handle and the editor state for `cells` (default: the fixture lesson). */
export function createFixture(options: Partial<EditorStateOptions> & { cells?: CellDefinition[]; hidden?: string[] } = {}): {
  state: EditorState;
  handle: FakeHandle;
  root: HTMLElement;
  cells: CellDefinition[];
  notice?: string;
} {
  const cells = options.cells ?? defineLesson();
  const root = renderListings(cells, options.hidden);
  const handle = createFakeHandle(cells);
  const bar = createLessonBar(root, { share: () => undefined, resetAll: () => undefined });
  const { state, notice } = createEditorState(handle, root, bar, { lessonKey: "lesson.md", authorCells: cells, storage: null, ...options });
  return { state, handle, root, cells, notice };
}

/** A stand-in for the CodeMirror module: an editor that holds text and records focus. */
export function fakeCodeMirror(): typeof import("../../src/editor/codemirror.ts") & { editors: (CodeEditor & { options: CodeEditorOptions; focused: boolean })[] } {
  const editors: (CodeEditor & { options: CodeEditorOptions; focused: boolean })[] = [];
  return {
    editors,
    // What the type checker's extensions take from codemirror.ts (unused by these tests).
    autocompletion, completionStatus, startCompletion, setDiagnostics, EditorView, hoverTooltip, keymap,
    editorHelp: "" as typeof import("../../src/editor/codemirror.ts").editorHelp,
    completeNames: () => () => null,
    createCodeEditor: vi.fn((parent: HTMLElement, options: CodeEditorOptions) => {
      let text = options.doc;
      const element = parent.ownerDocument.createElement("div");
      element.className = "cm-editor";
      parent.append(element);
      const editor = {
        options,
        focused: false,
        text: () => text,
        setText: (next: string) => {
          text = next;
          options.onChange(next);
        },
        focus: () => void (editor.focused = true),
        extend: () => undefined,
        // any: a boundary — no CodeMirror view in these tests; only the type checker reads it.
        view: undefined as unknown as EditorView,
        destroy: () => element.remove(),
      };
      editors.push(editor);
      return editor;
    }),
  };
}
