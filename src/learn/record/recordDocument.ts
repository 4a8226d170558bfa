// The record as the learner downloads it and `lesson verify` reads it: the lesson it belongs to
// (with its version) and every entry as a full xAPI statement, in order.

import { isItemId, isRecord, maybeEntry, type Entry } from "./entry.ts";
import {
  activityType,
  extensions,
  findVerbName,
  itemActivityId,
  readItemActivityId,
  verbs,
  type Activity,
  type Agent,
  type JsonValue,
  type Statement,
} from "./statement.ts";

/** The lesson a record belongs to. */
export interface RecordLesson {
  /** The lesson's file in its lessons folder (`derivatives-and-gradients.md`). */
  file: string;
  title: string;
  /** A hash of the lesson's text: a record made on another version says so. */
  version: string;
  /** The lesson's activity IRI (its page URL). */
  activity: string;
}

/** A downloaded learning record. */
export interface RecordDocument {
  format: "live-lesson-record";
  version: 1;
  lesson: RecordLesson;
  actor: Agent;
  exportedAt: string;
  statements: Statement[];
}

/** The actor of a learner: an account on the site, named by the learner's id. */
export function makeActor(homePage: string, learner: string, name?: string): Agent {
  return { objectType: "Agent", ...(name ? { name } : {}), account: { homePage, name: learner } };
}

/** One entry as a full xAPI statement. */
export function toStatement(entry: Entry, lesson: RecordLesson, actor: Agent): Statement {
  const parent: Activity = { objectType: "Activity", id: lesson.activity, definition: { type: activityType("lesson"), name: { en: lesson.title } } };
  const context: Record<string, JsonValue> = { ...entry.context, [extensions.lessonVersion]: entry.version, [extensions.itemKind]: entry.kind };
  return {
    id: entry.id,
    actor,
    verb: { id: verbs[entry.verb], display: { "en-US": entry.verb } },
    object: { objectType: "Activity", id: itemActivityId(lesson.activity, entry.kind, entry.item), definition: { type: activityType(entry.kind) } },
    ...(entry.result ? { result: entry.result } : {}),
    context: { contextActivities: { parent: [parent] }, extensions: context },
    timestamp: entry.at,
  };
}

/** The entry a statement of this project records, or undefined when it is not one (or malformed). */
export function fromStatement(statement: unknown): Entry | undefined {
  if (!isRecord(statement) || !isRecord(statement.verb) || !isRecord(statement.object)) return undefined;
  const verb = typeof statement.verb.id === "string" ? findVerbName(statement.verb.id) : undefined;
  const item = typeof statement.object.id === "string" ? readItemActivityId(statement.object.id) : undefined;
  const context = isRecord(statement.context) && isRecord(statement.context.extensions) ? { ...statement.context.extensions } : {};
  const version = context[extensions.lessonVersion];
  delete context[extensions.lessonVersion];
  delete context[extensions.itemKind];
  if (!verb || !item) return undefined;
  return maybeEntry({
    id: statement.id,
    verb,
    kind: item.kind,
    item: item.id,
    at: statement.timestamp,
    version,
    ...(statement.result !== undefined ? { result: statement.result } : {}),
    ...(Object.keys(context).length ? { context } : {}),
  });
}

/** A problem with a record file: where, and what. */
export interface RecordProblem {
  /** `statements[3]`, `lesson.version`… */
  at: string;
  message: string;
}

/** A record file, read: its lesson, actor and entries, or the problems that make it unreadable. */
export type ReadRecord =
  | { ok: true; lesson: RecordLesson; actor: Agent; entries: Entry[]; problems: RecordProblem[] }
  | { ok: false; problems: RecordProblem[] };

/**
 * Reads a downloaded record (`JSON.parse`d). Statements that are not well-formed entries are
 * reported, each with its index, and left out; the header must be whole.
 */
export function readRecordDocument(raw: unknown): ReadRecord {
  if (!isRecord(raw) || raw.format !== "live-lesson-record") return { ok: false, problems: [{ at: "format", message: 'not a live-lesson record (no "format": "live-lesson-record")' }] };
  if (raw.version !== 1) return { ok: false, problems: [{ at: "version", message: `record format version ${JSON.stringify(raw.version)} is not supported (expected 1)` }] };
  const lesson = raw.lesson;
  if (!isRecord(lesson) || typeof lesson.file !== "string" || typeof lesson.title !== "string" || !isItemId(lesson.version) || typeof lesson.activity !== "string") {
    return { ok: false, problems: [{ at: "lesson", message: "the record names no lesson (file, title, version, activity)" }] };
  }
  const actor = raw.actor;
  if (!isRecord(actor) || !isRecord(actor.account) || typeof actor.account.name !== "string" || typeof actor.account.homePage !== "string") {
    return { ok: false, problems: [{ at: "actor", message: "the record has no actor (an xAPI Agent with an account)" }] };
  }
  if (!Array.isArray(raw.statements)) return { ok: false, problems: [{ at: "statements", message: "the record has no statements array" }] };
  const problems: RecordProblem[] = [];
  const entries: Entry[] = [];
  raw.statements.forEach((statement, index) => {
    const entry = fromStatement(statement);
    if (entry) entries.push(entry);
    else problems.push({ at: `statements[${index}]`, message: "not a well-formed statement of this project (verb, object, timestamp, result or context is off)" });
  });
  const name = typeof actor.name === "string" ? actor.name : undefined;
  return {
    ok: true,
    lesson: { file: lesson.file, title: lesson.title, version: lesson.version, activity: lesson.activity },
    actor: makeActor(actor.account.homePage, actor.account.name, name),
    entries,
    problems,
  };
}
