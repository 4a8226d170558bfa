// Where a lesson's imports come from in Node: as the Vite plugin resolves them (src/vite/plugin.ts,
// resolveFromLesson.ts), `live-lesson/…` is always this package's own entry, and any other module
// resolves from the lesson's folder first, then, for a bare name, from this package.
import { resolve as resolveModule } from "import-meta-resolve";
import { pathToFileURL } from "node:url";
import { packageRoot } from "./packageRoot.ts";

/** A specifier's file URL, or the reason it does not resolve (the page's loader rejects with it). */
export type ResolvedImport = { url: string } | { error: string };

const packageURL = pathToFileURL(`${packageRoot}/package.json`).href;

/** Resolves each of `specifiers` as imported by the lesson at `lessonPath` (absolute). */
export function resolveImports(specifiers: readonly string[], lessonPath: string): Record<string, ResolvedImport> {
  const lessonURL = pathToFileURL(lessonPath).href;
  return Object.fromEntries(specifiers.map((specifier) => [specifier, resolveImport(specifier, lessonURL)]));
}

function resolveImport(specifier: string, lessonURL: string): ResolvedImport {
  const bare = !/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
  const own = specifier === "live-lesson" || specifier.startsWith("live-lesson/");
  const parents = own ? [packageURL] : bare ? [lessonURL, packageURL] : [lessonURL];
  for (const parent of parents) {
    try {
      return { url: resolveModule(specifier, parent) };
    } catch {
      // Not from here: try the next place.
    }
  }
  // The page's wording (src/vite/loadPageModule.ts), so a check reads the same in both.
  return { error: `Cannot find module "${specifier}" (is it installed?)` };
}
