// Build only (dev serves whole, pre-bundled libraries): which library builtins each page loads as
// a subset, and the source of each subset module (findLibrarySubsets.ts has the rules).
import { readFileSync } from "node:fs";
import type { Rolldown } from "vite";
import type { Site } from "../site/createSite.ts";
import { findLeftOutPackages, findLibrarySubset, optionalPackages, renderReexportModule, renderStubModule, renderTrimmedEntry, subsetLibraries } from "./findLibrarySubsets.ts";
import { packageImporter } from "./packageFiles.ts";
import { findLibraryOf, findStubOf, libraryPrefix } from "./virtualIds.ts";

/** A page's subsets: the virtual module id of each and its members, by builtin name. */
export type PageSubsets = Record<string, { id: string; members: string[] }>;

/** The subsets of a site's pages. */
export interface LibrarySubsets {
  /** The library builtins the page `slug` loads as a subset. */
  find(slug: string): Promise<PageSubsets>;
  /** The source of the subset module `id` (resolved, `\0virtual:live-lesson/library/<name>/<slug>`), or null. */
  load(ctx: Pick<Rolldown.PluginContext, "resolve">, id: string): Promise<string | null>;
  /** The optional packages the subsets of page `slug` leave out (findLeftOutPackages). */
  leftOut(slug: string): string[];
  /** The source of the stub module `id` (resolved, `\0virtual:live-lesson/stub/<package>`), or null. */
  loadStub(id: string): Promise<string | null>;
}

/** The library subsets of `site`'s pages; each package's export names are read once. */
export function createLibrarySubsets(site: Site): LibrarySubsets {
  const exportNames = new Map<string, Promise<Set<string>>>();
  const readExports = (packageName: string) => {
    if (!exportNames.has(packageName)) exportNames.set(packageName, import(packageName).then((m: object) => new Set(Object.keys(m))));
    return exportNames.get(packageName)!;
  };
  const subsets: LibrarySubsets = {
    async find(slug) {
      const { lesson } = site.compile(site.pathOf(slug));
      const found: PageSubsets = {};
      for (const [name, { package: packageName }] of Object.entries(subsetLibraries)) {
        const members = findLibrarySubset(lesson, name, await readExports(packageName));
        if (members) found[name] = { id: `${libraryPrefix}${name}/${slug}`, members };
      }
      return found;
    },
    async load(ctx, id) {
      const found = findLibraryOf(id);
      if (!found) return null;
      const subset = (await subsets.find(found.slug))[found.name];
      if (!subset) return null;
      const library = subsetLibraries[found.name]!;
      if (!library.trimEntry) return renderReexportModule(library.package, subset.members);
      const entry = await ctx.resolve(library.package, packageImporter, { skipSelf: true });
      if (!entry || entry.external) return null;
      return renderTrimmedEntry(entry.id, readFileSync(entry.id, "utf8"), subset.members);
    },
    leftOut: (slug) => findLeftOutPackages(site.compile(site.pathOf(slug)).lesson),
    async loadStub(id) {
      const optional = optionalPackages.find((candidate) => candidate.package === findStubOf(id));
      return optional ? renderStubModule(optional.package, [...(await readExports(optional.package))], optional) : null;
    },
  };
  return subsets;
}
