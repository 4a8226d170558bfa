// `lesson verify`'s judge: a downloaded learning record against the compiled lesson it names.
// Every claim the record makes is re-checked the way the page checked it (the same checkAnswer),
// and each item gets one verdict. A record is data the student controls: what this proves is that
// its claims are consistent with re-checking them, not who answered (see README, "The learning record").
// Item kinds plug in (`registerItemVerifier`): exercises re-run the code that passed against the check.

import type { Blank, Lesson } from "../compile/types.ts";
import { checkAnswer } from "../learn/answers/checkAnswer.ts";
import { extensions, readRecordDocument, type Entry, type RecordLesson } from "../learn/record/index.ts";
import { compareFormulas } from "../math/formula.ts";

/** One item's verdict. */
export interface Verdict {
  kind: string;
  id: string;
  /** Where the item is in the lesson (its line), when the lesson has it. */
  line?: number;
  /** true: every claim about the item holds; false: one does not; null: nothing to check. */
  holds: boolean | null;
  message: string;
}

/** What verifying a record found. */
export interface Verification {
  /** The lesson the record names, as the record says. */
  lesson?: RecordLesson;
  /** The record's problems that are not about one item (unreadable, another lesson, another version…). */
  notes: { holds: boolean; message: string }[];
  verdicts: Verdict[];
  /** True only when the record is readable, names a lesson given, and every claim holds. */
  ok: boolean;
}

/** What a verifier of an item kind is given. */
export interface ItemClaims {
  kind: string;
  id: string;
  entries: readonly Entry[];
  lesson: Lesson;
}

/** Checks the claims the record makes about one item of a kind. */
export type ItemVerifier = (claims: ItemClaims) => Promise<Omit<Verdict, "kind" | "id">> | Omit<Verdict, "kind" | "id">;

const verifiers = new Map<string, ItemVerifier>();

/** Adds (or replaces) the verifier of an item kind (exercises: re-run the passing code against the check). */
export function registerItemVerifier(kind: string, verifier: ItemVerifier): void {
  verifiers.set(kind, verifier);
}

/** Options of {@link verifyRecord}. */
export interface VerifyOptions {
  /**
   * Recomputes a live blank's values (by cell id) with the lesson's inputs set to `inputs`: the
   * Node-side lesson runner. Without it, a live answer cannot be re-checked, and its claim fails.
   */
  computeLive?: (lesson: Lesson, inputs: Record<string, unknown>, cells: string[]) => Promise<Record<string, unknown>>;
}

