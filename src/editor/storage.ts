// Loading and saving a lesson's edits in localStorage, over the durable store shared with the
// learning record (src/store/): a failed write never loses the last good copy and no storage
// problem ever breaks the page.

import { backupKeyOf, loadDurably, openStorage as openKeyValueStorage, refusedKeyOf, saveDurably, type Codec, type KeyValueStorage, type StoreNotices } from "../store/durableStore.ts";
import { siteScope } from "../store/siteScope.ts";
import { decodeSaved, emptySaved, encodeSaved, findUnsaveable, SAVED_LIMITS, type SavedKind, type SavedLesson } from "./saved.ts";

/** The part of the Web Storage API the editor uses (a fake in tests). */
export type EditStorage = KeyValueStorage;

/** The result of loading: the state to use, and a notice for the reader when something was off. */
export interface LoadedEdits {
  state: SavedLesson;
  notice?: string;
}

/**
 * The storage key of a lesson's edits on the site at `scope` (the site's base path, from the page's
 * URL): two courses on one origin each with a `multi.md` must not run each other's edits. A site at
 * the origin's root keeps the plain key, so edits saved before scoping come back.
 */
export function storageKey(lessonKey: string, scope: string = siteScope()): string {
  return scope === "/" ? `live-lesson:${lessonKey}` : `live-lesson:${scope}${lessonKey}`;
}

/** The key of the previous good copy, kept while a new one is written. */
export function backupKey(lessonKey: string): string {
  return backupKeyOf(storageKey(lessonKey));
}

/** The key of a lesson's unfinished edits: text typed in a cell that is not what the cell runs. */
export function draftsKey(lessonKey: string): string {
  return `${storageKey(lessonKey)}:drafts`;
}

/** The key where saved edits that could not be read are set aside (never run, never overwritten). */
export function refusedKey(lessonKey: string): string {
  return refusedKeyOf(storageKey(lessonKey));
}

/** localStorage, or undefined when the browser refuses it (SecurityError, disabled cookies). */
export const openStorage: (get?: () => EditStorage | null | undefined) => EditStorage | undefined = openKeyValueStorage;

const UNAVAILABLE = "This browser does not let the page save: your edits are kept until you leave this page.";

const notices: StoreNotices = {
  restored: "Your latest saved edits could not be read; an earlier copy was restored.",
  unreadable: "Saved edits for this lesson could not be read and were set aside.",
  unavailable: UNAVAILABLE,
  full: "Browser storage is full: your edits are kept until you leave this page, but not saved.",
  partlyRefused: (count, key) =>
    `${count} saved edit${count === 1 ? "" : "s"} could not be read and ${count === 1 ? "was" : "were"} set aside (kept in this browser's storage under "${key}"); your other edits are back.`,
};

const draftNotices: StoreNotices = {
  ...notices,
  restored: "Your latest unfinished edits could not be read; an earlier copy was restored.",
  unreadable: "Unfinished edits saved for this lesson could not be read and were set aside.",
  partlyRefused: (count, key) =>
    `${count} unfinished edit${count === 1 ? "" : "s"} could not be read and ${count === 1 ? "was" : "were"} set aside (kept in this browser's storage under "${key}").`,
};

function codecFor(lessonKey: string, kind: SavedKind = "cells"): Codec<SavedLesson> {
  return {
    encode: (state) => encodeSaved(state, kind),
    decode: (text) => decodeSaved(text, lessonKey, kind),
    isEmpty: (state) => Object.keys(state.cells).length === 0,
  };
}

/**
 * Reads a lesson's edits: the main copy if it is valid, else the previous good copy, else nothing.
 * Never throws; unreadable data yields an empty state and a notice.
 */
export function loadEdits(storage: EditStorage | undefined, lessonKey: string): LoadedEdits {
  return loadDurably(storage, storageKey(lessonKey), codecFor(lessonKey), emptySaved(lessonKey), notices);
}

/**
 * Writes a lesson's edits: first the current main copy, when it is valid, becomes the backup, then
 * the new copy replaces the main one. A crash or an exception at any point leaves at least one
 * valid copy. Returns a notice when the write failed (the edits then live in memory only).
 */
export function saveEdits(storage: EditStorage | undefined, state: SavedLesson): string | undefined {
  return saveKind(storage, storageKey(state.lesson), "cells", state, notices);
}

/** Reads a lesson's unfinished edits (keepDrafts.ts), as loadEdits reads its edits. */
export function loadDrafts(storage: EditStorage | undefined, lessonKey: string): LoadedEdits {
  return loadDurably(storage, draftsKey(lessonKey), codecFor(lessonKey, "drafts"), emptySaved(lessonKey), draftNotices);
}

/** Writes a lesson's unfinished edits, as saveEdits writes its edits. */
export function saveDrafts(storage: EditStorage | undefined, state: SavedLesson): string | undefined {
  return saveKind(storage, draftsKey(state.lesson), "drafts", state, draftNotices);
}

function saveKind(storage: EditStorage | undefined, key: string, kind: SavedKind, state: SavedLesson, kindNotices: StoreNotices): string | undefined {
  // What loading would refuse is not written: saved, it would be refused on reload (once taking
  // every other edit with it). Such an edit stays in the page until the reader leaves.
  const unsaveable = findUnsaveable(state);
  const cells = Object.fromEntries(Object.entries(state.cells).filter(([id]) => !unsaveable.includes(id)));
  const notice = saveDurably(storage, key, codecFor(state.lesson, kind), { ...state, cells }, kindNotices);
  if (notice || unsaveable.length === 0) return notice;
  return `An edited cell is too long to save (at most ${SAVED_LIMITS.source.toLocaleString("en")} characters): it stays until you leave this page, but is not saved.`;
}
