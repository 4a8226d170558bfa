// The orchestrator: puts an editor on every live cell, runs edits through the compiler into the
// running lesson, saves them, and handles share links. The pieces live in their own files.

import type { CellDefinition, CellState, LessonHandle } from "../runtime/types.ts";
import { builtins } from "../compile/globals.ts";
import { answerShareLink } from "./answerShareLink.ts";
import { findInputNames } from "./collectInputs.ts";
import { createCellEditor, type CellEditor } from "./createCellEditor.ts";
import type { CellView } from "./createCellView.ts";
import { createLessonBar, type LessonBar } from "./createLessonBar.ts";
import { injectStyles } from "./injectStyles.ts";
import { isSameCode, showSource } from "./isSameCode.ts";
import { makeShareLink } from "./makeShareLink.ts";
import { matchEdits } from "./match.ts";
import { emptySaved, type SavedLesson } from "./saved.ts";
import { loadEdits, openStorage, saveEdits, type EditStorage } from "./storage.ts";

/** Options of installEditors. */
export interface EditorOptions {
  /** Identifies the lesson in storage and share links (e.g. its path). */
  lessonKey: string;
  /** The author's cell definitions, as the lesson module has them. */
  authorCells: CellDefinition[];
  /** Where the lesson's HTML is; defaults to the document's body. */
  root?: HTMLElement;
  /** Run after this many ms without typing (0: only on Shift-Enter). Default 800. */
  autoRunDelay?: number;
  /** Storage for edits; default localStorage, null for none (in memory only). */
  storage?: EditStorage | null;
  /**
   * When CodeMirror loads: "interaction" (default) when the reader hovers, clicks, focuses or opens
   * a listing, so a page that is only read never downloads it; "idle" also right after load.
   */
  preload?: "interaction" | "idle";
}

/** The page's handle on its editors. */
export interface EditorController {
  /** Resolves once saved edits are applied and a share link, if any, has been answered. */
  ready: Promise<void>;
  /** Rebuilds the editors after a hot update, keeping the reader's edits. */
  refresh(authorCells?: CellDefinition[]): void;
  /** Runs the cell's current text; resolves false when the edit was refused or failed. */
  run(id: string): Promise<boolean>;
  /** Puts the author's version back. */
  reset(id: string): Promise<void>;
  /** Puts the author's version back in every cell and forgets every saved edit. */
  resetAll(): Promise<void>;
  /** Makes a share link (and shows it); undefined when the edits are too large for one. */
  share(): Promise<string | undefined>;
  destroy(): void;
}

