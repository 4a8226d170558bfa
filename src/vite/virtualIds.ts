// The virtual modules of the site: each page's script, the index's, per-page library subsets, build errors.

/** A lesson page's module: `virtual:live-lesson/page/<slug>`. */
export const pagePrefix = "virtual:live-lesson/page/";
/** The index page's module. */
export const shellId = "virtual:live-lesson/shell";
/** A built page's subset of a library builtin: `virtual:live-lesson/library/<name>/<slug>`. */
export const libraryPrefix = "virtual:live-lesson/library/";

/** A build error in a lesson (reportBuildErrors.ts): `virtual:live-lesson/problem/<n>`. */
export const problemPrefix = "virtual:live-lesson/problem/";

/** True for the ids above (before resolving: without the `\0` Rollup's convention adds). */
export function isVirtualId(source: string): boolean {
  return source === shellId || [pagePrefix, libraryPrefix, problemPrefix].some((prefix) => source.startsWith(prefix));
}

/** The slug of a resolved page module id (`\0virtual:live-lesson/page/<slug>`), else undefined. */
export function findPageSlug(id: string | undefined): string | undefined {
  return id?.startsWith(`\0${pagePrefix}`) ? id.slice(pagePrefix.length + 1) : undefined;
}
