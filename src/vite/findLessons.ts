// The lessons of a folder: which files are lessons, their index entries, and the reading order.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lesson } from "../compile/types.ts";

/** One lesson as the index page and the page navigation see it. */
export interface LessonEntry {
  /** The file name without `.md`: the page is `<slug>.html`. */
  slug: string;
  /** Absolute path of the .md file. */
  path: string;
  title: string;
  chapter?: string;
  order?: number;
  summary?: string;
  /** Reading time: front matter `minutes`, else counted at ~200 words per minute. */
  minutes: number;
  /** Error diagnostics in the lesson (the index marks such lessons). */
  errors: number;
}

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

/** Minutes to read `source` at ~200 words per minute, prose only (front matter and code left out). */
export function countReadingMinutes(source: string): number {
  const prose = source
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "")
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / 200));
}

/** The index entry of a compiled lesson. */
export function describeLesson(path: string, source: string, lesson: Lesson): LessonEntry {
  const fm = lesson.frontMatter ?? {};
  const minutes = typeof fm.minutes === "number" && fm.minutes > 0 ? fm.minutes : countReadingMinutes(source);
  return {
    slug: slugOf(path),
    path,
    title: lesson.title || slugOf(path),
    chapter: typeof fm.chapter === "string" ? fm.chapter : undefined,
    order: typeof fm.order === "number" && Number.isFinite(fm.order) ? fm.order : undefined,
    summary: typeof fm.summary === "string" ? fm.summary : undefined,
    minutes,
    errors: lesson.diagnostics.filter((d) => d.severity === "error").length,
  };
}

const collator = new Intl.Collator("en", { numeric: true });

/** Reading order: front matter `order` first (lessons without one after), then chapter, then file. */
export function sortLessons(entries: LessonEntry[]): LessonEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.order ?? Infinity) - (b.order ?? Infinity) ||
      collator.compare(a.chapter ?? "\uffff", b.chapter ?? "\uffff") ||
      collator.compare(a.slug, b.slug),
  );
}

/** Reads a lesson file; a file that vanished between listing and reading reads as empty. */
export function readLesson(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
