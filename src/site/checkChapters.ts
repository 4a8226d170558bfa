// `next` and `prerequisites` in front matter name lessons by their chapter id (`chapter: "L1-03"`):
// resolved across the site's lessons, an id that names no lesson is an error at its place in the
// front matter, and a chapter id two lessons share is a warning (links naming it go to the first).
import type { Diagnostic } from "../compile/index.ts";
import type { LessonEntry } from "./describeLesson.ts";

/** The lessons by chapter id: the first in reading order for an id two lessons share. */
export function indexChapters(entries: readonly LessonEntry[]): Map<string, LessonEntry> {
  const byChapter = new Map<string, LessonEntry>();
  for (const entry of entries) if (entry.chapter && !byChapter.has(entry.chapter)) byChapter.set(entry.chapter, entry);
  return byChapter;
}

/** Problems of `entry`'s next, prerequisites and chapter (code "chapter"), located in its front matter `source`. */
export function checkChapters(entry: LessonEntry, source: string, byChapter: ReadonlyMap<string, LessonEntry>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const known = () => {
    const ids = [...byChapter.keys()];
    if (!ids.length) return " (no lesson has a chapter id yet: add `chapter: \"L1-01\"` to a lesson's front matter)";
    return ` (the chapter ids: ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", …" : ""})`;
  };
  const check = (field: "next" | "prerequisites", id: string) => {
    const target = byChapter.get(id);
    if (!target) {
      problems.push({
        severity: "error",
        code: "chapter",
        message: `${field}: "${id}" names no lesson: ${field === "next" ? "next names a lesson" : "prerequisites name lessons"} by its chapter id${known()}`,
        ...locateFrontMatterValue(source, field, id),
      });
    } else if (target.path === entry.path) {
      problems.push({ severity: "error", code: "chapter", message: `${field}: "${id}" is this lesson's own chapter`, ...locateFrontMatterValue(source, field, id) });
    }
  };
  if (entry.next) check("next", entry.next);
  for (const id of entry.prerequisites) check("prerequisites", id);
  const first = entry.chapter ? byChapter.get(entry.chapter) : undefined;
  if (first && first.path !== entry.path) {
    problems.push({
      severity: "warning",
      code: "chapter",
      message: `chapter "${entry.chapter}" is also ${first.slug}.md's: next and prerequisites that name it lead there; give this lesson an id of its own`,
      ...locateFrontMatterValue(source, "chapter", entry.chapter!),
    });
  }
  return problems;
}

/**
 * Where `value` of the front matter field `key` is written (1-based), searching from the line that
 * starts with `key:` to the end of the front matter; the key's line when the value is not found.
 */
export function locateFrontMatterValue(source: string, key: string, value: string): { line: number; column: number } {
  const lines = source.split(/\r?\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? "")) return { line: 1, column: 1 };
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  const end = close < 0 ? lines.length : close;
  const start = lines.findIndex((line, i) => i > 0 && i < end && new RegExp(`^${key}\\s*:`).test(line));
  if (start < 0) return { line: 1, column: 1 };
  for (let i = start; i < end; i++) {
    const from = i === start ? lines[i].indexOf(":") + 1 : 0;
    const column = lines[i].indexOf(value, from);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return { line: start + 1, column: 1 };
}
