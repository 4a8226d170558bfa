// What the editor's pieces share for one lesson: the saved edits, the cells' editors (slots), the
// drafts kept across hot updates, CodeMirror once loaded, the edits bar and its last notice. One
// explicit object, passed to each piece, instead of a closure they all reach into.

import type { CellDefinition, LessonHandle } from "../runtime/types.ts";
import type { CellEditor } from "./createCellEditor.ts";
import type { CellView } from "./createCellView.ts";
import type { LessonBar } from "./createLessonBar.ts";
import { emptySaved, type SavedLesson } from "./saved.ts";
import { loadDrafts, loadEdits, openStorage, type EditStorage } from "./storage.ts";
import type { AttachedEditor } from "./typecheck/attachTypeHelp.ts";
import type { TypeHelp } from "./typecheck/loadTypeHelp.ts";

/** One editable cell's editor and what the pieces remember about it. */
export interface Slot {
  author: CellDefinition;
  /** Position among the lesson's editable cells. */
  index: number;
  editor: CellEditor;
  view: CellView;
  lastRun?: string;
  runs: number;
  timer?: ReturnType<typeof setTimeout>;
  /** What the problems shown in place come from. */
  problems?: "build" | "runtime";
  /** True when the listing was closed when the page was mounted (a `hide` cell). */
  hidden: boolean;
}

/** The state of one lesson's editors. */
export interface EditorState {
  handle: LessonHandle;
  root: HTMLElement;
  doc: Document;
  lessonKey: string;
  /** Run after this many ms without typing (0: only on Shift-Enter). */
  autoRunDelay: number;
  authorCells: CellDefinition[];
  /** Where edits are saved; undefined when the browser refuses storage. */
  storage: EditStorage | undefined;
  /** False for `storage: null`: edits live in memory only, by choice, with no notice. */
  persists: boolean;
  saved: SavedLesson;
  slots: Map<string, Slot>;
  /** Text typed but not run when a hot update rebuilt the editors, by cell id. */
  drafts: Map<string, string>;
  /** The reader's unfinished edits as saved (keepDrafts.ts): what a reload puts back, never runs. */
  savedDrafts: SavedLesson;
  /** The pending write of savedDrafts, a moment after typing stops. */
  draftTimer?: ReturnType<typeof setTimeout>;
  codeMirror?: typeof import("./codemirror.ts");
  /** The edits bar (installEditors makes a new one when a hot update removed it). */
  bar: LessonBar;
  lastNotice?: string;
  /** The TypeScript checker (typecheck/), told of every change; it loads when the reader puts the cursor in a cell's code or first types. */
  typeHelp?: TypeHelp;
  /** Editors outside the cells' own that get the same type help (exercises), by cell id. */
  attached: Map<string, AttachedEditor>;
}

/** Options createEditorState reads (a subset of EditorOptions). */
export interface EditorStateOptions {
  lessonKey: string;
  authorCells: CellDefinition[];
  autoRunDelay?: number;
  storage?: EditStorage | null;
}

/** The state for `handle`'s lesson in `root`, with the saved edits and drafts loaded and a notice, if any. */
export function createEditorState(
  handle: LessonHandle,
  root: HTMLElement,
  bar: LessonBar,
  options: EditorStateOptions,
): { state: EditorState; notice?: string } {
  const persists = options.storage !== null;
  const storage = persists ? (options.storage ?? openStorage()) : undefined;
  // storage: null is a choice (in memory only), not a problem to tell the reader about.
  const loaded = persists ? loadEdits(storage, options.lessonKey) : { state: emptySaved(options.lessonKey) };
  const drafts = persists ? loadDrafts(storage, options.lessonKey) : { state: emptySaved(options.lessonKey) };
  const state: EditorState = {
    handle,
    root,
    doc: root.ownerDocument,
    lessonKey: options.lessonKey,
    autoRunDelay: options.autoRunDelay ?? 800,
    authorCells: options.authorCells,
    storage,
    persists,
    saved: loaded.state,
    slots: new Map(),
    drafts: new Map(),
    savedDrafts: drafts.state,
    attached: new Map(),
    bar,
  };
  return { state, notice: loaded.notice ?? drafts.notice };
}
