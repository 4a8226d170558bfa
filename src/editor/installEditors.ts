// The façade: puts an editor on every live cell, runs edits through the compiler into the running
// lesson, saves them, and handles share links. Each job is a module of its own, and they share one
// EditorState (editorState.ts); this file only wires them up and keeps one controller per root.

import type { CellDefinition, LessonHandle } from "../runtime/types.ts";
import { createEditorState } from "./editorState.ts";
import { createLessonBar, type LessonBar } from "./createLessonBar.ts";
import { followCellStatus } from "./followCellStatus.ts";
import { findReasonToHold, markLoaded, markLoadedWhenLeft, markLoadedWhenSettled, markLoading } from "./holdSavedEdits.ts";
import { injectStyles } from "./injectStyles.ts";
import { dropAllDrafts, flushDrafts, restoreKeptDrafts } from "./keepDrafts.ts";
import { listenForReach } from "./listenForReach.ts";
import { mountCells } from "./mountCells.ts";
import { notifyReader } from "./notifyReader.ts";
import { onPageHidden } from "./onPageHidden.ts";
import { openCellEditor } from "./openCellEditor.ts";
import { openShareLink } from "./openShareLink.ts";
import { persistEdits } from "./persistEdits.ts";
import { persistInputs } from "./persistInputs.ts";
import { isShareHash } from "./sharedValue.ts";
import { resetCell } from "./resetCell.ts";
import { restoreDrafts } from "./restoreDrafts.ts";
import { restoreSavedEdits } from "./restoreSavedEdits.ts";
import { runEdit } from "./runEdit.ts";
import { shareEdits } from "./shareEdits.ts";
import type { EditStorage } from "./storage.ts";
import type { CodeEditor } from "./codemirror.ts";
import { attachTypeHelp, type AttachedCell, type TypeHelpAttachment } from "./typecheck/attachTypeHelp.ts";
import { createTypeHelpLoader } from "./typecheck/loadTypeHelp.ts";
import { createTypeHelpHost } from "./typecheck/createTypeHelpHost.ts";
import { unmountCells } from "./unmountCells.ts";

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
  /**
   * Gives an editor outside the cells' own (an exercise's) the lesson's type help: its code is
   * checked as the cell `cell.id` with the lesson's other cells. Call the attachment's `changed()`
   * at every change of its text, and `detach()` before destroying it (typecheck/attachTypeHelp.ts).
   */
  attachTypeHelp(editor: CodeEditor, cell: AttachedCell): TypeHelpAttachment;
  destroy(): void;
}

const controllers = new WeakMap<HTMLElement, { handle: LessonHandle; controller: EditorController }>();

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

/** True when the cell is an exercise's starter (it sits in `[data-exercise]`). */
function isExercise(root: HTMLElement, id: string): boolean {
  return root.querySelector(`[data-exercise] [data-source-for="${CSS.escape(id)}"], [data-exercise] [data-editor="${CSS.escape(id)}"]`) !== null;
}

