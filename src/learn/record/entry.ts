// One entry of the learning record's log, as kept in the browser: a statement without what every
// statement of a lesson repeats (the actor, the lesson, the verb's IRI), validated field by field
// whenever it comes back from storage or from a file, never trusted.

import { isPlainObject } from "../../store/envelope.ts";
import { isVerbName, type JsonValue, type Result, type VerbName } from "./statement.ts";

/** One thing the learner did to one item of a lesson. */
export interface Entry {
  /** The statement's id (a UUID), kept so an LRS never stores one statement twice. */
  id: string;
  verb: VerbName;
  /** The kind of item: `blank`, `predict`, `section`, `guess`, or one registered later (`exercise`). */
  kind: string;
  /** The item's id within the lesson (a content hash, so it survives edits elsewhere in the lesson). */
  item: string;
  /** ISO 8601 time of the statement. */
  at: string;
  /** The version of the lesson the learner was reading. */
  version: string;
  result?: Result;
  /** What the item recorded about the moment: the input values a live answer depended on… */
  context?: Record<string, JsonValue>;
}

/** Limits on what is accepted back from storage or a file. */
export const ENTRY_LIMITS = { entries: 10_000, response: 200_000, id: 128, json: 20_000, depth: 8 };

const ID = /^[A-Za-z0-9_.:-]+$/;
const KIND = /^[a-z][a-z0-9-]{0,31}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** True for an item or statement id: letters, digits and `_ . : -`, at most 128 characters. */
export function isItemId(id: unknown): id is string {
  return typeof id === "string" && id.length > 0 && id.length <= ENTRY_LIMITS.id && ID.test(id);
}

/** True for an item kind's name (`blank`, `exercise`…). */
export function isKindName(kind: unknown): kind is string {
  return typeof kind === "string" && KIND.test(kind);
}

/** An entry built from untrusted data, or undefined when any field is off. */
export function maybeEntry(value: unknown): Entry | undefined {
  if (!isRecord(value)) return undefined;
  const { id, verb, kind, item, at, version, result, context } = value;
  if (!isItemId(id) || !isVerbName(verb) || !isKindName(kind) || !isItemId(item)) return undefined;
  if (typeof at !== "string" || !ISO.test(at) || !isItemId(version)) return undefined;
  const entry: Entry = { id, verb, kind, item, at, version };
  if (result !== undefined) {
    const checked = maybeResult(result);
    if (!checked) return undefined;
    entry.result = checked;
  }
  if (context !== undefined) {
    if (!isRecord(context) || !isSmallJson(context)) return undefined;
    entry.context = copyJson(context) as Record<string, JsonValue>;
  }
  return entry;
}

/** An xAPI result built from untrusted data (only the fields the record uses), or undefined. */
export function maybeResult(value: unknown): Result | undefined {
  if (!isRecord(value)) return undefined;
  const { success, completion, response, score, extensions } = value;
  const result: Result = {};
  if (success !== undefined) {
    if (typeof success !== "boolean") return undefined;
    result.success = success;
  }
  if (completion !== undefined) {
    if (typeof completion !== "boolean") return undefined;
    result.completion = completion;
  }
  if (response !== undefined) {
    if (typeof response !== "string" || response.length > ENTRY_LIMITS.response) return undefined;
    result.response = response;
  }
  if (score !== undefined) {
    if (!isRecord(score)) return undefined;
    const out: NonNullable<Result["score"]> = {};
    for (const key of ["scaled", "raw", "min", "max"] as const) {
      const v = score[key];
      if (v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
      out[key] = v;
    }
    result.score = out;
  }
  if (extensions !== undefined) {
    if (!isRecord(extensions) || !isSmallJson(extensions)) return undefined;
    result.extensions = copyJson(extensions) as Record<string, JsonValue>;
  }
  return result;
}

/** True for plain JSON (no functions, no cycles, finite numbers) of bounded size and depth. */
export function isSmallJson(value: unknown): value is JsonValue {
  let budget = ENTRY_LIMITS.json;
  const visit = (v: unknown, depth: number): boolean => {
    if (depth > ENTRY_LIMITS.depth || --budget < 0) return false;
    if (v === null || typeof v === "boolean") return true;
    if (typeof v === "number") return Number.isFinite(v);
    if (typeof v === "string") return (budget -= v.length) >= 0;
    if (Array.isArray(v)) return v.every((x) => visit(x, depth + 1));
    if (isRecord(v)) return Object.entries(v).every(([k, x]) => (budget -= k.length) >= 0 && visit(x, depth + 1));
    return false;
  };
  return visit(value, 0);
}

/** A deep copy of plain JSON whose keys (even `__proto__`) are own data properties. */
function copyJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(copyJson);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyJson(v)]));
  return value;
}

/** True for a plain object (not null, not an array). */
export const isRecord = isPlainObject;
