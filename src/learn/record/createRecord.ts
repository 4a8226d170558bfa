// A lesson's learning record: an append-only log of what the learner did, kept in the browser
// (durably, like saved edits), from which every state the page shows is derived. The page's
// blanks, predictions and sections write to it; exercises (and any later item kind) use the
// same small API: record, read an item's state, subscribe, measure progress.

import { v4 as uuidv4 } from "uuid";
import { loadDurably, openStorage, saveDurably, type KeyValueStorage, type StoreNotices } from "../../store/durableStore.ts";
import { siteScope } from "../../store/siteScope.ts";
import { deriveItem, type ItemState } from "./deriveItem.ts";
import { ENTRY_LIMITS, isItemId, isKindName, maybeResult, isSmallJson, type Entry } from "./entry.ts";
import { findKind, measureProgress, type ItemRef } from "./kinds.ts";
import { loadLearner } from "./loadLearner.ts";
import { recordCodec, type StoredRecord } from "./recordCodec.ts";
import { makeActor, toStatement, type RecordDocument, type RecordLesson } from "./recordDocument.ts";
import { recordKey } from "./recordKeys.ts";
import type { JsonValue, Result, VerbName } from "./statement.ts";

/** Options of {@link createRecord}. */
export interface RecordOptions {
  lesson: RecordLesson;
  /** Where the record is kept: localStorage by default; null keeps it in memory only. */
  storage?: KeyValueStorage | null;
  /** The site's base path, part of every key (default: this page's folder). */
  scope?: string;
  /** Called with a notice for the reader when the record could not be read or saved. */
  onNotice?: (notice: string) => void;
  /** The clock and the id maker (stand-ins in tests). */
  now?: () => Date;
  newId?: () => string;
}

/** What one statement adds besides its verb and item. */
export interface StatementDetails {
  result?: Result;
  /** Extensions of the statement's context: the input values a live answer depended on… */
  context?: Record<string, JsonValue>;
}

/** A lesson's learning record. */
export interface LearningRecord {
  /** Appends one statement about item `id` of `kind`; saves; tells subscribers. Returns the entry. */
  record(kind: string, id: string, verb: VerbName, details?: StatementDetails): Entry;
  /** What the log says of one item. */
  item(kind: string, id: string): ItemState;
  /** The state the page shows for an item (`data-state`), from its kind's rule. */
  describe(kind: string, id: string): string;
  /** Every entry, oldest first. */
  entries(): readonly Entry[];
  /** Calls `listener` after each new entry (null after a reset). Returns an unsubscribe function. */
  subscribe(listener: (entry: Entry | null) => void): () => void;
  /** Progress over the lesson's current items. */
  progress(items: readonly ItemRef[]): { done: number; total: number; fraction: number };
  /** The record as xAPI statements (what "Download my record" saves and `window.lesson.record()` returns). */
  document(): RecordDocument;
  /** Forgets every entry (the page asks first). */
  reset(): void;
}

const notices: StoreNotices = {
  restored: "Your latest progress could not be read; an earlier copy was restored.",
  unreadable: "Your saved progress for this lesson could not be read and was set aside.",
  unavailable: "This browser does not let the page save: your progress is kept until you leave this page.",
  full: "Browser storage is full: your progress is kept until you leave this page, but not saved.",
};

/** Opens (or starts) the record of `options.lesson` for this learner. */
export function createRecord(options: RecordOptions): LearningRecord {
  const storage = options.storage === null ? undefined : (options.storage ?? openStorage());
  const scope = options.scope ?? siteScope();
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? uuidv4;
  const key = recordKey(scope, options.lesson.file);
  const codec = recordCodec(options.lesson.file);
  const learner = loadLearner(storage, scope, newId);
  const memoryOnly = options.storage === null;
  const loaded = memoryOnly ? { state: empty() } : loadDurably(storage, key, codec, empty(), notices);
  if (loaded.notice) options.onNotice?.(loaded.notice);
  const state: StoredRecord = loaded.state;
  const listeners = new Set<(entry: Entry | null) => void>();
  let byItem: Map<string, Entry[]> | undefined;

  function empty(): StoredRecord {
    return { version: 1, lesson: options.lesson.file, learner: learner.id, entries: [] };
  }

  const save = () => {
    if (memoryOnly) return;
    const notice = saveDurably(storage, key, codec, state, notices);
    if (notice) options.onNotice?.(notice);
  };
  const notify = (entry: Entry | null) => {
    for (const listener of [...listeners]) listener(entry);
  };
  const entriesOf = (kind: string, id: string): Entry[] => {
    if (!byItem) {
      byItem = new Map();
      for (const entry of state.entries) {
        const k = `${entry.kind}/${entry.item}`;
        byItem.set(k, [...(byItem.get(k) ?? []), entry]);
      }
    }
    return byItem.get(`${kind}/${id}`) ?? [];
  };
  const item = (kind: string, id: string) => deriveItem(kind, id, entriesOf(kind, id));

  return {
    record(kind, id, verb, details = {}) {
      if (!isKindName(kind) || !isItemId(id)) throw new TypeError(`record: "${kind}/${id}" is not an item kind and id`);
      if (details.result && !maybeResult(details.result)) throw new TypeError("record: the result is not an xAPI result");
      if (details.context && !isSmallJson(details.context)) throw new TypeError("record: the context is not small plain JSON");
      const entry: Entry = { id: newId(), verb, kind, item: id, at: now().toISOString(), version: options.lesson.version };
      if (details.result) entry.result = details.result;
      if (details.context) entry.context = details.context;
      // A full log keeps the newest: the oldest entries go first (they are in a downloaded record).
      if (state.entries.length >= ENTRY_LIMITS.entries) state.entries.splice(0, state.entries.length - ENTRY_LIMITS.entries + 1);
      state.entries.push(entry);
      byItem = undefined;
      save();
      notify(entry);
      return entry;
    },
    item,
    describe: (kind, id) => findKind(kind)?.describe(item(kind, id)) ?? "unknown",
    entries: () => state.entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    progress: (items) => measureProgress(items, (ref) => item(ref.kind, ref.id)),
    document() {
      const actor = makeActor(new URL(scope, homeOrigin()).href, state.learner, learner.name);
      return {
        format: "live-lesson-record",
        version: 1,
        lesson: options.lesson,
        actor,
        exportedAt: now().toISOString(),
        statements: state.entries.map((entry) => toStatement(entry, options.lesson, actor)),
      };
    },
    reset() {
      state.entries = [];
      byItem = undefined;
      save();
      notify(null);
    },
  };
}

function homeOrigin(): string {
  return globalThis.location?.origin && globalThis.location.origin !== "null" ? globalThis.location.origin : "http://localhost";
}
