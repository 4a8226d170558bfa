// Exercises: after cells are collected, groups each ` ```ts exercise ` fence with the solution, check
// and `> [!HINT]` callouts that follow it (up to the next exercise or heading), wraps them in the
// exercise's element and checks the group. The solution is never rendered unless `reveal`.

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { isBuiltinIn } from "../../contract/builtins.ts";
import { highlightCode } from "../highlight/highlightCode.ts";
import { escapeHtml } from "../escapeHtml.ts";
import { isGlobal } from "../globals.ts";
import type { Cell, Diagnostic, Exercise } from "../types.ts";
import type { ExerciseFenceMeta } from "./exerciseFence.ts";
import { readEnv, type LessonEnv } from "./lessonEnv.ts";
import type { FenceRole } from "./readFenceInfo.ts";

/** Variants a seeded exercise's fingerprint covers unless `seeds=N` says otherwise. */
export const DEFAULT_SEEDS = 5;
/** Relative tolerance for numbers unless `tolerance=X` says otherwise. */
export const DEFAULT_TOLERANCE = 1e-6;

/** Adds the grouping rule and the renderers of exercises, solutions, checks and hints. */
export function exercisesPlugin(md: MarkdownIt): void {
  md.core.ruler.after("collect_cells", "exercises", groupExercises);
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, i, options, env, self) => {
    const meta = tokens[i].meta as { exercise?: ExerciseFenceMeta & { id?: string } } | null;
    return meta?.exercise ? renderExerciseFence(meta.exercise) : fence(tokens, i, options, env, self);
  };
  md.renderer.rules.exercise_open = (tokens, i) => renderOpen((tokens[i].meta as { exercise: Exercise }).exercise);
  md.renderer.rules.exercise_close = (tokens, i) => renderClose((tokens[i].meta as { exercise: Exercise }).exercise);
}

interface Group {
  exercise: Exercise;
  starter: Cell;
  role: FenceRole;
  open: number;
  last: number;
  checkInputs: string[];
  solutionInputs: string[];
}

function groupExercises(state: StateCore): void {
  const env = readEnv(state.env);
  const tokens = state.tokens;
  const groups: Group[] = [];
  let current: Group | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === "heading_open") current = undefined;
    else if (token.type === "fence" && token.meta?.role && token.meta?.cell) {
      current = startGroup(token, i, line, env);
      if (current) groups.push(current);
    } else if (token.type === "fence" && token.meta?.exercise) {
      const meta = token.meta.exercise as ExerciseFenceMeta & { id?: string };
      if (!current) env.diagnostics.push(at(line, "exercise", `a \`\`\`ts ${meta.role.kind} fence belongs after a \`\`\`ts exercise fence (in the same section)`));
      else attach(current, meta, i, env);
    } else if (token.type === "callout_open" && (token.meta as { kind?: string })?.kind === "hint") {
      if (!current) {
        env.diagnostics.push({ ...at(line, "hint", "a > [!HINT] belongs after an exercise (in the same section); it is shown as a note"), severity: "warning" });
        continue;
      }
      const index = current.exercise.hints++;
      const meta = token.meta as { title: string; hint?: string };
      meta.hint = `${current.exercise.id}/${index + 1}`;
      if (meta.title === "Hint") meta.title = `Hint ${index + 1}`;
      current.last = findClose(tokens, i);
    }
  }
  const exercises: Exercise[] = [];
  const definers = new Set(env.cells.flatMap((cell) => cell.outputs));
  for (const group of groups) {
    if (!finishGroup(group, exercises, definers, env)) continue;
    exercises.push(group.exercise);
  }
  // Wrap each group, from the end so earlier indices stay valid.
  for (const group of [...groups].reverse()) {
    const open = new state.Token("exercise_open", "section", 1);
    open.meta = { exercise: group.exercise };
    const close = new state.Token("exercise_close", "section", -1);
    close.meta = { exercise: group.exercise };
    tokens.splice(group.last + 1, 0, close);
    tokens.splice(group.open, 0, open);
  }
  env.exercises = exercises;
}

function startGroup(token: Token, index: number, line: number, env: LessonEnv): Group | undefined {
  const { cell, role } = token.meta as { cell: Cell; role: FenceRole };
  const id = role.name ?? cell.outputs[0];
  if (!id) {
    env.diagnostics.push(at(line, "exercise", "an exercise's id is the first name its starter declares, and this one declares none: declare the function the student writes, or name it with exercise=name"));
    return undefined;
  }
  cell.exercise = id;
  return {
    exercise: { id, cell: cell.id, line, solution: null, check: null, hints: 0, seeds: 0 },
    starter: cell,
    role,
    open: index,
    last: index,
    checkInputs: [],
    solutionInputs: [],
  };
}

