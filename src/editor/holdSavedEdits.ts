// Opening a lesson without the reader's saved edits when they may be what broke it. Saved edits
// run at every load, so one that empties the page or crashes the tab would come back on every
// visit with no Reset button left to press. A flag is set in storage before they run and cleared
// once the page has settled with the lesson still in it; a load that finds the flag still set (the
// tab crashed, or the lesson vanished) holds them back and offers to run them. Leaving the page
// before it settled (a reload, a link, closing the tab) is not a failed load: the flag is cleared
// then too, as long as the lesson is still in the page (a crashed or frozen tab fires no pagehide). `#no-edits` in the
// URL holds them back too, whatever happened before. Held edits stay saved: nothing is lost.

import type { EditorState } from "./editorState.ts";
import { storageKey } from "./storage.ts";

/** The URL fragment that opens a lesson without running the reader's saved edits. */
export const NO_EDITS_HASH = "#no-edits";

/** The storage key of the flag set while saved edits run at load. */
export function loadingKey(lessonKey: string): string {
  return `${storageKey(lessonKey)}:loading`;
}

/** Why the saved edits must not run at this load (a notice for the reader), or undefined. */
export function findReasonToHold(state: Pick<EditorState, "storage" | "lessonKey">, href: string): string | undefined {
  if (new URL(href).hash === NO_EDITS_HASH) return "Opened with #no-edits: your saved edits were not run. They are still saved.";
  if (readFlag(state) !== null) {
    return "This lesson did not finish loading last time, maybe because of your saved edits: they were not run this time. They are still saved.";
  }
  return undefined;
}

/** Sets the flag: saved edits are about to run. */
export function markLoading(state: Pick<EditorState, "storage" | "lessonKey">): void {
  try {
    state.storage?.setItem(loadingKey(state.lessonKey), String(Date.now()));
  } catch {
    // Storage refused: there is nothing saved to hold back next time either.
  }
}

/** Clears the flag: the page settled with the lesson in it, or there is nothing left to run. */
export function markLoaded(state: Pick<EditorState, "storage" | "lessonKey">): void {
  try {
    state.storage?.removeItem(loadingKey(state.lessonKey));
  } catch {
    // As above.
  }
}

/**
 * Clears the flag once the lesson is idle and still in the page a moment later (edits that empty
 * the page or remove the lesson leave it set); `whenIdle` is the lesson's `idle()`.
 */
export async function markLoadedWhenSettled(state: Pick<EditorState, "storage" | "lessonKey" | "root" | "bar" | "doc">, whenIdle: () => Promise<void>): Promise<void> {
  await whenIdle();
  await new Promise((resolve) => state.doc.defaultView?.setTimeout(resolve, 100) ?? setTimeout(resolve, 100));
  if (state.root.isConnected && state.bar.element.isConnected) markLoaded(state);
}

/**
 * Clears the flag when the reader leaves the page (`pagehide`: a reload, a link, closing the tab)
 * with the lesson still in it. Without this, a reload before the lesson was idle (a slow machine,
 * an exercise page loading its editor, a reader pressing reload twice) held the edits back at the
 * next load as if they had broken the page. A page an edit emptied keeps the flag, and a tab that
 * crashed or froze fires no pagehide. `ran` says whether this load ran the saved edits: a load that
 * held them back proved nothing about them and leaves the flag as it found it. Returns the function
 * that stops listening.
 */
export function markLoadedWhenLeft(state: Pick<EditorState, "storage" | "lessonKey" | "root" | "bar" | "doc">, ran: () => boolean): () => void {
  const view = state.doc.defaultView;
  if (!view) return () => {};
  const onLeave = () => {
    if (ran() && state.root.isConnected && state.bar.element.isConnected) markLoaded(state);
  };
  view.addEventListener("pagehide", onLeave);
  return () => view.removeEventListener("pagehide", onLeave);
}

function readFlag(state: Pick<EditorState, "storage" | "lessonKey">): string | null {
  try {
    return state.storage?.getItem(loadingKey(state.lessonKey)) ?? null;
  } catch {
    return null;
  }
}
