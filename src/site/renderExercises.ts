// A lesson's exercises in its page module: each one's public data (never a solution's source
// unless `reveal`, and no solution at all here), its fingerprint, and each probe of its check as a
// function over the check's inputs, loops guarded like any cell.

import { findProbeArguments, findProbeRanges, instrumentLoops, publicExercises, type Lesson } from "../compile/index.ts";
import type { ExerciseFingerprint } from "../contract/exercise.ts";

const json = (value: unknown) => JSON.stringify(value).replace(/<\/(script)/gi, "<\\/$1");

/** The `exercises` array of a page module (source text), or "" when the lesson has none to check. */
export function renderExercises(lesson: Lesson, fingerprints: Map<string, { fingerprint: ExerciseFingerprint | null; unavailable?: string }>): string {
  const rendered = publicExercises(lesson.exercises).flatMap((exercise) => {
    const { check } = exercise;
    if (!check) return [];
    const found = fingerprints.get(exercise.id) ?? { fingerprint: null, unavailable: "the build did not compute its answer" };
    const fields = {
      id: exercise.id,
      cell: exercise.cell,
      line: exercise.line,
      inputs: check.cell.inputs,
      sealed: check.sealed,
      tolerance: check.tolerance,
      hints: exercise.hints,
      reveal: exercise.solution?.reveal === true,
      fingerprint: found.fingerprint,
      ...(found.unavailable ? { unavailable: found.unavailable } : {}),
    };
    const calls = findProbeArguments(check.cell);
    const probes = findProbeRanges(check.cell).map(([start, end], i) => {
      const source = check.probes[i] ?? check.cell.source.slice(start, end).trim();
      // A call's arguments too, so a chart can mark the counterexample where it lies (`dLdw(1)` → [1]).
      const args = calls[i] ? `, args: ${renderProbe(check.cell.inputs, `[${calls[i]!.map(([a, b]) => check.cell.js.slice(a, b)).join(", ")}]`)}` : "";
      return `{source: ${json(source)}, run: ${renderProbe(check.cell.inputs, check.cell.js.slice(start, end))}${args}}`;
    });
    return [`{...${json(fields)}, probes: [${probes.join(", ")}]}`];
  });
  return rendered.length ? `[\n    ${rendered.join(",\n    ")}\n  ]` : "";
}

/** One probe as a function expression; guarded against endless loops when that parses. */
function renderProbe(inputs: string[], js: string): string {
  const body = `(${inputs.join(", ")}) => (\n${js}\n)`;
  try {
    new Function(`return ${body}`);
  } catch (error) {
    return `() => { throw new SyntaxError(${json(error instanceof Error ? error.message : String(error))}); }`;
  }
  try {
    const guarded = instrumentLoops(body).code;
    new Function("__guard", `return (${guarded}\n)`);
    return `((__guard) => (${guarded}\n))(createGuard())`;
  } catch {
    return body;
  }
}
