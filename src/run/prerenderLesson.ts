// A lesson run once at its defaults for its built page: the body with every cell's first output
// written in, less the cells that must wait for the reader's browser (findPrerenderBlocker) and
// every cell that reads their names.
import { findPrerenderBlocker, type Lesson } from "../compile/index.ts";
import { fillOutputs } from "./renderPrerendered.ts";
import { runLesson } from "./runLesson.ts";
import type { RunOptions } from "./types.ts";

/** A cell left for the browser, and why. */
export interface LeftOut {
  id: string;
  line: number;
  why: string;
}

/** What {@link prerenderLesson} gives: how to write the outputs into a page, or why there is none. */
export interface Prerendered {
  /**
   * Writes the outputs into `html`, any HTML holding the compiled body's placeholders (the body
   * itself, or the page the bundler made of it), each output passed through `transform` first;
   * undefined when the run was killed.
   */
  fill?: (html: string, transform?: (output: string) => string) => string;
  /** The cells the body shows no output for, and why. */
  leftOut: LeftOut[];
  /** How many cells' outputs the body shows. */
  count: number;
  /** Why the run was stopped (`file:line message`), when it was. */
  error?: string;
}

/**
 * Runs `lesson` (RunOptions as runLesson's: `path` where its imports resolve from, `file` how it is
 * named) and returns how to write its outputs into its page. Rejects with RunnerUnavailableError when the runner
 * cannot start.
 */
export async function prerenderLesson(lesson: Lesson, options: Pick<RunOptions, "path" | "file" | "timeoutMs" | "startTimeoutMs" | "signal"> = {}): Promise<Prerendered> {
  const leftOut = findLeftOut(lesson);
  // Nothing to run (prose, math and listings only, like the generated math reference, whose cells
  // are all run=false): the body is the compiled one, with no worker to start (happy-dom's
  // start-up is most of a small lesson's run, and a build paid it for the reference every time).
  if (!lesson.cells.some((cell) => cell.options.run)) return { fill: (html) => html, leftOut, count: 0 };
  const result = await runLesson(lesson, { ...options, prerender: true });
  if (result.killed) return { leftOut, count: 0, error: result.error ?? "the run did not finish" };
  const leaveOut = new Set(leftOut.map((cell) => cell.id));
  const shown = result.cells.filter((state) => state.status !== "pending" && !leaveOut.has(state.id));
  const staticOutputs = new Set(result.staticOutputs);
  const listeningOutputs = new Set(result.listeningOutputs);
  const fill = (html: string, transform?: (output: string) => string) => fillOutputs(html, result.outputs, result.cells, leaveOut, transform, staticOutputs, listeningOutputs);
  return { fill, leftOut, count: shown.length };
}

/** The cells with a blocker, then every cell that reads a name they declare (transitively), in lesson order. */
export function findLeftOut(lesson: Lesson): LeftOut[] {
  const why = new Map<string, string>();
  for (const cell of lesson.cells) {
    const blocker = findPrerenderBlocker(cell);
    if (blocker) why.set(cell.id, blocker);
  }
  const declaredBy = new Map(lesson.cells.flatMap((cell) => cell.outputs.map((name) => [name, cell] as const)));
  // Cells are not in dependency order: repeat until nothing more is left out.
  for (let grew = why.size > 0; grew; ) {
    grew = false;
    for (const cell of lesson.cells) {
      if (why.has(cell.id)) continue;
      const source = cell.inputs.map((name) => declaredBy.get(name)).find((other) => other && why.has(other.id));
      if (!source) continue;
      why.set(cell.id, `reads ${source.outputs.find((name) => cell.inputs.includes(name))} (line ${source.line})`);
      grew = true;
    }
  }
  return lesson.cells.filter((cell) => why.has(cell.id)).map((cell) => ({ id: cell.id, line: cell.line, why: why.get(cell.id)! }));
}
