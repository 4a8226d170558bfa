// A ` ```ts solution ` or ` ```ts check ` fence: analysed like a cell (its problems are located in the
// .md file) but never one of the page's cells; exercises.ts attaches it to the exercise above it.

import { parse, type ArrayExpression, type CallExpression, type Expression, type ExpressionStatement } from "acorn";
import type { Token } from "markdown-it";
import { analyzeCell } from "../cell/analyzeCell.ts";
import type { Cell, Diagnostic } from "../types.ts";
import type { LessonEnv } from "./lessonEnv.ts";
import type { FenceRole } from "./readFenceInfo.ts";

/** What a solution or check fence leaves on its token for exercises.ts. */
export interface ExerciseFenceMeta {
  role: FenceRole;
  /** The fence's code analysed as a cell (its id is not a page cell's). */
  cell: Cell;
  /** The check's probes (`[a(1), a(2)]` → `a(1)`, `a(2)`). */
  probes?: string[];
}

/** Analyses a solution or check fence and leaves it on the token; its problems go to `env`. */
export function collectExerciseFence(token: Token, lang: "ts" | "js", role: FenceRole, line: number, env: LessonEnv): void {
  const source = token.content.replace(/\n$/, "");
  const { cell, diagnostics } = analyzeCell(source, { lang, line, column: 1, inline: false });
  // Not a page cell: its problems are the fence's, with no cell id the page would look for.
  env.diagnostics.push(...diagnostics.map(({ cell: _, ...d }) => d));
  const meta: ExerciseFenceMeta = { role, cell };
  if (role.kind === "check") {
    if (!cell.expression && !diagnostics.some((d) => d.severity === "error")) {
      env.diagnostics.push(at(line, "check", "a check is one expression over the exercise's names, such as [f(0), f(1)] (found statements)"));
    }
    meta.probes = findProbes(cell);
  }
  token.meta = { exercise: meta };
}

/** The probes of a check: the items of a top-level array literal, else the whole expression. */
export function findProbes(cell: Cell): string[] {
  return findProbeRanges(cell).map(([start, end]) => cell.source.slice(start, end).trim());
}

/**
 * Where each probe's arguments are, when the probe is a call (`dLdw(1)` → the range of `1`), else
 * null: the page hands them to a chart that marks the counterexample. Offsets as findProbeRanges'.
 */
export function findProbeArguments(cell: Cell): ([number, number][] | null)[] {
  const items = findProbeNodes(cell);
  if (!items) return findProbeRanges(cell).map(() => null);
  return items.map((item) => {
    let expression = item;
    while (expression.type === "ParenthesizedExpression") expression = expression.expression;
    if (expression.type !== "CallExpression") return null;
    const args = (expression as CallExpression).arguments;
    if (args.some((arg) => arg.type === "SpreadElement")) return null;
    return args.map((arg): [number, number] => [arg.start, arg.end]);
  });
}

/**
 * Where each probe of a check is, as [start, end) offsets that hold in its source and in its
 * JavaScript alike (types are blanked to spaces).
 */
export function findProbeRanges(cell: Cell): [number, number][] {
  const items = findProbeNodes(cell);
  return items ? items.map((item) => [item.start, item.end]) : [[0, cell.source.length]];
}

/** The items of the check's top-level array literal, or undefined when it is not one (one probe). */
function findProbeNodes(cell: Cell): Expression[] | undefined {
  if (!cell.expression) return undefined;
  try {
    const program = parse(cell.js, { ecmaVersion: "latest", sourceType: "module" });
    const statement = program.body[0] as ExpressionStatement | undefined;
    let expression = statement?.expression;
    while (expression?.type === "ParenthesizedExpression") expression = expression.expression;
    if (expression?.type !== "ArrayExpression") return undefined;
    const items = (expression as ArrayExpression).elements;
    if (items.length === 0 || items.some((item) => !item || item.type === "SpreadElement")) return undefined;
    return items as Expression[];
  } catch {
    return undefined;
  }
}

function at(line: number, code: string, message: string): Diagnostic {
  return { severity: "error", code, message, line, column: 1 };
}
