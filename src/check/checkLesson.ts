// Everything `lesson check` finds in one lesson without a browser: the compiler's problems, the
// site's (links to lessons and anchors, next and prerequisites), lint, and type errors across cells.
// `lesson build` fails on the same problems (findLessonProblems, plus the types from a worker).
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic, Lesson } from "../compile/index.ts";
import type { Problem } from "../contract/diagnostic.ts";
import { createSite, type Site } from "../site/createSite.ts";
import { checkTypes } from "./checkTypes.ts";
import { lintLesson } from "./lintLesson.ts";

/** A checked lesson: its compiled form (for the headless run) and its problems. */
export interface CheckedLesson {
  file: string;
  lesson?: Lesson;
  problems: Problem[];
}

/** Options of checkLesson. */
export interface CheckLessonOptions {
  /** The site the lesson belongs to (its folder's, with its course.yml); default: a site of the lesson's folder. */
  site?: Site;
  /** Type-check the cells across the lesson (default true). */
  typecheck?: boolean;
}

/**
 * The problems of the lesson at `path` (absolute) that need no browser and no type checker: the
 * compiler's diagnostics, the site's (links, next, prerequisites) and lint's, in file order.
 */
export function findLessonProblems(site: Site, path: string): Diagnostic[] {
  const { lesson, source } = site.compile(path);
  return [...lesson.diagnostics, ...site.findSiteProblems(path), ...lintLesson(lesson, source)];
}

/**
 * Compiles `file` and reports every compile diagnostic, every problem between it and the other
 * lessons of its site, every type error across its cells and every lint problem, with `file` as given.
 */
export function checkLesson(file: string, options: CheckLessonOptions = {}): CheckedLesson {
  const path = resolve(file);
  if (!existsSync(path)) return { file, problems: [unplaced(file, "read", `cannot read the lesson: no such file`)] };
  const site = options.site ?? createSite({ root: dirname(path) });
  let lesson: Lesson;
  let problems: Problem[];
  try {
    lesson = site.compile(path).lesson;
    problems = findLessonProblems(site, path).map((d) => ({ ...d, file }));
  } catch (error) {
    // The compiler promises never to throw on content; if it does, say so rather than crash.
    return { file, problems: [unplaced(file, "internal", `the lesson could not be checked: ${(error as Error).stack ?? error}`)] };
  }
  if (options.typecheck !== false) {
    try {
      problems.push(...checkTypes(lesson, { file: path }).map((d) => ({ ...d, file })));
    } catch (error) {
      problems.push(unplaced(file, "internal", `the type checker crashed: ${(error as Error).stack ?? error}`));
    }
  }
  return { file, lesson, problems };
}

function unplaced(file: string, code: string, message: string): Problem {
  return { file, line: 0, column: 0, severity: "error", code, message };
}
