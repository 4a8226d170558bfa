// Slider positions (every `view()` input) kept across a reload, beside the reader's edits: a
// student who set the temperature to 2.5 finds it there after a reload. Only inputs the reader
// moved away from the author's default are kept, so a default the author changes in the .md (hot
// reload, a new build) shows for every input the reader never touched. Password inputs are never
// stored. "Reset all edits" forgets them and puts the defaults back. The write waits for the reader
// to pause (never inside a slider's change), and is made at once when the page is hidden or goes away.

import { withoutAnnouncing } from "../runtime/announceChanges.ts";
import { loadDurably, saveDurably, type Codec } from "../store/durableStore.ts";
import { isPlainObject, openEnvelope, sealEnvelope } from "../store/envelope.ts";
import { collectInputs, findInputNames, findSecretInputs } from "./collectInputs.ts";
import type { CellDefinition } from "../runtime/types.ts";
import type { EditorState } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { onPageHidden } from "./onPageHidden.ts";
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
      // Put back, not moved: the live region does not read out what it changes (the dispatch is synchronous).
      await withoutAnnouncing(() => handle.api.set(name, value));
      state.bar.setHasEdits(true);
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  // What the last save wrote, and the elements input events came from since (and during a save in
  // flight): a save that cannot wait for the lesson (the page is going away) reads those at once.
  let saved: Record<string, SharedValue> = defaults;
  let touched = new Set<EventTarget>();
  let inFlight: Set<EventTarget> | undefined;
  const write = (current: Record<string, SharedValue>): void => {
    const changed = Object.entries(current).filter(([name, value]) => name in defaults && !isSame(value, defaults[name]));
    if (state.persists) saveDurably(state.storage, key, codec, { lesson: state.lessonKey, values: Object.fromEntries(changed) }, quiet);
    // "Reset all edits" also puts the sliders back, so it is offered once one has moved.
    if (changed.length) state.bar.setHasEdits(true);
  };
  const save = async (): Promise<void> => {
    inFlight = touched;
    touched = new Set();
    const current = await collectInputs(handle.api, names());
    inFlight = undefined;
    saved = current;
    write(current);
  };
  // Per input event only a note of its target: this runs inside every slider change.
  const onInput = (event: Event): void => {
    if (event.target) touched.add(event.target);
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, SAVE_INPUTS_DELAY_MS);
  };
  // A reload or a closed tab within the save's delay would lose the last move: the save is made at
  // once when the page is hidden or goes away.
  const flush = (): void => {
    if (timer === undefined && inFlight === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    const definitions = findCurrentDefinitions(state);
    const allowed = new Set(names());
    const current = { ...saved };
    for (const target of [...(inFlight ?? []), ...touched]) {
      const input = readMovedInput(target, definitions);
      if (input && allowed.has(input.name) && isSharedValue(input.value)) current[input.name] = input.value;
    }
    touched.clear();
    write(current);
  };
  root.addEventListener("input", onInput);
  const stopFlushing = onPageHidden(root.ownerDocument, flush);
  return {
    async reset() {
      clearTimeout(timer);
      timer = undefined;
      touched.clear();
      saved = defaults;
      if (state.persists) saveDurably(state.storage, key, codec, { lesson: state.lessonKey, values: {} }, quiet);
      for (const [name, value] of Object.entries(defaults)) await handle.api.set(name, value);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      root.removeEventListener("input", onInput);
      stopFlushing();
    },
  };
}

/**
 * The input an input event came from (`target`) and its value now, read at once: the element a
 * `view()` shows is its output's child holding the target, and its value is the value of the
 * cell's one name. Undefined for anything else (a cell showing two inputs, an input not a view).
 */
export function readMovedInput(target: EventTarget, definitions: readonly CellDefinition[]): { name: string; value: unknown } | undefined {
  const output = (target as Element).closest?.<HTMLElement>("[data-cell]");
  if (!output || !(target instanceof Element)) return undefined;
  const definition = definitions.find((d) => d.id === output.dataset.cell);
  if (!definition?.params.includes("view") || definition.outputs.length !== 1) return undefined;
  let element: Element = target;
  while (element.parentElement && element.parentElement !== output) element = element.parentElement;
  if (element.parentElement !== output || !("value" in element)) return undefined;
  return { name: definition.outputs[0]!, value: (element as Element & { value: unknown }).value };
}

function isSame(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
