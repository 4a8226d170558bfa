// The reading order of a site's lessons.
import type { LessonEntry } from "./describeLesson.ts";

const collator = new Intl.Collator("en", { numeric: true });

/**
 * Reading order: the lessons `order` names (course.yml), in its order; then the others by front
 * matter `order` (lessons without one after), then chapter, then file.
 */
export function sortLessons(entries: LessonEntry[], order: readonly string[] = []): LessonEntry[] {
  const place = new Map(order.map((slug, index) => [slug, index] as const));
  return [...entries].sort(
    (a, b) =>
      (place.get(a.slug) ?? Infinity) - (place.get(b.slug) ?? Infinity) ||
      (a.order ?? Infinity) - (b.order ?? Infinity) ||
      collator.compare(a.chapter ?? "\uffff", b.chapter ?? "\uffff") ||
      collator.compare(a.slug, b.slug),
  );
}
