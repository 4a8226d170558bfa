// A lesson's index entry: what the index page and the page navigation show of it.
import type { Lesson } from "../compile/index.ts";
import { learningItems } from "../learn/learningItems.ts";
import { slugOf } from "./findLessons.ts";

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
  /** The items that count for the lesson's progress, `[kind, id]` (the index reads the record against them). */
  items: [string, string][];
  /** Front matter `next`: the chapter id of the lesson the "Next →" link leads to, instead of the reading order's. */
  next?: string;
  /** Front matter `prerequisites`: chapter ids of the lessons to read first, linked at the top of the page. */
  prerequisites: string[];
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
    items: learningItems(lesson.learning).map((item) => [item.kind, item.id]),
    next: typeof fm.next === "string" && fm.next.trim() ? fm.next.trim() : undefined,
    prerequisites: Array.isArray(fm.prerequisites) ? fm.prerequisites.filter((id): id is string => typeof id === "string" && id.trim() !== "").map((id) => id.trim()) : [],
  };
}

