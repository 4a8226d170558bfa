// Exercises, run in Node with the lesson runner (src/run/): the fingerprint the page compares with
// (each check evaluated against its solution, every other cell at its default, for each seed the
// build fixes), and `lesson check`'s exercise checks — the solution passes its own check, the
// starter does not (else a warning), the check gives the same values twice.

import { analyzeCell, type Exercise, type Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { encodeProbe, findFirstMismatch, isSameProbe, sealProbe, type ExerciseFingerprint, type ExpectedProbe, type ProbeValue } from "../contract/exercise.ts";
import { runLesson, type RunOptions, type RunResult } from "../run/index.ts";

/** An exercise's fingerprint for the page, or why there is none. */
export interface FingerprintOutcome {
  fingerprint: ExerciseFingerprint | null;
  unavailable?: string;
}

/** What running a lesson's exercises found. */
export interface ExerciseReport {
  fingerprints: Map<string, FingerprintOutcome>;
  /** Problems located at the exercise's fences in the .md file. */
  diagnostics: Diagnostic[];
}

/** Where the runner finds the lesson (RunOptions' file and path). */
export type ExerciseRunOptions = Pick<RunOptions, "file" | "path" | "timeoutMs">;

/** How long one run for the exercises may take by default (a page's whole lesson runs each time). */
export const EXERCISE_TIMEOUT_MS = 120_000;

type Runnable = Exercise & { check: NonNullable<Exercise["check"]>; solution: NonNullable<Exercise["solution"]> };

/** The exercises that can be run: with a check, a solution, and no error at their fences. */
function findRunnable(lesson: Lesson): Runnable[] {
  return lesson.exercises.filter((e): e is Runnable => e.check !== null && e.solution !== null && e.solution.source !== "");
}

/** The seeds each variant run uses: 1…n for the most seeded exercise (1 alone when none is seeded). */
function seedsOf(exercises: readonly Runnable[]): number[] {
  const most = Math.max(1, ...exercises.map((e) => e.seeds));
  return Array.from({ length: most }, (_, i) => i + 1);
}

const probeName = (exercise: Runnable, index: number) => `${exercise.id}#${index}`;

/**
 * The lesson with only the cells the exercises' checks can reach: the starters, and every cell a
 * check, a starter or a solution reads, transitively. Other cells cannot change a probe's value,
 * and leaving them out (a chapter's animations) makes each run a fraction of the page's.
 */
export function pruneForExercises(lesson: Lesson, exercises: readonly Runnable[]): Lesson {
  const wanted = new Set<string>();
  const keep = new Set<string>(exercises.map((e) => e.cell));
  for (const exercise of exercises) {
    const solution = analyzeCell(exercise.solution.source, { lang: "ts", line: exercise.solution.line }).cell;
    for (const name of [...exercise.check.cell.inputs, ...solution.inputs]) wanted.add(name);
  }
  for (const cell of lesson.cells) if (keep.has(cell.id)) for (const name of cell.inputs) wanted.add(name);
  let grew = true;
  while (grew) {
    grew = false;
    for (const cell of lesson.cells) {
      if (keep.has(cell.id) || !cell.outputs.some((name) => wanted.has(name))) continue;
      keep.add(cell.id);
      for (const name of cell.inputs) wanted.add(name);
      grew = true;
    }
  }
  const cells = lesson.cells.filter((cell) => keep.has(cell.id));
  return { ...lesson, html: "", cells, diagnostics: lesson.diagnostics.filter((d) => d.cell === undefined || keep.has(d.cell)) };
}

/**
 * Runs the lesson once with `sources` (starter or solution, by exercise) in the exercises' cells,
 * with `seed` defined by the first of them when any exercise reads it (a replaced cell is no longer
 * an exercise cell, and the cell that defines `seed` gives every probe the same variant).
 */
function runWith(lesson: Lesson, exercises: readonly Runnable[], pick: (e: Runnable) => string, seed: number, options: ExerciseRunOptions): Promise<RunResult> {
  const seeded = exercises.some((e) => e.seeds > 0);
  const replace: Record<string, string> = {};
  exercises.forEach((exercise, i) => {
    replace[exercise.cell] = pick(exercise) + (seeded && i === 0 ? `\nconst seed = ${seed};` : "");
  });
  const probes = exercises.flatMap((exercise) =>
    exercise.seeds >= seed || seed === 1 ? exercise.check.probes.map((source, i) => ({ name: probeName(exercise, i), source })) : [],
  );
  // A whole chapter (the Hiker's animations included) takes a while in Node on a busy machine.
  return runLesson(lesson, { timeoutMs: EXERCISE_TIMEOUT_MS, ...options, replace, probes });
}

/** The probe values of one exercise in a run, or the first failure: a probe that threw or a run killed. */
function readProbes(result: RunResult, exercise: Runnable): { values: ProbeValue[] } | { error: string; probe?: string } {
  if (result.killed) return { error: result.error ?? "the run was stopped" };
  const cell = result.cells.find((c) => c.id === exercise.cell);
  if (cell?.status === "rejected") return { error: cell.error ?? "the cell failed" };
  const values: ProbeValue[] = [];
  for (const [i, source] of exercise.check.probes.entries()) {
    const outcome = result.probes[probeName(exercise, i)];
    if (!outcome) return { error: "the probe was not run", probe: source };
    if (!outcome.ok) return { error: outcome.error, probe: source };
    values.push(encodeProbe(outcome.value));
  }
  return { values };
}

async function expect(exercise: Runnable, seed: number, values: ProbeValue[]): Promise<ExpectedProbe[]> {
  const { sealed, tolerance } = exercise.check;
  return Promise.all(values.map(async (value, probe) => (sealed ? { hash: await sealProbe(value, { exercise: exercise.id, probe, seed, tolerance }) } : { value })));
}

/**
 * Computes each exercise's fingerprint; with `verify` (lesson check) also runs the solution a
 * second time and the starter, and reports a check that is not deterministic or a starter that
 * already passes. A solution that fails its own check (a cell error, a probe that throws or is
 * `false`) is an error at the solution's fence either way.
 */
export async function runExercises(lesson: Lesson, options: ExerciseRunOptions & { verify?: boolean } = {}): Promise<ExerciseReport> {
  const exercises = findRunnable(lesson);
  const fingerprints = new Map<string, FingerprintOutcome>();
  const diagnostics: Diagnostic[] = [];
  if (!exercises.length) return { fingerprints, diagnostics };
  const seeds = seedsOf(exercises);
  lesson = pruneForExercises(lesson, exercises);
  const solution = (e: Runnable) => e.solution.source;
  const runs = seeds.map((seed) => runWith(lesson, exercises, solution, seed, options));
  const again = options.verify ? runWith(lesson, exercises, solution, 1, options) : undefined;
  const starter = options.verify ? runWith(lesson, exercises, (e) => lesson.cells.find((c) => c.id === e.cell)?.source ?? "", 1, options) : undefined;
  const results = await Promise.all(runs);
  for (const exercise of exercises) {
    const variants: ExerciseFingerprint["variants"] = [];
    let failure: string | undefined;
    for (const [i, seed] of seeds.entries()) {
      if (seed > 1 && exercise.seeds < seed) break;
      const read = readProbes(results[i], exercise);
      // A run stopped, or a cell still waiting after the runtime's 10 s (imports on a very busy
      // machine), says nothing of the solution: the exercise is reported as not checkable.
      if (results[i].killed || ("error" in read && read.error.startsWith("Still waiting"))) {
        failure = `the lesson could not be run to check its exercises: ${read && "error" in read ? read.error : "stopped"}`;
        break;
      }
      if ("error" in read) {
        failure = `the solution does not pass its own check${seeds.length > 1 ? ` (seed ${seed})` : ""}: ${read.probe ? `${read.probe} throws: ` : ""}${read.error}`;
        break;
      }
      const falsy = read.values.findIndex((v) => v === false);
      if (falsy >= 0) {
        failure = `the solution does not pass its own check${seeds.length > 1 ? ` (seed ${seed})` : ""}: ${exercise.check.probes[falsy]} is false`;
        break;
      }
      variants.push({ seed, expected: await expect(exercise, seed, read.values) });
    }
    if (failure) {
      diagnostics.push(at(exercise.solution.line - 1, "exercise-solution", failure));
      fingerprints.set(exercise.id, { fingerprint: null, unavailable: failure.startsWith("the lesson could not") ? "the lesson could not be run when the page was made" : "its solution does not pass its own check" });
      continue;
    }
    fingerprints.set(exercise.id, { fingerprint: { variants } });
  }
  if (options.verify && again && starter) diagnostics.push(...(await verifyExercises(exercises, fingerprints, results[0], await again, await starter)));
  return { fingerprints, diagnostics };
}

async function verifyExercises(exercises: readonly Runnable[], fingerprints: Map<string, FingerprintOutcome>, first: RunResult, again: RunResult, starter: RunResult): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const exercise of exercises) {
    const fingerprint = fingerprints.get(exercise.id)?.fingerprint;
    if (!fingerprint) continue;
    const a = readProbes(first, exercise);
    const b = readProbes(again, exercise);
    if ("values" in a && "values" in b) {
      const i = a.values.findIndex((value, k) => !isSameProbe(value, b.values[k], exercise.check.tolerance));
      if (i >= 0) {
        diagnostics.push(at(exercise.check.cell.line - 1, "exercise-check", `the check is not deterministic: ${exercise.check.probes[i]} gave ${JSON.stringify(a.values[i])}, then ${JSON.stringify(b.values[i])} (seed randomness with the seed builtin, not Math.random or the clock)`));
        continue;
      }
    }
    const s = readProbes(starter, exercise);
    if ("values" in s && (await findFirstMismatch(exercise.id, fingerprint.variants[0], s.values, exercise.check.tolerance)) < 0) {
      diagnostics.push({ ...at(exercise.line, "exercise-starter", `the starter already passes exercise "${exercise.id}": the student has nothing to do`), severity: "warning" });
    }
  }
  return diagnostics;
}

