// The saved-edits schema: encoding with a checksum, and strict validation of what comes back.

import { isPlainObject as isRecord, openEnvelope, sealEnvelope } from "../store/envelope.ts";

/** One cell's saved edit, keyed by the author's cell id at the time of the edit. */
export interface SavedEdit {
  /** The reader's version of the cell. */
  source: string;
  /** The author's version the reader started from (to notice later author changes). */
  authorSource: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** Position among the lesson's editable cells, to find the cell again after the author edits it. */
  index?: number;
  /** The author's cell outputs, for the same reason. */
  outputs?: string[];
  /** "link" when this is code the reader accepted from a share link (not typed by them). */
  from?: "link";
}

/** Everything saved for one lesson under `live-lesson:<lessonKey>`. */
export interface SavedLesson {
  version: 1;
  lesson: string;
  cells: Record<string, SavedEdit>;
}

/** Why saved text was refused. */
export type SavedProblem = "corrupt" | "version" | "foreign";

/** Limits on what is accepted back from storage. */
export const SAVED_LIMITS = { cells: 1000, source: 200_000, lesson: 1000, outputs: 1000, id: 128 };

const ID = /^[A-Za-z0-9_-]+$/;
const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** An empty state for a lesson. */
export function emptySaved(lesson: string): SavedLesson {
  return { version: 1, lesson, cells: {} };
}

/**
 * What a stored copy holds under its envelope: "cells", the edits that run; "drafts", the reader's
 * unrun typing (keepDrafts.ts), the same shape under another name so neither is read as the other.
 */
export type SavedKind = "cells" | "drafts";

/** Serialises a state with a checksum of its cells, so a torn write is detected on load. */
export function encodeSaved(state: SavedLesson, kind: SavedKind = "cells"): string {
  return sealEnvelope(state.lesson, kind, JSON.stringify(state.cells));
}

/** Parses and validates saved text for `lesson`; never throws. */
export function decodeSaved(
  text: string,
  lesson: string,
  kind: SavedKind = "cells",
): { ok: true; state: SavedLesson; refused?: { text: string; count: number } } | { ok: false; problem: SavedProblem } {
  const opened = openEnvelope(text, lesson, kind);
  if (!opened.ok) return opened;
  const body = opened.raw[kind];
  if (!isRecord(body)) return { ok: false, problem: "corrupt" };
  const entries = Object.entries(body);
  if (entries.length > SAVED_LIMITS.cells) return { ok: false, problem: "corrupt" };
  // Entry by entry: one that fails validation is refused (to be set aside, never run) and the
  // others are kept; the checksum above already vouches for the copy as a whole.
  const cells: [string, SavedEdit][] = [];
  const refused: [string, unknown][] = [];
  for (const [id, value] of entries) {
    const edit = maybeSavedEdit(value);
    if (isCellId(id) && edit) cells.push([id, edit]);
    else refused.push([id, value]);
  }
  // fromEntries defines own properties, so an id such as "__proto__" cannot reach a prototype.
  const state: SavedLesson = { version: 1, lesson, cells: Object.fromEntries(cells) };
  if (refused.length === 0) return { ok: true, state };
  return { ok: true, state, refused: { text: JSON.stringify(Object.fromEntries(refused)), count: refused.length } };
}

/** The ids of `state`'s edits that decodeSaved would refuse (too long, badly shaped): not to be saved. */
export function findUnsaveable(state: SavedLesson): string[] {
  return Object.entries(state.cells).flatMap(([id, edit]) => (isCellId(id) && maybeSavedEdit(edit) ? [] : [id]));
}

/** True for a string shaped like a cell id. */
export function isCellId(id: unknown): id is string {
  return typeof id === "string" && id.length > 0 && id.length <= SAVED_LIMITS.id && ID.test(id);
}

/** True for a JavaScript identifier (as cell outputs and input names are). */
export function isName(name: unknown): name is string {
  return typeof name === "string" && name.length <= 200 && NAME.test(name);
}

function maybeSavedEdit(value: unknown): SavedEdit | undefined {
  if (!isRecord(value)) return undefined;
  const { source, authorSource, savedAt, index, outputs, from } = value;
  if (!isSource(source) || !isSource(authorSource)) return undefined;
  if (typeof savedAt !== "number" || !Number.isFinite(savedAt)) return undefined;
  const edit: SavedEdit = { source, authorSource, savedAt };
  if (index !== undefined) {
    if (!Number.isSafeInteger(index) || (index as number) < 0) return undefined;
    edit.index = index as number;
  }
  if (outputs !== undefined) {
    if (!Array.isArray(outputs) || outputs.length > SAVED_LIMITS.outputs || !outputs.every(isName)) {
      return undefined;
    }
    edit.outputs = [...outputs];
  }
  if (from !== undefined) {
    if (from !== "link") return undefined;
    edit.from = from;
  }
  return edit;
}

function isSource(value: unknown): value is string {
  return typeof value === "string" && value.length <= SAVED_LIMITS.source;
}

