// The editors and the learning side of a built page, installed once the page is interactive
// instead of at its start. A trace of the worked example's cold load had their installation and
// the style and layout of what they add (a Run/Reset bar under each listing, the edits bar) on the
// path from first paint to interactive, though for a first-time reader they restore nothing. They
// go in at the first idle moment after the lesson settles, or at the reader's first pointer or key
// press or focus, whichever comes first: the press is seen (capture, on the window) before any
// element does, so the listeners they add get that same event (a Tab onto a listing, a click on
// "edit"). A reader with something saved for the lesson or a link with a hash (a share link) gets
// them at once, as before, so saved edits, slider positions and answers are back from the start.
// A lesson that never settles (a cell stalled) gets them when lesson.idle() gives up on it
// (defineCell's STALL_MS), or at the reader's first press, whichever is first.

import type { LessonHandle } from "./types.ts";

/** The events that mean the reader is reaching for the page. */
const READER_EVENTS = ["pointerdown", "keydown", "focusin", "touchstart"] as const;

/** The longest wait for an idle moment once the lesson has settled, in milliseconds. */
export const IDLE_TIMEOUT_MS = 500;

/**
 * True when the storage `open` gives holds anything of the lesson `file`: its saved edits, slider
 * positions or learning record (and their backups). Every such key starts `live-lesson:` and
 * carries the file (src/editor/storage.ts, src/editor/persistInputs.ts,
 * src/learn/record/recordKeys.ts). Storage that cannot be read counts as holding something.
 */
export function hasReaderState(file: string, open: () => Pick<Storage, "length" | "key"> | undefined): boolean {
  try {
    const storage = open();
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith("live-lesson:") && key.includes(file)) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/**
 * Runs `install` once: at the first idle moment after `handle`'s lesson has settled, or at the
 * reader's first press or focus in `view`. Until then `handle.api.idle()` also waits for it, so
 * whoever waits for the page (a test, a script) finds the editors and `lesson.record()` there.
 */
export function installWhenIdle(handle: LessonHandle, view: Window, install: () => void): void {
  let installed!: () => void;
  const done = new Promise<void>((resolve) => (installed = resolve));
  let ran = false;
  const run = (): void => {
    if (ran) return;
    ran = true;
    // Capture only: on the window, browsers make touchstart listeners passive by themselves.
    for (const type of READER_EVENTS) view.removeEventListener(type, run, true);
    try {
      install();
    } finally {
      installed();
    }
  };
  for (const type of READER_EVENTS) view.addEventListener(type, run, true);
  const settled = handle.api.idle;
  handle.api.idle = () => settled().then(() => done);
  void settled().then(() => view.requestIdleCallback?.(run, { timeout: IDLE_TIMEOUT_MS }) ?? view.setTimeout(run));
}
