// Page routing: which page a URL path names. The one rule that keeps every page inside the lessons
// folder: a lesson page is a file name directly in the folder, never a path.
import { isLessonFile } from "./findLessons.ts";

/** A page of the site: the index, or a lesson by its slug (its file name without `.md`). */
export type PageRoute = { kind: "index" } | { kind: "lesson"; slug: string };

/**
 * The page a URL path names, relative to the site's base: `` / `index` / `index.html` → the index;
 * `<slug>` or `<slug>.html` → that lesson, when `<slug>.md` could be a lesson directly in the folder
 * (no sub-folder, no draft `_…`, no dot file); anything else, a malformed escape included, → null.
 * Whether the lesson exists is the site's to say (createSite's `route`).
 */
export function matchPage(pathname: string): PageRoute | null {
  let name: string;
  try {
    name = decodeURIComponent(pathname.replace(/^\/+/, ""));
  } catch {
    return null;
  }
  if (name === "" || name === "index.html" || name === "index") return { kind: "index" };
  const slug = name.replace(/\.html$/, "");
  return isLessonSlug(slug) ? { kind: "lesson", slug } : null;
}

/**
 * True when `<slug>.md` could be a lesson directly in the folder: no separator, no NUL, no draft
 * `_…` or dot file (so no `..`). Every path built from a slug (pages, page modules, library
 * subsets) is confined by this one rule.
 */
export function isLessonSlug(slug: string): boolean {
  return !/[\\/\0]/.test(slug) && isLessonFile(`${slug}.md`);
}
