// The virtual modules of the site: each page's script, the index's, per-page library subsets, build
// errors. An id names a lesson only by a slug that passes the page matcher's rule (isLessonSlug), so
// no virtual module can reach a file outside the lessons folder: `page/../secret` is no id of ours.
import { isLessonSlug } from "../site/matchPage.ts";

/** A lesson page's module: `virtual:live-lesson/page/<slug>`. */
export const pagePrefix = "virtual:live-lesson/page/";
/** The index page's module. */
export const shellId = "virtual:live-lesson/shell";
/** A built page's subset of a library builtin: `virtual:live-lesson/library/<name>/<slug>`. */
export const libraryPrefix = "virtual:live-lesson/library/";

/** The stub of a package a page's subsets leave out (isolateSubsets.ts): `virtual:live-lesson/stub/<package>`. */
export const stubPrefix = "virtual:live-lesson/stub/";

/** The package of a resolved stub module id (`\0virtual:live-lesson/stub/<package>`), else undefined. */
export function findStubOf(id: string | undefined): string | undefined {
  return id?.startsWith(`\0${stubPrefix}`) ? id.slice(stubPrefix.length + 1) : undefined;
}

/** A build error in a lesson (reportBuildErrors.ts): `virtual:live-lesson/problem/<n>`. */
export const problemPrefix = "virtual:live-lesson/problem/";

/** True for the well-formed ids above (before resolving: without the `\0` Rollup's convention adds). */
export function isVirtualId(source: string): boolean {
  return (
    source === shellId ||
    readPageSlug(source) !== undefined ||
    findLibraryOf(`\0${source}`) !== undefined ||
    (source.startsWith(problemPrefix) && /^\d+$/.test(source.slice(problemPrefix.length)))
  );
}

/** The slug of a resolved page module id (`\0virtual:live-lesson/page/<slug>`), else undefined. */
export function findPageSlug(id: string | undefined): string | undefined {
  return id?.startsWith("\0") ? readPageSlug(id.slice(1)) : undefined;
}

/** The builtin and slug of a resolved subset module id (`\0virtual:live-lesson/library/<name>/<slug>`), else undefined. */
export function findLibraryOf(id: string | undefined): { name: string; slug: string } | undefined {
  if (!id?.startsWith(`\0${libraryPrefix}`)) return undefined;
  const match = /^([A-Za-z0-9_$]+)\/([^/]+)$/.exec(id.slice(libraryPrefix.length + 1));
  return match && isLessonSlug(match[2]!) ? { name: match[1]!, slug: match[2]! } : undefined;
}

function readPageSlug(source: string): string | undefined {
  if (!source.startsWith(pagePrefix)) return undefined;
  const slug = source.slice(pagePrefix.length);
  return isLessonSlug(slug) ? slug : undefined;
}
