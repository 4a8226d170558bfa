// Slider positions (every `view()` input) kept across a reload, beside the reader's edits: a
// student who set the temperature to 2.5 finds it there after a reload. Only inputs the reader
// moved away from the author's default are kept, so a default the author changes in the .md (hot
// reload, a new build) shows for every input the reader never touched. Password inputs are never
// stored. "Reset all edits" forgets them and puts the defaults back.

import { loadDurably, saveDurably, type Codec } from "../store/durableStore.ts";
import { isPlainObject, openEnvelope, sealEnvelope } from "../store/envelope.ts";
import { collectInputs, findInputNames, findSecretInputs } from "./collectInputs.ts";
import type { EditorState } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { isSharedValue, type SharedValue } from "./sharedValue.ts";
import { storageKey } from "./storage.ts";

/** The inputs kept for one lesson: each moved input's value. */
export interface SavedInputs {
  lesson: string;
  values: Record<string, SharedValue>;
}

/** How long the reader's last move must rest before the values are written, in milliseconds. */
export const SAVE_INPUTS_DELAY_MS = 400;

// Storage problems with inputs are the edits' problems too, and the edits already say so: silent here.
const quiet = { restored: "", unreadable: "", unavailable: "", full: "" };

/** The storage key of a lesson's input values (beside its edits' key). */
export function inputsKey(lessonKey: string): string {
  return `${storageKey(lessonKey)}:inputs`;
}

function codecFor(lesson: string): Codec<SavedInputs> {
  return {
    encode: (state) => sealEnvelope(lesson, "values", JSON.stringify(state.values)),
    decode: (text) => decodeInputs(text, lesson),
    isEmpty: (state) => Object.keys(state.values).length === 0,
  };
}

/** Parses stored input values for `lesson`, keeping only well-formed entries; never throws. */
export function decodeInputs(text: string, lesson: string): { ok: true; state: SavedInputs } | { ok: false; problem: string } {
  const opened = openEnvelope(text, lesson, "values");
  if (!opened.ok) return opened;
  if (!isPlainObject(opened.raw.values)) return { ok: false, problem: "corrupt" };
  const values = Object.entries(opened.raw.values).filter((entry): entry is [string, SharedValue] => isSharedValue(entry[1]));
  return { ok: true, state: { lesson, values: Object.fromEntries(values) } };
}

/**
 * Keeps the lesson's input values: reads the defaults as the page has them now, puts back the
 * values the reader had moved (as if moved again; not when `restore` is false, while saved edits
 * are held after a failed load), and from then on saves every moved input a moment after the
 * reader stops. Returns `reset` (forget them, defaults back) and `stop`.
 */
export async function persistInputs(state: EditorState, restore = true): Promise<{ reset(): Promise<void>; stop(): void }> {
  const { handle, root } = state;
  const key = inputsKey(state.lessonKey);
  const codec = codecFor(state.lessonKey);
  const names = (): string[] => {
    const definitions = findCurrentDefinitions(state);
    const secret = findSecretInputs(root, definitions);
    return findInputNames(definitions).filter((name) => !secret.has(name));
  };
  // The defaults once the lesson has settled (an input's cell may wait for a library to load).
  await handle.api.idle();
  const defaults = await collectInputs(handle.api, names(), 5000);
  const stored = state.persists && restore ? loadDurably(state.storage, key, codec, { lesson: state.lessonKey, values: {} }, quiet).state : undefined;
  for (const [name, value] of Object.entries(stored?.values ?? {})) {
    if (name in defaults && !isSame(value, defaults[name])) {
      await handle.api.set(name, value);
      state.bar.setHasEdits(true);
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async (): Promise<void> => {
    const current = await collectInputs(handle.api, names());
    const moved = Object.entries(current).filter(([name, value]) => name in defaults && !isSame(value, defaults[name]));
    if (state.persists) saveDurably(state.storage, key, codec, { lesson: state.lessonKey, values: Object.fromEntries(moved) }, quiet);
    // "Reset all edits" also puts the sliders back, so it is offered once one has moved.
    if (moved.length) state.bar.setHasEdits(true);
  };
  const onInput = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_INPUTS_DELAY_MS);
  };
  root.addEventListener("input", onInput);
  return {
    async reset() {
      clearTimeout(timer);
      if (state.persists) saveDurably(state.storage, key, codec, { lesson: state.lessonKey, values: {} }, quiet);
      for (const [name, value] of Object.entries(defaults)) await handle.api.set(name, value);
    },
    stop() {
      clearTimeout(timer);
      root.removeEventListener("input", onInput);
    },
  };
}

function isSame(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
