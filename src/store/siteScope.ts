// Which site a page belongs to, for storage keys: pages of two courses served from one origin
// (`/course-a/…`, `/course-b/…`) share one localStorage, so every key carries the site's base path.

/**
 * The base path of the site a page at `href` belongs to: its folder (`/course/` for
 * `/course/lesson.html`, `/course/index.html` and `/course/`). Lesson pages and the index sit in
 * one folder, so every page of a site gets the same scope.
 */
export function siteScope(href: string = globalThis.location?.href ?? "http://localhost/"): string {
  try {
    return new URL("./", href).pathname;
  } catch {
    return "/";
  }
}
