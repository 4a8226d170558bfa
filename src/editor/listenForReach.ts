// CodeMirror comes when the reader reaches for a listing: hovering starts the download; a click,
// focus or opening a hidden cell puts the editor in. With preload "idle", it also comes after load.

import type { EditorState, Slot } from "./editorState.ts";
import { loadCodeMirror } from "./loadCodeMirror.ts";
import { openCellEditor } from "./openCellEditor.ts";

/** Listens on the lesson's root for a reader reaching for a cell's code; returns the function that stops. */
export function listenForReach(state: EditorState, preload: "interaction" | "idle" = "interaction"): () => void {
  const { root } = state;
  const slotOf = (target: EventTarget | null): Slot | undefined => {
    const element = target instanceof Element ? target : null;
    const holder = element?.closest("[data-editor], [data-source-for], details");
    const id =
      holder?.getAttribute("data-editor") ??
      holder?.getAttribute("data-source-for") ??
      holder?.querySelector("[data-source-for]")?.getAttribute("data-source-for");
    return id ? state.slots.get(id) : undefined;
  };
  const onReach = (event: Event) => {
    const slot = slotOf(event.target);
    if (!slot || !slot.editor.isOpen()) return;
    // Inserting an open <details> fires "toggle" too: only a hidden cell's listing opened by the
    // reader counts.
    if (event.type === "toggle" && !slot.hidden) return;
    // A click or focus on the listing itself means the reader wants to type there.
    const focus = event.type !== "toggle" && event.target instanceof Element && slot.editor.isListing(event.target);
    void openCellEditor(state, slot, focus);
  };
  // The cursor in a cell's code is reaching to edit: the type checker starts, to be warm by the
  // first keystroke (a reader who only opens a listing or reads loads none of it).
  const onFocus = (event: Event) => {
    const slot = event.target instanceof Element && event.target.closest(".cm-content") ? slotOf(event.target) : undefined;
    if (slot) state.typeHelp?.prepare(slot.author.id);
  };
  const onHover = (event: Event) => {
    if (slotOf(event.target)) void loadCodeMirror();
  };
  root.addEventListener("toggle", onReach, true);
  root.addEventListener("focusin", onReach);
  root.addEventListener("focusin", onFocus);
  root.addEventListener("pointerdown", onReach);
  root.addEventListener("pointerover", onHover);
  if (preload === "idle") {
    const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => {
      void loadCodeMirror().then((module) => {
        state.codeMirror = module;
        for (const slot of state.slots.values()) if (slot.editor.isOpen()) void openCellEditor(state, slot);
      });
    }, { timeout: 2000 });
  }
  return () => {
    root.removeEventListener("toggle", onReach, true);
    root.removeEventListener("focusin", onReach);
    root.removeEventListener("focusin", onFocus);
    root.removeEventListener("pointerdown", onReach);
    root.removeEventListener("pointerover", onHover);
  };
}
