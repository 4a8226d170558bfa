// The lessons of a folder: which files are lessons, their slugs, their text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Files and folders whose name starts with `_` or `.` are drafts, partials or tooling, not lessons. */
export function isLessonFile(name: string): boolean {
  return name.endsWith(".md") && !name.startsWith("_") && !name.startsWith(".");
}

/** Absolute paths of the lessons directly in `dir` (sub-folders hold assets, not lessons). */
export function findLessonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter(isLessonFile).sort().map((name) => join(dir, name));
}

/** The slug of a lesson file: its base name without `.md`. */
export function slugOf(path: string): string {
  return path.replace(/^.*[\\/]/, "").replace(/\.md$/, "");
}

/** Reads a lesson file; a file that vanished between listing and reading reads as empty. */
export function readLesson(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
