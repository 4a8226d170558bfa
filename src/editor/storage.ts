// Loading and saving a lesson's edits in localStorage, so that a failed write never loses the
// last good copy and no storage problem ever breaks the page.

import { decodeSaved, emptySaved, encodeSaved, type SavedLesson } from "./saved.ts";

/** The part of the Web Storage API the editor uses (a fake in tests). */
export type EditStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The result of loading: the state to use, and a notice for the reader when something was off. */
export interface LoadedEdits {
  state: SavedLesson;
  notice?: string;
}

/** The storage key of a lesson's edits. */
export function storageKey(lessonKey: string): string {
  return `live-lesson:${lessonKey}`;
}

/** The key of the previous good copy, kept while a new one is written. */
export function backupKey(lessonKey: string): string {
  return `${storageKey(lessonKey)}:previous`;
}

/** localStorage, or undefined when the browser refuses it (SecurityError, disabled cookies). */
export function openStorage(get: () => EditStorage | null | undefined = () => globalThis.localStorage): EditStorage | undefined {
  try {
    return get() ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a lesson's edits: the main copy if it is valid, else the previous good copy, else nothing.
 * Never throws; unreadable data yields an empty state and a notice.
 */
export function loadEdits(storage: EditStorage | undefined, lessonKey: string): LoadedEdits {
  const empty = emptySaved(lessonKey);
  if (!storage) return { state: empty, notice: UNAVAILABLE };
  let main: string | null;
  let backup: string | null;
  try {
    main = storage.getItem(storageKey(lessonKey));
    backup = storage.getItem(backupKey(lessonKey));
  } catch {
    return { state: empty, notice: UNAVAILABLE };
  }
  if (main === null && backup === null) return { state: empty };
  if (main !== null) {
    const decoded = decodeSaved(main, lessonKey);
    if (decoded.ok) return { state: decoded.state };
  }
  if (backup !== null) {
    const decoded = decodeSaved(backup, lessonKey);
    if (decoded.ok) {
      return { state: decoded.state, notice: "Your latest saved edits could not be read; an earlier copy was restored." };
    }
  }
  return { state: empty, notice: "Saved edits for this lesson could not be read and were set aside." };
}

/**
 * Writes a lesson's edits: first the current main copy, when it is valid, becomes the backup, then
 * the new copy replaces the main one. A crash or an exception at any point leaves at least one
 * valid copy. Returns a notice when the write failed (the edits then live in memory only).
 */
export function saveEdits(storage: EditStorage | undefined, state: SavedLesson): string | undefined {
  if (!storage) return UNAVAILABLE;
  const key = storageKey(state.lesson);
  try {
    const current = storage.getItem(key);
    if (current !== null && decodeSaved(current, state.lesson).ok) {
      storage.setItem(backupKey(state.lesson), current);
    }
    if (Object.keys(state.cells).length === 0) {
      storage.removeItem(backupKey(state.lesson));
      storage.removeItem(key);
    } else {
      storage.setItem(key, encodeSaved(state));
    }
    return undefined;
  } catch (error) {
    return isQuotaError(error)
      ? "Browser storage is full: your edits are kept until you leave this page, but not saved."
      : UNAVAILABLE;
  }
}

const UNAVAILABLE = "This browser does not let the page save: your edits are kept until you leave this page.";

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED";
}
