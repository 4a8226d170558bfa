// The reading order of a site's lessons.
import type { LessonEntry } from "./describeLesson.ts";

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

