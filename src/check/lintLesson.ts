// The lint pass over one lesson: front matter, prose and cells.
import type { Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { lintCell } from "./lintCell.ts";
import { lintProse } from "./lintProse.ts";

/**
 * Lint problems (code "lint") in `lesson`, compiled from `source`: a missing title is an error;
 * inputs without a label, charts without a text alternative and images without alt text are
 * warnings. Listings (`run=false`) are not linted. (Links between lessons are the site's to check.)
 */
export function lintLesson(lesson: Lesson, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const title = lesson.frontMatter?.title;
  if (typeof title !== "string" || !title.trim()) {
    out.push({ severity: "error", code: "lint", message: "front matter has no title: add `title: …` between the --- lines at the top", line: 1, column: 1 });
  }
  out.push(...lintProse(source));
  for (const cell of lesson.cells) if (cell.options.run) out.push(...lintCell(cell));
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
