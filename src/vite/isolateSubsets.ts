// Build only: a page's library subsets import copies of their own of every module they reach (ids
// marked `?live-lesson-subset=<slug>`), so the bundler tree-shakes Plot and d3 as one graph per
// page. Shared with the whole libraries (the editor's, the lazy `d3` builtin's), a d3 package was
// one chunk with every function any importer uses: the worked example loaded all of d3-geo and
// d3-scale-chromatic for the few members Plot's scales and projections reach.
import { readFileSync } from "node:fs";
import type { Rolldown } from "vite";
import { findLibraryBuiltins } from "../contract/builtins.ts";
import { stubPrefix } from "./virtualIds.ts";

const marker = "?live-lesson-subset=";

/** JavaScript files only: a stylesheet or JSON file keeps its one module, shared by every page. */
const isScript = (path: string) => /\.[cm]?js$/.test(path);

/**
 * The packages of library builtins without subsets (htl for `html` and `svg`): a page may load them
 * whole anyway, so a subset shares their modules instead of copying them (Inputs imports htl).
 */
const wholePackages = findLibraryBuiltins().flatMap(([, builtin]) => (builtin.subset ? [] : [`/node_modules/${builtin.package}/`]));
const isWholePackage = (path: string) => wholePackages.some((marker) => path.replaceAll("\\", "/").includes(marker));

/** The id of page `slug`'s own copy of the module at `path`. */
export function markSubsetModule(path: string, slug: string): string {
  return `${path}${marker}${slug}`;
}

/** The file and page of a module copied into a page's subset graph, else undefined. */
export function findSubsetModule(id: string | undefined): { path: string; slug: string } | undefined {
  const at = id?.lastIndexOf(marker) ?? -1;
  return id && at > 0 ? { path: id.slice(0, at), slug: id.slice(at + marker.length) } : undefined;
}

/**
 * Resolves `source`, imported from `importer` (a real path) by a module of page `slug`'s subset
 * graph, to that page's copy, or to the stub of a package the page leaves out (`leftOut`, bare
 * package names: findLibrarySubsets.ts's optionalPackages). The package's `sideEffects` still
 * applies: it is kept from the resolution of the real file.
 */
export async function resolveInSubset(
  ctx: Pick<Rolldown.PluginContext, "resolve">,
  source: string,
  importer: string,
  slug: string,
  leftOut: readonly string[] = [],
): Promise<Rolldown.PartialResolvedId | null> {
  if (leftOut.includes(source)) return { id: `\0${stubPrefix}${source}` };
  const resolved = await ctx.resolve(source, importer, { skipSelf: true });
  if (!resolved || resolved.external || resolved.id.startsWith("\0") || !isScript(resolved.id) || isWholePackage(resolved.id)) return resolved;
  return { ...resolved, id: markSubsetModule(resolved.id, slug) };
}

/** The source of a module copied into a page's subset graph (read from its file), else null. */
export function loadSubsetModule(id: string): { code: string; moduleType: "js" } | null {
  const found = findSubsetModule(id);
  return found ? { code: readFileSync(found.path, "utf8"), moduleType: "js" } : null;
}

/** The module that holds the id counters every copy of a library shares (resolved with a `\0`). */
export const sharedIdsId = "virtual:live-lesson/ids";

/**
 * The library modules that number the ids of the elements they make with a counter of their own
 * (Plot's `plot-clip-N`, `plot-pattern-N`, `plot-marker-N`; Inputs' `inputs-3a86ea-N`). SVG and
 * HTML ids are global to the document, and a page may run two copies of a library: its subset and
 * the whole one an edit or a left-out package loads. Counting from 1 each, the copies would give
 * two elements one id, and a chart's `clip-path="url(#plot-clip-2)"` could take another chart's
 * clipPath. So every copy counts with the one shared module. Each counter names the id prefix it
 * numbers: a built page's prerendered charts are in the document before any copy counts, with the
 * build's ids, so a page's first count of a prefix starts after the highest such id already there.
 */
const idCounters: readonly { file: string; counters: readonly { name: string; prefix: string }[] }[] = [
  {
    file: "/node_modules/@observablehq/plot/src/style.js",
    counters: [
      { name: "nextClipId", prefix: "plot-clip-" },
      { name: "nextPatternId", prefix: "plot-pattern-" },
    ],
  },
  { file: "/node_modules/@observablehq/plot/src/marker.js", counters: [{ name: "nextMarkerId", prefix: "plot-marker-" }] },
  { file: "/node_modules/@observablehq/inputs/dist/index.js", counters: [{ name: "nextId", prefix: "inputs-3a86ea-" }] },
];

/**
 * The shared counters' module: one count per library counter, as each copy counted alone, from
 * the highest number the document already has for the counter's prefix (the prerendered outputs').
 */
export const sharedIdsModule = `const counts = new Map();
function highestInDocument(prefix) {
  let highest = 0;
  if (typeof document === "undefined") return highest;
  for (const element of document.querySelectorAll(\`[id^="\${prefix}"]\`)) {
    const number = Number(element.id.slice(prefix.length));
    if (Number.isSafeInteger(number) && number > highest) highest = number;
  }
  return highest;
}
export function nextId(key, prefix) {
  const next = (counts.get(key) ?? highestInDocument(prefix)) + 1;
  counts.set(key, next);
  return next;
}
`;

/**
 * The source of the module at `id` (a file, or a page's copy of one) with its id counters taken
 * from the shared module, or null for a module without any. Lines stay where they were. Throws when
 * a listed module no longer has the counter it had (the library changed): the build must not quietly
 * bring the duplicate ids back.
 */
export function shareIdCounters(code: string, id: string): string | null {
  const path = (findSubsetModule(id)?.path ?? id).replaceAll("\\", "/");
  const found = idCounters.find(({ file }) => path.endsWith(file));
  if (!found) return null;
  let result = code;
  for (const { name, prefix } of found.counters) {
    const declaration = new RegExp(`\\blet ${name} = 0;`);
    const increment = `++${name}`;
    if (!declaration.test(result) || !result.includes(`${prefix}\${${increment}}`)) {
      throw new Error(`${path}: its id counter \`${name}\` is not where live-lesson expects it (\`let ${name} = 0;\`, \`${prefix}\${++${name}}\`): update idCounters in src/vite/isolateSubsets.ts for this version of the library`);
    }
    result = result.replace(declaration, "").replaceAll(increment, `__liveLessonNextId(${JSON.stringify(`${found.file}#${name}`)}, ${JSON.stringify(prefix)})`);
  }
  return `import { nextId as __liveLessonNextId } from ${JSON.stringify(sharedIdsId)}; ${result}`;
}
