// The lint pass over one lesson: front matter, prose and cells.
import type { Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { lintCell } from "./lintCell.ts";
import { lintProse } from "./lintProse.ts";

/** Options of lintLesson. */
export interface LintOptions {
  /** The lesson's path; links resolve from its folder. */
  file: string;
  /** The site root that `/slug` links resolve from; defaults to the lesson's folder. */
  lessonsDir?: string;
}

/**
 * Lint problems (code "lint") in `lesson`, compiled from `source`: a missing title and links to
 * lessons that do not exist are errors; inputs without a label, charts without a text alternative
 * and images without alt text are warnings. Listings (`run=false`) are not linted.
 */
export function lintLesson(lesson: Lesson, source: string, options: LintOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const title = lesson.frontMatter?.title;
  if (typeof title !== "string" || !title.trim()) {
    out.push({ severity: "error", code: "lint", message: "front matter has no title: add `title: …` between the --- lines at the top", line: 1, column: 1 });
  }
  out.push(...lintProse(source, options));
  for (const cell of lesson.cells) if (cell.options.run) out.push(...lintCell(cell));
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
