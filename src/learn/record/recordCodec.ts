// The learning record as kept in the browser: `{version, lesson, learner, checksum, entries}`,
// checksummed like saved edits so a torn write is noticed, and validated entry by entry.

import { openEnvelope, sealEnvelope } from "../../store/envelope.ts";
import type { Codec } from "../../store/durableStore.ts";
import { ENTRY_LIMITS, isItemId, maybeEntry, type Entry } from "./entry.ts";

/** One lesson's record in storage. */
export interface StoredRecord {
  version: 1;
  /** The lesson key (its file), so a record is never read for another lesson. */
  lesson: string;
  /** The learner's id (a UUID), the actor's account name in every statement. */
  learner: string;
  entries: Entry[];
}

/** Serialises a record with a checksum of its entries. */
export function encodeRecord(state: StoredRecord): string {
  return sealEnvelope(state.lesson, "entries", JSON.stringify(state.entries), { learner: state.learner });
}

/** Parses and validates a stored record for `lesson`; never throws. */
export function decodeRecord(text: string, lesson: string): { ok: true; state: StoredRecord } | { ok: false; problem: string } {
  const opened = openEnvelope(text, lesson, "entries");
  if (!opened.ok) return opened;
  const raw = opened.raw;
  if (!isItemId(raw.learner) || !Array.isArray(raw.entries)) return { ok: false, problem: "corrupt" };
  if (raw.entries.length > ENTRY_LIMITS.entries) return { ok: false, problem: "corrupt" };
  const entries: Entry[] = [];
  for (const value of raw.entries) {
    const entry = maybeEntry(value);
    if (!entry) return { ok: false, problem: "corrupt" };
    entries.push(entry);
  }
  return { ok: true, state: { version: 1, lesson, learner: raw.learner, entries } };
}

/** The codec of one lesson's record for the durable store. */
export function recordCodec(lesson: string): Codec<StoredRecord> {
  return { encode: encodeRecord, decode: (text) => decodeRecord(text, lesson), isEmpty: (state) => state.entries.length === 0 };
}