function createController(handle: LessonHandle, root: HTMLElement, options: EditorOptions): EditorController {
  const createBar = (): LessonBar =>
    createLessonBar(root, { share: () => void controller.share(), resetAll: () => void controller.resetAll() });
  injectStyles(root.ownerDocument);
  const { state, notice } = createEditorState(handle, root, createBar(), options);
  if (notice) notifyReader(state, notice);
  state.typeHelp = createTypeHelpLoader(createTypeHelpHost(state));
  const hasSaved = Object.keys(state.saved.cells).length > 0;
  state.bar.setHasEdits(hasSaved);
  // Saved edits that may have broken the last load wait for the reader (holdSavedEdits.ts).
  const heldBecause = hasSaved ? findReasonToHold(state, state.doc.defaultView?.location.href ?? "http://localhost/") : undefined;
  let held = heldBecause !== undefined;
  // Leaving before the lesson settled is not a failed load (holdSavedEdits.ts).
  const stopWatchingLeave = markLoadedWhenLeft(state, () => !held);
  const runSavedEdits = (): Promise<void> => {
    markLoading(state);
    const applied = restoreSavedEdits(state);
    void applied.then(() => markLoadedWhenSettled(state, () => handle.api.idle()));
    return applied;
  };
  const offerHeldEdits = (): void =>
    state.bar.offer("Run my saved edits", () => {
      held = false;
      controller.ready = runSavedEdits().catch(() => notifyReader(state, "Your saved edits could not all be applied. They are still saved; reload to try again."));
    });
  if (!hasSaved) markLoaded(state);

  let firstMount = true;
  const mount = (): Promise<void> => {
    mountCells(state);
    // Saved edits go in first (synchronously), then unrun drafts over them: at load the ones kept
    // from the last visit, after a hot update the ones the rebuilt editors held.
    const applied = held ? Promise.resolve() : restoreSavedEdits(state);
    if (firstMount) restoreKeptDrafts(state);
    firstMount = false;
    restoreDrafts(state);
    // After a hot update, editors come back at once where CodeMirror is already loaded; an
    // exercise's starter has its editor open from the start (the student is meant to type there).
    for (const slot of state.slots.values()) {
      if ((state.codeMirror || isExercise(root, slot.author.id)) && slot.editor.isOpen()) void openCellEditor(state, slot);
    }
    return applied;
  };
  const stopListening = listenForReach(state, options.preload);
  // Typing within the pause before its drafts are written is kept when the page is hidden or goes away.
  const stopFlushing = onPageHidden(state.doc, () => flushDrafts(state));
  const unsubscribe = followCellStatus(state);
  let inputs: Awaited<ReturnType<typeof persistInputs>> | undefined;
  let destroyed = false;

  const controller: EditorController = {
    ready: Promise.resolve(),
    refresh(cells) {
      if (cells) state.authorCells = cells;
      unmountCells(state);
      if (!state.bar.element.isConnected) {
        state.bar = createBar();
        if (held) offerHeldEdits();
      }
      controller.ready = mount();
    },
    run(id) {
      const slot = state.slots.get(id);
      return slot ? runEdit(state, slot, slot.editor.text()) : Promise.resolve(false);
    },
    async reset(id) {
      const slot = state.slots.get(id);
      if (slot) await resetCell(state, slot);
    },
    async resetAll() {
      const { saved, savedDrafts } = state;
      await Promise.all([...state.slots.values()].filter(({ author }) => saved.cells[author.id] || savedDrafts.cells[author.id]).map((slot) => resetCell(state, slot)));
      // Orphans too (edits that match no cell), which are kept until now.
      state.saved.cells = {};
      persistEdits(state);
      dropAllDrafts(state);
      held = false;
      markLoaded(state);
      await inputs?.reset();
      notifyReader(state, "All edits were reset to the author's version.");
    },
    share: () => shareEdits(state),
    attachTypeHelp: (editor, cell) => attachTypeHelp(state, editor, cell),
    destroy() {
      destroyed = true;
      flushDrafts(state);
      stopFlushing();
      inputs?.stop();
      unmountCells(state);
      state.typeHelp?.destroy();
      stopWatchingLeave();
      state.bar.destroy();
      unsubscribe();
      stopListening();
      if (controllers.get(root)?.controller === controller) controllers.delete(root);
    },
  };

  // A failure restoring saved edits is not a share link's fault: each says what failed. The saved
  // edits stay in storage either way (nothing here deletes them), so a reload can try again.
  if (!held && hasSaved) markLoading(state);
  controller.ready = mount()
    .catch(() => notifyReader(state, "Your saved edits could not all be applied. They are still saved; reload to try again."))
    .then(() => {
      // The reader's slider positions, after their edits (which may change an input's default); not
      // awaited, and none restored when a share link brings its own values.
      const linked = isShareHash(state.doc.defaultView?.location.hash ?? "");
      void persistInputs(state, !held && !linked).then(
        (kept) => (destroyed ? kept.stop() : (inputs = kept)),
        () => undefined, // Positions not kept is no reason to break the page.
      );
      return openShareLink(state);
    })
    .catch(() => notifyReader(state, "This share link could not be opened. Nothing from it was run."));
  if (heldBecause) {
    notifyReader(state, heldBecause);
    offerHeldEdits();
  } else if (hasSaved) void controller.ready.then(() => markLoadedWhenSettled(state, () => handle.api.idle()));
  return controller;
}
