// One exercise on the page: its Check, hint, variant and solution buttons, its feedback and its
// data-state, every state derived from the learning record after each new entry.

import { findFirstMismatch, type ProbeValue } from "../../contract/exercise.ts";
import type { LearningRecord } from "../record/index.ts";
import { isSmallJson } from "../record/entry.ts";
import type { JsonValue } from "../record/statement.ts";
import type { LessonHandle } from "../../runtime/types.ts";
import { evaluateCheck } from "./evaluateCheck.ts";
import { formatProbe } from "./formatProbe.ts";
import type { Counterexample, ExerciseSummary, PageExercise } from "./pageExercise.ts";

/** What every exercise of a page shares. */
export interface ExerciseContext {
  handle: LessonHandle;
  record: LearningRecord;
  /** Runs the student's typed code first (the editor's run), so Check sees what is on screen. */
  runEdit?: (cell: string) => Promise<boolean>;
  confirm: (question: string) => boolean;
  /** Each exercise's variant (its own `seed`), and the way to draw another (recorded, so it persists). */
  seeds: { current(id: string): number; set(id: string, seed: number): Promise<void> };
}

/** A bound exercise. */
export interface BoundExercise {
  refresh(): void;
  summary(): ExerciseSummary;
  check(): Promise<void>;
  destroy(): void;
}

const REVEAL_QUESTION = "Show the author's solution? Your attempts stay as they are, and your record will say you looked.";

/** Binds the exercise's element (`[data-exercise=id]`); undefined when the page lacks it. */
export function bindExercise(root: HTMLElement, context: ExerciseContext, exercise: PageExercise): BoundExercise | undefined {
  const element = root.querySelector<HTMLElement>(`[data-exercise="${CSS.escape(exercise.id)}"]`);
  if (!element) return undefined;
  const feedback = element.querySelector<HTMLElement>("[data-feedback-for]");
  const button = (action: string) => element.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  const hints = [...element.querySelectorAll<HTMLElement>("[data-hint]")];
  const solution = element.querySelector<HTMLElement>("[data-solution-for]");
  const { record } = context;
  const item = () => record.item("exercise", exercise.id);
  let checking = false;

  const say = (text: string) => {
    if (feedback) feedback.textContent = text;
  };

  const summary = (): ExerciseSummary => {
    const state = item();
    return {
      id: exercise.id,
      state: state.right ? "passed" : state.attempts ? "failed" : "unattempted",
      attempts: state.attempts,
      hints: state.hints,
      solutionShown: state.solutionShown,
    };
  };

  const refresh = () => {
    const state = summary();
    element.dataset.state = state.state;
    hints.forEach((hint, i) => (hint.hidden = i >= state.hints));
    const hintButton = button("hint");
    if (hintButton) {
      const left = Math.max(0, hints.length - state.hints);
      hintButton.textContent = left ? `Show a hint (${left} left)` : "No more hints";
      hintButton.disabled = left === 0;
    }
    if (solution) solution.hidden = !state.solutionShown;
    const solutionButton = button("solution");
    if (solutionButton) solutionButton.hidden = state.solutionShown;
    if (state.state === "passed" && feedback && !feedback.textContent) say(`Passed: your ${exercise.id} matches every check.`);
  };

  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      await runCheck();
    } finally {
      checking = false;
    }
  };

  const runCheck = async () => {
    if (!exercise.fingerprint) return say(`This exercise cannot be checked on this page: ${exercise.unavailable ?? "the build did not compute its answer"}.`);
    say("Checking…");
    if (context.runEdit && !(await context.runEdit(exercise.cell))) {
      return fail("Your code has an error; its message is next to your code. Fix it and check again.", "error");
    }
    await context.handle.api.idle();
    const seed = context.seeds.current(exercise.id);
    const outcome = await evaluateCheck(context.handle.api, exercise, seed);
    if (!outcome.ok) {
      return fail(`Your code stops with an error before it can be checked (${outcome.input}: ${outcome.error}). Its message is next to your code.`, "error");
    }
    const variants = exercise.fingerprint.variants;
    const variant = variants.find((v) => v.seed === seed) ?? variants[0];
    const thrown = outcome.probes.findIndex((p) => !p.ok);
    if (thrown >= 0) {
      const probe = outcome.probes[thrown] as { error: string };
      return fail(`${exercise.probes[thrown].source} throws: ${probe.error}`, "throws");
    }
    const values = outcome.probes.map((p) => (p as { value: ProbeValue }).value);
    const index = await findFirstMismatch(exercise.id, variant, values, exercise.tolerance);
    if (index < 0) return pass();
    const source = exercise.probes[index]?.source ?? `probe ${index + 1}`;
    const expected = variant.expected[index];
    const got = formatProbe(values[index]);
    const shown = expected && "value" in expected ? { expected: expected.value } : {};
    const counterexample: Counterexample = { probe: index, source, args: outcome.args(index), actual: values[index] ?? null, ...shown };
    fail(expected && "value" in expected ? `${source}: expected ${formatProbe(expected.value)}, got ${got}` : `${source} is not right yet (got ${got})`, "mismatch", counterexample);
  };

  const code = () => context.handle.definition(exercise.cell)?.source ?? "";
  // The failing probe goes into the record with the failure (when it is small enough for an entry):
  // the page's `exercises` builtin reads it from there, so it outlives a reload and goes with a reset.
  const fail = (message: string, detail: string, counterexample?: Counterexample) => {
    say(`Not yet. ${message}`);
    const attempt = { seed: context.seeds.current(exercise.id), detail };
    const withProbe = counterexample ? { ...attempt, counterexample: counterexample as unknown as JsonValue } : attempt;
    record.record("exercise", exercise.id, "failed", { result: { success: false, response: code() }, context: isSmallJson(withProbe) ? withProbe : attempt });
  };
  const pass = () => {
    say(`Passed: your ${exercise.id} matches every check.`);
    record.record("exercise", exercise.id, "passed", { result: { success: true, response: code() }, context: { seed: context.seeds.current(exercise.id) } });
  };

  const onClick = (event: Event) => {
    const action = (event.target as Element | null)?.closest?.("button[data-action]")?.getAttribute("data-action");
    if (action === "check") void check();
    else if (action === "hint") showHint();
    else if (action === "variant") void newVariant();
    else if (action === "solution") revealSolution();
  };
  const showHint = () => {
    const shown = item().hints;
    if (shown >= hints.length) return;
    record.record("exercise", exercise.id, "asked-for-hint", { context: { hint: shown + 1 } });
    const hint = hints[shown];
    hint.tabIndex = -1;
    hint.focus();
  };
  const newVariant = async () => {
    const seeds = exercise.fingerprint?.variants.map((v) => v.seed) ?? [];
    const others = seeds.filter((s) => s !== context.seeds.current(exercise.id));
    if (!others.length) return;
    await context.seeds.set(exercise.id, others[Math.floor(Math.random() * others.length)]!);
    say(`A new variant (number ${context.seeds.current(exercise.id)}): the numbers changed; check again when ready.`);
  };
  const revealSolution = () => {
    if (!solution || !context.confirm(REVEAL_QUESTION)) return;
    record.record("exercise", exercise.id, "showed-solution");
    solution.tabIndex = -1;
    solution.focus();
  };
  element.addEventListener("click", onClick);
  refresh();
  return {
    refresh,
    summary,
    check,
    destroy: () => element.removeEventListener("click", onClick),
  };
}