/** Verifies the record `raw` (a parsed JSON file) against `lessons` (the one it names is used). */
export async function verifyRecord(raw: unknown, lessons: readonly Lesson[], options: VerifyOptions = {}): Promise<Verification> {
  const read = readRecordDocument(raw);
  if (!read.ok) return { notes: read.problems.map((p) => ({ holds: false, message: `${p.at}: ${p.message}` })), verdicts: [], ok: false };
  const notes: Verification["notes"] = read.problems.map((p) => ({ holds: false, message: `${p.at}: ${p.message} (a record edited by hand?)` }));
  const lesson = findLesson(read.lesson.file, lessons);
  if (!lesson) {
    notes.push({ holds: false, message: `the record is for ${read.lesson.file} ("${read.lesson.title}"), which is not among the lessons given` });
    return { lesson: read.lesson, notes, verdicts: [], ok: false };
  }
  const target: Lesson = lesson;
  const { learning } = target;
  if (read.lesson.version !== learning.version) {
    notes.push({ holds: true, message: `the record was made on version ${read.lesson.version} of ${read.lesson.file}; the lesson is now version ${learning.version}: items the lesson still has are checked against this version` });
  }
  const stale = read.entries.filter((entry) => entry.version !== read.lesson.version);
  if (stale.length) notes.push({ holds: true, message: `${stale.length} statement(s) were made on an earlier version of the lesson` });

  const byItem = new Map<string, Entry[]>();
  for (const entry of read.entries) byItem.set(`${entry.kind}/${entry.item}`, [...(byItem.get(`${entry.kind}/${entry.item}`) ?? []), entry]);
  // The built-in kinds' verifiers (below) close over this record's lesson and entries.
  const builtIn: Record<string, ItemVerifier> = { blank: verifyBlank, predict: verifyPredict, section: verifySection, guess: verifyGuess };
  const verdicts: Verdict[] = [];
  for (const entries of byItem.values()) {
    const { kind, item: id } = entries[0];
    const verifier = verifiers.get(kind) ?? builtIn[kind];
    const verdict = verifier
      ? await verifier({ kind, id, entries, lesson: target })
      : { holds: false, message: `no verifier for items of kind "${kind}": its claims cannot be checked` };
    verdicts.push({ kind, id, ...verdict });
  }
  verdicts.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const ok = notes.every((n) => n.holds) && verdicts.every((v) => v.holds !== false);
  return { lesson: read.lesson, notes, verdicts, ok };

  async function verifyBlank({ id, entries }: ItemClaims): Promise<Omit<Verdict, "kind" | "id">> {
    const blank = learning.blanks.find((b) => b.id === id);
    if (!blank) return { holds: false, message: "the lesson has no such blank (another version?): its claims cannot be checked" };
    const at = { line: blank.line };
    const answers = entries.filter((e) => e.verb === "answered");
    for (const [n, entry] of answers.entries()) {
      const response = entry.result?.response;
      const claimed = entry.result?.success;
      if (typeof response !== "string" || typeof claimed !== "boolean") return { ...at, holds: false, message: `answer ${n + 1} has no response or no success` };
      const live = await liveValues(blank, entry);
      if ("error" in live) return { ...at, holds: false, message: `answer ${n + 1} (${JSON.stringify(response)}): ${live.error}` };
      const verdict = checkAnswer(blank, response, { live: live.values, compareFormulas });
      if (verdict.right !== claimed) {
        return { ...at, holds: false, message: `answer ${n + 1} ${JSON.stringify(response)} is recorded as ${claimed ? "right" : "wrong"}, but it is ${verdict.right ? "right" : "wrong"}` };
      }
    }
    const right = answers.findIndex((e) => e.result?.success === true);
    const skipped = entries.some((e) => e.verb === "skipped");
    const message = right >= 0 ? `right (${JSON.stringify(answers[right].result?.response)}${right === 0 ? ", first try" : `, after ${right} wrong`})` : answers.length ? `${answers.length} wrong answer(s)${skipped ? ", then revealed" : ""}` : skipped ? "revealed without an answer" : "nothing claimed";
    return { ...at, holds: true, message };
  }

  async function liveValues(blank: Blank, entry: Entry): Promise<{ values: Record<string, unknown> } | { error: string }> {
    const cells = blank.answers.flatMap((a) => (a.kind === "live" && a.cell ? [a.cell] : []));
    if (!cells.length) return { values: {} };
    const inputs = entry.context?.[extensions.inputs];
    if (!options.computeLive) return { error: "a live answer cannot be recomputed here (no lesson runner): not verified" };
    if (!inputs || typeof inputs !== "object" || Array.isArray(inputs)) return { error: "the record does not carry the input values the live answer depended on" };
    try {
      return { values: await options.computeLive(target, inputs as Record<string, unknown>, cells) };
    } catch (error) {
      return { error: `recomputing the live answer failed: ${(error as Error).message}` };
    }
  }

  function verifyPredict({ id, entries }: ItemClaims): Omit<Verdict, "kind" | "id"> {
    const prediction = learning.predictions.find((p) => p.id === id);
    if (!prediction) return { holds: false, message: "the lesson has no such prediction (another version?): its claims cannot be checked" };
    const at = { line: prediction.line };
    const answered = entries.find((e) => e.verb === "answered");
    if (answered && prediction.blanks.length) {
      // Answered means every blank of its question was answered first.
      const missing = prediction.blanks.filter((blank) => !(byItem.get(`blank/${blank}`) ?? []).some((e) => e.verb === "answered" && e.at <= answered.at));
      if (missing.length) return { ...at, holds: false, message: `recorded as answered, but its blank(s) ${missing.join(", ")} have no answer before it` };
    }
    return { ...at, holds: true, message: answered ? "answered before it was shown" : entries.some((e) => e.verb === "skipped") ? "skipped" : "nothing claimed" };
  }

  function verifySection({ id }: ItemClaims): Omit<Verdict, "kind" | "id"> {
    const section = learning.sections.find((s) => s.id === id);
    if (!section) return { holds: false, message: "the lesson has no such section (another version?)" };
    return { line: section.line, holds: null, message: `reached "${section.title}" (not checkable: a claim of reading)` };
  }

  function verifyGuess({ entries }: ItemClaims): Omit<Verdict, "kind" | "id"> {
    const placed = entries.find((e) => e.verb === "answered")?.result?.response;
    return { holds: null, message: placed ? `guess placed at ${placed} (a guess is not right or wrong)` : "nothing claimed" };
  }
}

/** The lesson a record names: the same file, or the same file name in another folder. */
function findLesson(file: string, lessons: readonly Lesson[]): Lesson | undefined {
  const name = (path: string) => path.replace(/\\/g, "/").replace(/^.*\//, "");
  return lessons.find((lesson) => lesson.file === file) ?? lessons.find((lesson) => name(lesson.file) === name(file));
}
