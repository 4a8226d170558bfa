// The learning record's API (browser side, but no DOM: `lesson verify` reads records with it too).

export { createRecord, type LearningRecord, type RecordOptions, type StatementDetails } from "./createRecord.ts";
export { deriveItem, type ItemState } from "./deriveItem.ts";
export { ENTRY_LIMITS, isItemId, isKindName, maybeEntry, type Entry } from "./entry.ts";
export { findKind, measureProgress, registerKind, type ItemKind, type ItemRef } from "./kinds.ts";
export { loadLearner, type Learner } from "./loadLearner.ts";
export { decodeRecord, encodeRecord, recordCodec, type StoredRecord } from "./recordCodec.ts";
export { fromStatement, makeActor, readRecordDocument, toStatement, type ReadRecord, type RecordDocument, type RecordLesson, type RecordProblem } from "./recordDocument.ts";
export { learnerKey, recordKey } from "./recordKeys.ts";
export { extensions, NAMESPACE, verbs, type Agent, type JsonValue, type Result, type Statement, type VerbName } from "./statement.ts";