interface Slot {
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

const controllers = new WeakMap<HTMLElement, { handle: LessonHandle; controller: EditorController }>();
let codeMirror: Promise<typeof import("./codemirror.ts")> | undefined;
let builder: Promise<typeof import("./build.ts")> | undefined;

/** Loads CodeMirror once, on first need: it is never part of the page's first paint. */
function loadCodeMirror(): Promise<typeof import("./codemirror.ts")> {
  return (codeMirror ??= import("./codemirror.ts"));
}

/** Loads the edit builder (the compiler's cell analysis and acorn) once, on first need. */
function loadBuilder(): Promise<typeof import("./build.ts")> {
  return (builder ??= import("./build.ts"));
}

/** Loads the whole of each library whose page subset lacks a member the edit reads. */
async function provideLibraries(handle: LessonHandle, libraries: Record<string, string[] | null>): Promise<void> {
  await Promise.all(Object.entries(libraries).map(([name, members]) => handle.provideLibrary(name, members)));
}

/** Gives every editable live cell an editor and applies the reader's saved edits. */
export function installEditors(handle: LessonHandle, options: EditorOptions): EditorController {
  const root = options.root ?? document.body;
  const existing = controllers.get(root);
  if (existing?.handle === handle) {
    existing.controller.refresh(options.authorCells);
    return existing.controller;
  }
  existing?.controller.destroy();
  const controller = createController(handle, root, options);
  controllers.set(root, { handle, controller });
  return controller;
}

function createController(handle: LessonHandle, root: HTMLElement, options: EditorOptions): EditorController {
  const doc = root.ownerDocument;
  const lessonKey = options.lessonKey;
  const autoRunDelay = options.autoRunDelay ?? 800;
  const storage = options.storage === null ? undefined : (options.storage ?? openStorage());
  let authorCells = options.authorCells;
  // storage: null is a choice (in memory only), not a problem to tell the reader about.
  const loaded = options.storage === null ? { state: emptySaved(lessonKey) } : loadEdits(storage, lessonKey);
  const saved: SavedLesson = loaded.state;
  const slots = new Map<string, Slot>();
  const drafts = new Map<string, string>();
  let cm: typeof import("./codemirror.ts") | undefined;
  let lastNotice: string | undefined;
  let bar: LessonBar;

  const notify = (text: string) => {
    lastNotice = text;
    bar.notify(text);
  };
  const isEditable = (cell: CellDefinition) => !cell.inline && cell.options.run !== false && cell.options.editable !== false;
  const editableCells = () => authorCells.filter(isEditable);
  const current = () => authorCells.filter((cell) => cell.options.run !== false).map((cell) => handle.definition(cell.id) ?? cell);
  const names = () => [...current().flatMap((definition) => definition.outputs), ...builtins];
  const hasEdits = () => Object.keys(saved.cells).length > 0;

  const persist = () => {
    const notice = options.storage === null ? undefined : saveEdits(storage, saved);
    if (notice && notice !== lastNotice) notify(notice);
    bar.setHasEdits(hasEdits());
  };

  const setText = (slot: Slot, text: string) => slot.editor.setText(text);
  const openEditor = async (slot: Slot, focus = false) => {
    cm ??= await loadCodeMirror();
    if (slots.get(slot.author.id) === slot) slot.editor.open(cm, focus);
  };
  const isOpen = (slot: Slot) => slot.editor.isOpen();

  const typed = (slot: Slot) => {
    if (autoRunDelay <= 0) return;
    clearTimeout(slot.timer);
    slot.timer = setTimeout(async () => {
      const { isParsable } = await loadBuilder();
      const text = slot.editor.text();
      if (text !== slot.lastRun && isParsable(text, slot.author)) void apply(slot, text);
    }, autoRunDelay);
  };

  // An edit that did not build keeps its problems until the next run; a run's error goes away
  // once the cell computes again without one.
  const showProblems = (slot: Slot, kind: Slot["problems"], list: string[]) => {
    slot.problems = list.length > 0 ? kind : undefined;
    slot.view.showProblems(list);
  };

  const recordEdit = (slot: Slot, source: string) => {
    const id = slot.author.id;
    const previous = saved.cells[id];
    saved.cells[id] = {
      source,
      authorSource: previous?.authorSource ?? slot.author.source,
      savedAt: Date.now(),
      index: slot.index,
      outputs: [...slot.author.outputs],
    };
    slot.view.setEdited(true);
    persist();
  };

  /** Runs `source` as the cell; refuses (and says why, in place) an edit that would not build. */
  const apply = async (slot: Slot, source: string): Promise<boolean> => {
    clearTimeout(slot.timer);
    slot.lastRun = source;
    const run = ++slot.runs;
    if (isSameCode(source, slot.author.source)) {
      await resetSlot(slot);
      return true;
    }
    const { buildEdit } = await loadBuilder();
    if (run !== slot.runs) return false;
    const built = buildEdit(source, slot.author, current());
    if (!built.ok) {
      showProblems(slot, "build", built.diagnostics.map((d) => formatDiagnostic(d, slot.author.id)));
      slot.view.setStatus("Not run: this edit has an error; the rest of the lesson is unchanged.");
      return false;
    }
    showProblems(slot, undefined, []);
    recordEdit(slot, source);
    slot.view.setStatus("Running…");
    let state: CellState;
    try {
      await provideLibraries(handle, built.libraries);
      state = await handle.redefine(built.definition);
    } catch (error) {
      state = { id: slot.author.id, line: slot.author.line, status: "rejected", error: String(error) };
    }
    if (run !== slot.runs) return state.status !== "rejected";
    if (state.status === "rejected") {
      showProblems(slot, "runtime", [state.error ?? "This cell failed."]);
      slot.view.setStatus("Ran with an error.");
      return false;
    }
    slot.view.setStatus("Ran.");
    return true;
  };

  const resetSlot = async (slot: Slot) => {
    const id = slot.author.id;
    clearTimeout(slot.timer);
    delete saved.cells[id];
    persist();
    setText(slot, showSource(slot.author.source));
    slot.lastRun = slot.editor.text();
    slot.view.setEdited(false);
    slot.view.setAuthorChange(undefined);
    showProblems(slot, undefined, []);
    slot.view.setStatus("");
    if (handle.definition(id)?.source !== slot.author.source) await handle.redefine(slot.author);
  };

  /** Applies saved edits to their cells (by id, else by outputs and position), at load and after hot updates. */
  const applySaved = async () => {
    const cells = editableCells();
    const { matches, orphans } = matchEdits(saved.cells, cells);
    const toRun: [CellDefinition, string][] = [];
    let rekeyed = false;
    for (const { id, savedId, edit, authorChanged } of matches) {
      const index = cells.findIndex((cell) => cell.id === id);
      const author = cells[index]!;
      if (savedId !== id) {
        delete saved.cells[savedId];
        saved.cells[id] = { ...edit, index, outputs: [...author.outputs] };
        rekeyed = true;
      }
      const slot = slots.get(id);
      if (slot) {
        setText(slot, edit.source);
        slot.lastRun = edit.source;
        slot.view.setEdited(true);
        // A hidden cell the reader edited opens, so their code and its "edited" mark are in sight.
        const details = slot.view.container.closest("details");
        if (details && !details.open) details.open = true;
        slot.view.setAuthorChange(authorChanged ? { before: edit.authorSource, after: author.source } : undefined);
      }
      if (handle.definition(id)?.source !== edit.source) toRun.push([author, edit.source]);
    }
    if (rekeyed) persist();
    if (orphans.length > 0) {
      notify(`${orphans.length} saved edit${orphans.length === 1 ? " no longer matches a cell" : "s no longer match cells"} of this lesson; kept until you reset all edits.`);
    }
    if (toRun.length === 0) return;
    // The reader's own code, validated by the storage codec, runs again; one that no longer builds
    // (the lesson changed around it) shows why and leaves the author's version running.
    const { buildEdit } = await loadBuilder();
    const settled: Promise<unknown>[] = [];
    for (const [author, source] of toRun) {
      const built = buildEdit(source, author, current());
      if (built.ok) settled.push(provideLibraries(handle, built.libraries).then(() => handle.redefine(built.definition)));
      else {
        const slot = slots.get(author.id);
        if (slot) showProblems(slot, "build", built.diagnostics.map((d) => formatDiagnostic(d, author.id)));
      }
    }
    await Promise.all(settled);
  };

  const mount = (): Promise<void> => {
    editableCells().forEach((author, index) => {
      const listing = root.querySelector<HTMLElement>(`[data-source-for="${CSS.escape(author.id)}"]`);
      if (!listing) return;
      const id = author.id;
      const actions = {
        run: () => void controller.run(id),
        reset: () => void controller.reset(id),
        keep: () => {
          const edit = saved.cells[id];
          if (edit) saved.cells[id] = { ...edit, authorSource: author.source };
          persist();
          slot.view.setAuthorChange(undefined);
        },
      };
      const editor = createCellEditor(listing, author, actions, { run: actions.run, typed: () => typed(slot), names });
      const slot: Slot = { author, index, editor, view: editor.view, runs: 0, hidden: !editor.isOpen() };
      slots.set(id, slot);
    });
    const applied = applySaved();
    for (const [id, text] of drafts) {
      const slot = slots.get(id);
      if (slot && text !== slot.editor.text()) setText(slot, text);
    }
    drafts.clear();
    // After a hot update, editors come back at once where CodeMirror is already loaded.
    for (const slot of slots.values()) if (cm && isOpen(slot)) void openEditor(slot);
    return applied;
  };

  const unmount = () => {
    for (const [id, slot] of slots) {
      clearTimeout(slot.timer);
      const text = slot.editor.text();
      if (!isSameCode(text, slot.author.source) && text !== saved.cells[id]?.source) drafts.set(id, text);
      slot.editor.destroy();
    }
    slots.clear();
  };

  // CodeMirror comes when the reader reaches for a listing (hovering starts the download, a click,
  // focus or opening a hidden cell puts the editor in), or, with preload "idle", after load.
  const slotOf = (target: EventTarget | null) => {
    const element = target instanceof Element ? target : null;
    const holder = element?.closest("[data-editor], [data-source-for], details");
    const id =
      holder?.getAttribute("data-editor") ??
      holder?.getAttribute("data-source-for") ??
      holder?.querySelector("[data-source-for]")?.getAttribute("data-source-for");
    return id ? slots.get(id) : undefined;
  };
  const onReach = (event: Event) => {
    const slot = slotOf(event.target);
    if (!slot || !isOpen(slot)) return;
    // Inserting an open <details> fires "toggle" too: only a hidden cell's listing opened by the
    // reader counts.
    if (event.type === "toggle" && !slot.hidden) return;
    // A click or focus on the listing itself means the reader wants to type there.
    const focus = event.type !== "toggle" && event.target instanceof Element && slot.editor.isListing(event.target);
    void openEditor(slot, focus);
  };
  const onHover = (event: Event) => {
    if (slotOf(event.target)) void loadCodeMirror();
  };
  root.addEventListener("toggle", onReach, true);
  root.addEventListener("focusin", onReach);
  root.addEventListener("pointerdown", onReach);
  root.addEventListener("pointerover", onHover);
  if (options.preload === "idle") {
    const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => {
      void loadCodeMirror().then((module) => {
        cm = module;
        for (const slot of slots.values()) if (isOpen(slot)) void openEditor(slot);
      });
    }, { timeout: 2000 });
  }

