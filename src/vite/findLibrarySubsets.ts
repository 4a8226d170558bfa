// Per-page subsets of library builtins: a lesson whose cells read only `Plot.plot`, `Plot.line`
// and `Plot.dot` loads a module exporting those three, so the bundler leaves the rest of Plot
// (and the d3 it needs) out of the page. The in-page editor loads the whole library on demand.

import { dirname, resolve } from "node:path";
import { Parser, type Identifier, type Literal } from "acorn";
import { color } from "d3-color";
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
 * (`needs`, given each cell's source). A missed need (a computed option name) is no error: the
 * stub's throw makes the page load the whole libraries and run the cell again.
 */
export interface OptionalPackage {
  package: string;
  needs(source: string): boolean;
  /**
   * True when the libraries call the package's functions as they load (Plot's projections module
   * calls d3-geo's `geoTransform`): the stub's exports may then be called, and what a call returns
   * throws when used. Otherwise every use of an export throws, reading one too (Plot indexes
   * d3-scale-chromatic's schemes, which are arrays).
   */
  calledOnLoad: boolean;
}

/** The packages a page's subsets may leave out (see {@link OptionalPackage}). */
export const optionalPackages: readonly OptionalPackage[] = [
  // Plot imports d3-geo for every chart (its scales and `plot` reach projections and `geoPath`),
  // but calls it only for a projection, a geo, contour or density mark, or `clip: "sphere"`:
  // 9.6 KiB gzip of the worked example's Plot.
  { package: "d3-geo", needs: (source) => /projection|sphere|geo|graticule|contour|density|centroid/i.test(source), calledOnLoad: true },
  // Plot's color schemes hold every d3-scale-chromatic scheme, read only for a color scale: 7.8 KiB
  // gzip of the worked example's Plot, whose charts draw in constant colors.
  { package: "d3-scale-chromatic", needs: needsColorScale, calledOnLoad: false },
];

/**
 * True when `source` may make Plot draw with a color scale, or read d3's schemes and interpolators
 * itself: it names color, a scheme, an interpolator or a legend; has a mark that colors by its
 * values unless told otherwise (cellX, cellY, raster, contour, density); or gives a fill or stroke
 * anything but a literal color (Plot's rule: a string that is no color is a field name, so a
 * channel). Plot's strokeWidth or fillOpacity are other options and say nothing.
 */
export function needsColorScale(source: string): boolean {
  if (/\bcolor\b|scheme|interpolat|legend|\bcell[XY]\b|raster|contour|density/i.test(source)) return true;
  for (const option of source.matchAll(/\b(?:fill|stroke)\b/g)) {
    const literal = /^\s*:\s*(["'`])([^"'`$\\]*)\1/.exec(source.slice(option.index + option[0].length));
    if (!literal || !isConstantColor(literal[2]!)) return true;
  }
  return false;
}

/** A color Plot takes as a constant: one CSS can parse (d3-color's reading), or one of CSS's keywords for none and the text's color. */
function isConstantColor(value: string): boolean {
  return /^\s*(none|currentcolor|transparent)\s*$/i.test(value) || color(value) !== null;
}

/** The optional packages the lesson's running cells show no need of: its subsets get stubs of them. */
export function findLeftOutPackages(lesson: Lesson): string[] {
  const code = lesson.cells.filter((cell) => cell.options.run).map((cell) => cell.source);
  return optionalPackages.filter(({ needs }) => !code.some((source) => needs(source))).map((optional) => optional.package);
}

/**
 * The source of a stub of `packageName`: each of its export names is a value whose every use throws
 * a MissingLibraryPart error; with `calledOnLoad`, a function whose calls return such a value (Plot's
 * projections module calls `geoTransform` as it loads, and uses the result only for a projection).
 */
export function renderStubModule(packageName: string, exportNames: readonly string[], { calledOnLoad = true } = {}): string {
  const message = `This cell needs ${packageName}, which this page left out of its libraries; loading them whole.`;
  const names = exportNames.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const traps = ["get", "set", "has", "apply", "construct", "ownKeys", "getPrototypeOf", "defineProperty", "deleteProperty", "getOwnPropertyDescriptor"];
  return `const fail = () => { const error = new Error(${JSON.stringify(message)}); error.name = ${JSON.stringify(MISSING_PART_NAME)}; throw error; };
const left = new Proxy(function () {}, {${traps.map((trap) => `${trap}: fail`).join(", ")}});
${calledOnLoad ? "const missing = () => left;\n" : ""}export {${names.map((name) => `${calledOnLoad ? "missing" : "left"} as ${name}`).join(", ")}};
`;
}
