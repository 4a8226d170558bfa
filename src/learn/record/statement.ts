// The learning record's entries as xAPI statements (the Experience API, IEEE 9274.1.1): what a
// Learning Record Store accepts, so a course can send the same statements to an LRS or an LMS.
// Verbs come from ADL's vocabulary where one fits; the three it lacks are this project's own.

/** A JSON value, as extensions and inputs carry them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A language map: `{"en-US": "answered"}`. */
export type LanguageMap = Record<string, string>;

/** Who learned: an xAPI Agent identified by an account on the site (no e-mail address is needed). */
export interface Agent {
  objectType: "Agent";
  /** The name the learner chose to put in the record, if any. */
  name?: string;
  account: { homePage: string; name: string };
}

/** An xAPI verb. */
export interface Verb {
  id: string;
  display: LanguageMap;
}

/** An xAPI activity: a lesson, or one item of it (a blank, a prediction, a section, an exercise). */
export interface Activity {
  objectType: "Activity";
  id: string;
  definition?: { type?: string; name?: LanguageMap; interactionType?: string };
}

/** An xAPI result. */
export interface Result {
  success?: boolean;
  completion?: boolean;
  /** What the learner answered (a blank's text, a guessed point, the code that passed). */
  response?: string;
  score?: { scaled?: number; raw?: number; min?: number; max?: number };
  extensions?: Record<string, JsonValue>;
}

/** An xAPI context: the lesson as the parent activity, and this project's extensions. */
export interface Context {
  contextActivities?: { parent?: Activity[] };
  extensions?: Record<string, JsonValue>;
}

/** An xAPI statement (the subset this project writes; every field an LRS requires is there). */
export interface Statement {
  id: string;
  actor: Agent;
  verb: Verb;
  object: Activity;
  result?: Result;
  context?: Context;
  timestamp: string;
}

/** The namespace of this project's own IRIs (verbs, activity types, extensions). */
export const NAMESPACE = "https://live-lesson.dev/xapi/";

const adl = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

/** The verbs the record uses, by short name: ADL's where one fits, this project's otherwise. */
export const verbs = {
  answered: adl("answered"),
  attempted: adl("attempted"),
  passed: adl("passed"),
  failed: adl("failed"),
  experienced: adl("experienced"),
  progressed: adl("progressed"),
  completed: adl("completed"),
  skipped: `${NAMESPACE}verbs/skipped`,
  "asked-for-hint": `${NAMESPACE}verbs/asked-for-hint`,
  "showed-solution": `${NAMESPACE}verbs/showed-solution`,
} as const;

/** A verb's short name. */
export type VerbName = keyof typeof verbs;

/** True when `name` is one of the record's verbs. */
export function isVerbName(name: unknown): name is VerbName {
  return typeof name === "string" && Object.hasOwn(verbs, name);
}

/** The short name of a verb IRI, or undefined for a verb the record does not use. */
export function findVerbName(iri: string): VerbName | undefined {
  return (Object.keys(verbs) as VerbName[]).find((name) => verbs[name] === iri);
}

/** This project's context and result extensions. */
export const extensions = {
  /** The version (content hash) of the lesson the statement was made in. */
  lessonVersion: `${NAMESPACE}extensions/lesson-version`,
  /** The kind of item (`blank`, `predict`, `section`, `guess`, `exercise`…). */
  itemKind: `${NAMESPACE}extensions/item-kind`,
  /** The lesson's input values when the learner answered (what a live answer depended on). */
  inputs: `${NAMESPACE}extensions/inputs`,
  /** The expected value the page computed for a live answer, as the learner's page saw it. */
  expected: `${NAMESPACE}extensions/expected`,
  /** Anything else an item kind records about itself (an exercise's fingerprint…). */
  detail: `${NAMESPACE}extensions/detail`,
} as const;

/** The activity type of an item kind, as `object.definition.type`. */
export function activityType(kind: string): string {
  return kind === "section" ? "http://adlnet.gov/expapi/activities/module" : kind === "lesson" ? "http://adlnet.gov/expapi/activities/lesson" : "http://adlnet.gov/expapi/activities/cmi.interaction";
}

/** The activity id of one item of a lesson: `<lesson activity>#<kind>/<id>`. */
export function itemActivityId(lessonActivity: string, kind: string, id: string): string {
  return `${lessonActivity.replace(/#.*$/, "")}#${kind}/${encodeURIComponent(id)}`;
}

/** The kind and id an item activity id names, or undefined when it names no item. */
export function readItemActivityId(activity: string): { kind: string; id: string } | undefined {
  const match = /#([a-z][a-z0-9-]*)\/([^/#]+)$/.exec(activity);
  if (!match) return undefined;
  try {
    return { kind: match[1], id: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}
