// Everything `lesson check` finds in one lesson without a browser: compile, type and lint problems.
import { readFileSync } from "node:fs";
import { compileLesson } from "../compile/index.ts";
import type { Lesson } from "../compile/index.ts";
import { checkTypes } from "./checkTypes.ts";
import { lintLesson } from "./lintLesson.ts";
import type { Problem } from "../contract/diagnostic.ts";

/** A checked lesson: its compiled form (for the headless run) and its problems. */
export interface CheckedLesson {
  file: string;
  lesson?: Lesson;
  problems: Problem[];
}

/** Options of checkLesson. */
export interface CheckLessonOptions {
  /** The site root for `/slug` links; defaults to the lesson's folder. */
  lessonsDir?: string;
}

/**
 * Compiles `file` and reports every compile diagnostic, every type error across its cells and
 * every lint problem, with `file` as given.
 */
export function checkLesson(file: string, options: CheckLessonOptions = {}): CheckedLesson {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    return { file, problems: [unplaced(file, "read", `cannot read the lesson: ${(error as Error).message}`)] };
  }
  let lesson: Lesson;
  try {
    lesson = compileLesson(source, { file });
  } catch (error) {
    // The compiler promises never to throw on content; if it does, say so rather than crash.
    return { file, problems: [unplaced(file, "internal", `the compiler crashed: ${(error as Error).stack ?? error}`)] };
  }
  const problems: Problem[] = lesson.diagnostics.map((d) => ({ ...d, file }));
  try {
    problems.push(...checkTypes(lesson, { file }).map((d) => ({ ...d, file })));
  } catch (error) {
    problems.push(unplaced(file, "internal", `the type checker crashed: ${(error as Error).stack ?? error}`));
  }
  problems.push(...lintLesson(lesson, source, { file, lessonsDir: options.lessonsDir }).map((d) => ({ ...d, file })));
  return { file, lesson, problems };
}

function unplaced(file: string, code: string, message: string): Problem {
  return { file, line: 0, column: 0, severity: "error", code, message };
}
