// Per-page subsets of library builtins: a lesson whose cells read only `Plot.plot`, `Plot.line`
// and `Plot.dot` loads a module exporting those three, so the bundler leaves the rest of Plot
// (and the d3 it needs) out of the page. The in-page editor loads the whole library on demand.

import { dirname, resolve } from "node:path";
import { Parser, type Identifier, type Literal } from "acorn";
import { normalizePath } from "vite";
import { findMemberUses, type Lesson } from "../compile/index.ts";
import { findLibraryBuiltins } from "../contract/builtins.ts";
import { MISSING_PART_NAME } from "../contract/libraryPart.ts";

/** A library builtin a page may load as a subset. */
export interface SubsetLibrary {
  package: string;
  /**
   * True when the package's entry has side effects, so that re-exporting from it would keep every
   * module it imports: the subset module is then a trimmed copy of the entry (renderTrimmedEntry).
   * A side-effect-free entry (d3's) is re-exported from directly; the bundler drops the rest.
   */
  trimEntry: boolean;
}

/** The library builtins a page may load as a subset (those the registry marks `subset`), by builtin name. */
export const subsetLibraries: Record<string, SubsetLibrary> = Object.fromEntries(
  findLibraryBuiltins().flatMap(([name, builtin]) => (builtin.subset ? [[name, { package: builtin.package, trimEntry: builtin.subset.trimEntry }]] : [])),
);

/**
 * The members of the builtin `name` that the lesson's running cells read and `exported` (the
 * package's export names) holds, sorted; undefined when the page needs all of it (a dynamic use)
 * or none. Members the package lacks are left out: they read as undefined either way.
 */
export function findLibrarySubset(lesson: Lesson, name: string, exported: ReadonlySet<string>): string[] | undefined {
  const members = findMemberUses(lesson.cells.filter((cell) => cell.options.run), name);
  const found = members?.filter((member) => exported.has(member));
  return found && found.length > 0 ? found : undefined;
}

/** The source of a subset module that re-exports `members` from `packageName`'s entry. */
export function renderReexportModule(packageName: string, members: readonly string[]): string {
  return `export {${members.join(", ")}} from ${JSON.stringify(packageName)};\n`;
}

/**
 * The source of a subset module: the package's entry (`entrySource`, read from `entryPath`) with
 * only the re-exports of `members` and every other statement kept (Plot's entry patches
 * `Mark.prototype.plot`). Importing from the entry itself would not do: an entry with side effects
 * keeps every module it imports, so the bundler could not leave the unused ones out.
 */
export function renderTrimmedEntry(entryPath: string, entrySource: string, members: readonly string[]): string {
  const wanted = new Set(members);
  const program = Parser.parse(entrySource, { ecmaVersion: "latest", sourceType: "module" });
  const absolute = (source: string) => JSON.stringify(normalizePath(resolve(dirname(entryPath), source)));
  const parts: string[] = [];
  for (const node of program.body) {
    if (node.type === "ExportNamedDeclaration" && node.source) {
      const kept = node.specifiers.filter((s) => wanted.has(nameOf(s.exported)));
      if (kept.length === 0) continue;
      const list = kept.map((s) => (nameOf(s.local) === nameOf(s.exported) ? nameOf(s.local) : `${nameOf(s.local)} as ${nameOf(s.exported)}`));
      parts.push(`export {${list.join(", ")}} from ${absolute(String(node.source.value))};`);
    } else if ((node.type === "ImportDeclaration" || node.type === "ExportAllDeclaration") && typeof node.source.value === "string") {
      const { source } = node;
      parts.push(entrySource.slice(node.start, source.start) + absolute(String(source.value)) + entrySource.slice(source.end, node.end));
    } else {
      parts.push(entrySource.slice(node.start, node.end));
    }
  }
  return `${parts.join("\n")}\n`;
}

function nameOf(node: Identifier | Literal): string {
  return node.type === "Identifier" ? node.name : String(node.value);
}

/**
 * A package a page's subsets may leave out unless its running cells' code says they need it
 * (`needs`). Plot imports d3-geo for every chart (its scales and `plot` reach projections and
 * `geoPath`), but calls it only for a projection, a geo, contour or density mark, or `clip:
 * "sphere"`: 9.6 KiB gzip of the worked example's Plot. A missed need (a computed option name) is
 * no error: the stub's throw makes the page load the whole libraries and run the cell again.
 */
export interface OptionalPackage {
  package: string;
  needs: RegExp;
}

/** The packages a page's subsets may leave out (see {@link OptionalPackage}). */
export const optionalPackages: readonly OptionalPackage[] = [
  { package: "d3-geo", needs: /projection|sphere|geo|graticule|contour|density|centroid/i },
];

/** The optional packages the lesson's running cells show no need of: its subsets get stubs of them. */
export function findLeftOutPackages(lesson: Lesson): string[] {
  const code = lesson.cells.filter((cell) => cell.options.run).map((cell) => cell.source);
  return optionalPackages.filter(({ needs }) => !code.some((source) => needs.test(source))).map((optional) => optional.package);
}

/**
 * The source of a stub of `packageName`: each of its export names (all functions) returns a value
 * whose every use throws a MissingLibraryPart error. Calling is no use yet: Plot's projections
 * module calls `geoTransform` as it loads, and uses the result only for a projection.
 */
export function renderStubModule(packageName: string, exportNames: readonly string[]): string {
  const message = `This cell needs ${packageName}, which this page left out of its libraries; loading them whole.`;
  const names = exportNames.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const traps = ["get", "set", "has", "apply", "construct", "ownKeys", "getPrototypeOf", "defineProperty", "deleteProperty", "getOwnPropertyDescriptor"];
  return `const fail = () => { const error = new Error(${JSON.stringify(message)}); error.name = ${JSON.stringify(MISSING_PART_NAME)}; throw error; };
const left = new Proxy(function () {}, {${traps.map((trap) => `${trap}: fail`).join(", ")}});
const missing = () => left;
export {${names.map((name) => `missing as ${name}`).join(", ")}};
`;
}
