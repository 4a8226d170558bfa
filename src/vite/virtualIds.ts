// The virtual modules of the site: each page's script, the index's, and per-page library subsets.

/** A lesson page's module: `virtual:live-lesson/page/<slug>`. */
export const pagePrefix = "virtual:live-lesson/page/";
/** The index page's module. */
export const shellId = "virtual:live-lesson/shell";
/** A built page's subset of a library builtin: `virtual:live-lesson/library/<name>/<slug>`. */
export const libraryPrefix = "virtual:live-lesson/library/";

/** True for the ids above (before resolving: without the `\0` Rollup's convention adds). */
export function isVirtualId(source: string): boolean {
  return source === shellId || source.startsWith(pagePrefix) || source.startsWith(libraryPrefix);
}

/** The slug of a resolved page module id (`\0virtual:live-lesson/page/<slug>`), else undefined. */
export function findPageSlug(id: string | undefined): string | undefined {
  return id?.startsWith(`\0${pagePrefix}`) ? id.slice(pagePrefix.length + 1) : undefined;
}
