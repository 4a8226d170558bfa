// The lessons a command is given: files as they are, folders as the lessons directly in them.
import { statSync } from "node:fs";
import { findLessonFiles } from "../site/findLessons.ts";

/** A folder given in place of lessons, and what it holds. */
export interface ExpandedLessons {
  /** Lesson files, each as given or as the folder given joined with its name (`lessons/a.md`). */
  files: string[];
  /** Folders given that hold no lesson. */
  empty: string[];
}

/**
 * `lessons/` → its lessons (`lessons/a.md`…, drafts `_…` left out); a file stays as given (a draft
 * named explicitly is checked too). A path that does not exist stays, for the command to report.
 */
export function expandLessons(paths: readonly string[]): ExpandedLessons {
  const files: string[] = [];
  const empty: string[] = [];
  for (const path of paths) {
    if (!isDirectory(path)) {
      files.push(path);
      continue;
    }
    const found = findLessonFiles(path);
    if (!found.length) empty.push(path);
    files.push(...found);
  }
  return { files: [...new Set(files)], empty };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