function attach(group: Group, meta: ExerciseFenceMeta & { id?: string }, index: number, env: LessonEnv): void {
  const { exercise } = group;
  const line = meta.cell.line - 1;
  meta.id = exercise.id;
  if (meta.role.kind === "solution") {
    if (exercise.solution) return void env.diagnostics.push(at(line, "exercise", `exercise "${exercise.id}" already has a solution (line ${exercise.solution.line - 1})`));
    exercise.solution = { line: meta.cell.line, source: meta.cell.source, reveal: meta.role.reveal === true };
    group.solutionInputs = meta.cell.inputs;
    const missing = group.starter.outputs.filter((name) => !meta.cell.outputs.includes(name));
    if (missing.length) env.diagnostics.push(at(line, "exercise", `the solution must declare what the starter declares; it lacks ${missing.map((n) => `"${n}"`).join(", ")}`));
  } else {
    if (exercise.check) return void env.diagnostics.push(at(line, "exercise", `exercise "${exercise.id}" already has a check`));
    exercise.check = { cell: meta.cell, probes: meta.probes ?? [], sealed: meta.role.sealed === true, tolerance: meta.role.tolerance ?? DEFAULT_TOLERANCE };
    group.checkInputs = meta.cell.inputs;
  }
  group.last = index;
}

/** Reports what the group lacks; false when it cannot be an exercise (a duplicate id). */
function finishGroup(group: Group, done: Exercise[], definers: Set<string>, env: LessonEnv): boolean {
  const { exercise, role } = group;
  const line = exercise.line;
  if (done.some((other) => other.id === exercise.id)) {
    env.diagnostics.push(at(line, "exercise", `two exercises are named "${exercise.id}"; name this one with exercise=name`));
    return false;
  }
  if (!exercise.check) env.diagnostics.push(at(line, "exercise", `exercise "${exercise.id}" has no \`\`\`ts check fence after it, so it cannot be checked`));
  if (!exercise.solution) env.diagnostics.push(at(line, "exercise", `exercise "${exercise.id}" has no \`\`\`ts solution fence after it, so the build has nothing to check against`));
  if (exercise.check) {
    const unknown = exercise.check.cell.inputs.filter((name) => !definers.has(name) && !isGlobal(name) && !isBuiltinIn(name, "exercise"));
    for (const name of unknown) env.diagnostics.push(at(exercise.check.cell.line, "undefined-name", `the check reads "${name}", which no cell defines`));
  }
  const seeded = [group.starter.inputs, group.checkInputs, group.solutionInputs].some((inputs) => inputs.includes("seed"));
  exercise.seeds = seeded ? (role.seeds ?? DEFAULT_SEEDS) : 0;
  if (!seeded && role.seeds !== undefined) env.diagnostics.push({ ...at(line, "option", `seeds=${role.seeds} does nothing: neither the starter, the solution nor the check reads seed`), severity: "warning" });
  return true;
}

function findClose(tokens: Token[], open: number): number {
  const level = tokens[open].level;
  for (let j = open + 1; j < tokens.length; j++) if (tokens[j].type === "callout_close" && tokens[j].level === level) return j;
  return open;
}

function at(line: number, code: string, message: string): Diagnostic {
  return { severity: "error", code, message, line, column: 1 };
}

function renderOpen(exercise: Exercise): string {
  const id = escapeHtml(exercise.id);
  return `<section class="exercise" id="exercise-${id}" data-exercise="${id}" data-state="unattempted" aria-labelledby="exercise-${id}-title">\n` +
    `<p class="exercise-title" id="exercise-${id}-title">Exercise: <code>${id}</code></p>\n`;
}

function renderClose(exercise: Exercise): string {
  const id = escapeHtml(exercise.id);
  // The controls are real buttons from the start (no layout shift); src/learn/exercise/ binds them.
  const hint = exercise.hints ? `<button type="button" data-action="hint">Show a hint (${exercise.hints} left)</button>` : "";
  const variant = exercise.seeds > 1 ? `<button type="button" data-action="variant">New variant</button>` : "";
  const reveal = exercise.solution?.reveal ? `<button type="button" data-action="solution">Show the solution</button>` : "";
  return `<div class="exercise-controls"><button type="button" data-action="check">Check my answer</button>${hint}${variant}${reveal}</div>\n` +
    `<p class="exercise-feedback" data-feedback-for="${id}" role="status" aria-live="polite"></p>\n</section>\n`;
}

function renderExerciseFence(meta: ExerciseFenceMeta & { id?: string }): string {
  const code = highlightCode(meta.cell.source, meta.cell.lang === "ts" ? "typescript" : "javascript");
  const listing = `<pre class="listing"><code class="hljs language-${meta.cell.lang}">${code}</code></pre>`;
  if (meta.role.kind === "check") return `<details class="exercise-check"><summary>What the check computes</summary>${listing}</details>\n`;
  // The solution leaves the page unless the author marked it `reveal`; even then it stays hidden until asked for.
  if (!meta.role.reveal || !meta.id) return "";
  return `<div class="exercise-solution" data-solution-for="${escapeHtml(meta.id)}" hidden><p class="exercise-solution-title">The author's solution</p>${listing}</div>\n`;
}