  const unsubscribe = handle.onStatus((state) => {
    const slot = slots.get(state.id);
    if (!slot || !saved.cells[state.id]) return;
    if (state.status === "pending") slot.view.setStatus("Running…");
    else if (state.status === "rejected") {
      slot.view.setStatus("Ran with an error.");
      if (slot.problems !== "build") showProblems(slot, "runtime", [state.error ?? "This cell failed."]);
    } else {
      slot.view.setStatus("Ran.");
      if (slot.problems === "runtime") showProblems(slot, undefined, []);
    }
  });

  const controller: EditorController = {
    ready: Promise.resolve(),
    refresh(cells) {
      if (cells) authorCells = cells;
      unmount();
      if (!bar.element.isConnected) bar = createBar();
      controller.ready = mount();
    },
    run(id) {
      const slot = slots.get(id);
      if (!slot) return Promise.resolve(false);
      return apply(slot, slot.editor.text());
    },
    async reset(id) {
      const slot = slots.get(id);
      if (slot) await resetSlot(slot);
    },
    async resetAll() {
      await Promise.all([...slots.values()].filter((slot) => saved.cells[slot.author.id]).map(resetSlot));
      saved.cells = {};
      persist();
      notify("All edits were reset to the author's version.");
    },
    async share() {
      const cells = Object.fromEntries([...slots.keys()].flatMap((id) => (saved.cells[id] ? [[id, saved.cells[id]!.source]] : [])));
      const url = await makeShareLink(doc.defaultView!.location.href, lessonKey, cells, handle.api, findInputNames(current()));
      if (!url) {
        notify("Your edits are too large to fit in a link.");
        return undefined;
      }
      bar.showLink(url);
      try {
        await doc.defaultView!.navigator.clipboard.writeText(url);
        notify("Share link copied.");
      } catch {
        notify("Copy the share link from the field above.");
      }
      return url;
    },
    destroy() {
      unmount();
      bar.destroy();
      unsubscribe();
      root.removeEventListener("toggle", onReach, true);
      root.removeEventListener("focusin", onReach);
      root.removeEventListener("pointerdown", onReach);
      root.removeEventListener("pointerover", onHover);
      if (controllers.get(root)?.controller === controller) controllers.delete(root);
    },
  };

  const createBar = () =>
    createLessonBar(root, { share: () => void controller.share(), resetAll: () => void controller.resetAll() });
  injectStyles(doc);
  bar = createBar();
  if (loaded.notice) notify(loaded.notice);
  bar.setHasEdits(hasEdits());
  // A share link is answered after the saved edits are in place, so its diff is against them.
  const shareTarget = () => ({
    doc,
    lessonKey,
    api: handle.api,
    cells: new Map([...slots].map(([id, slot]) => [id, { line: slot.author.line, text: slot.editor.text() }])),
    inputNames: findInputNames(current()),
    apply: (id: string, source: string) => {
      const slot = slots.get(id);
      if (!slot) return Promise.resolve(false);
      setText(slot, source);
      return apply(slot, source);
    },
    notify,
  });
  controller.ready = mount()
    .then(() => answerShareLink(shareTarget()))
    .catch(() => notify("This share link could not be opened. Nothing from it was run."));
  return controller;
}

function formatDiagnostic(d: { line: number; column: number; message: string; cell?: string }, id: string): string {
  return d.cell && d.cell !== id
    ? `In the cell at line ${d.line} of the lesson: ${d.message}`
    : `Line ${d.line}, column ${d.column}: ${d.message}`;
}