function at(line: number, code: string, message: string): Diagnostic {
  return { severity: "error", code, message, line, column: 1 };
}

/** What re-running a student's recorded code found: passed, or why not. */
export type CodeVerdict = { passed: true } | { passed: false; reason: string };

/**
 * What `lesson verify` needs for an exercise item: runs the lesson with `code` (a record's passing
 * code) in the exercise's cell, evaluates the check at `seed` and compares with `fingerprint` (the
 * one the page used; computed afresh from the solution when not given).
 */
export async function verifyExerciseCode(lesson: Lesson, id: string, code: string, options: ExerciseRunOptions & { seed?: number; fingerprint?: ExerciseFingerprint } = {}): Promise<CodeVerdict> {
  const exercise = findRunnable(lesson).find((e) => e.id === id);
  if (!exercise) return { passed: false, reason: `the lesson has no exercise "${id}" with a solution and a check` };
  const seed = options.seed ?? 1;
  const fingerprint = options.fingerprint ?? (await runExercises(lesson, options)).fingerprints.get(id)?.fingerprint;
  const variant = fingerprint?.variants.find((v) => v.seed === seed) ?? fingerprint?.variants[0];
  if (!variant) return { passed: false, reason: `the answers of exercise "${id}" could not be computed` };
  const result = await runWith(pruneForExercises(lesson, [exercise]), [exercise], () => code, seed, options);
  const read = readProbes(result, exercise);
  if ("error" in read) return { passed: false, reason: read.probe ? `${read.probe} throws: ${read.error}` : read.error };
  const index = await findFirstMismatch(exercise.id, variant, read.values, exercise.check.tolerance);
  return index < 0 ? { passed: true } : { passed: false, reason: `${exercise.check.probes[index] ?? `probe ${index + 1}`} does not match` };
}
