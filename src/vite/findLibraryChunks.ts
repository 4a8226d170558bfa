// The built chunks of the libraries a lesson's cells use, for `<link rel="modulepreload">`.

import type { Lesson } from "../compile/index.ts";
import { findLibraryBuiltins } from "../contract/builtins.ts";
import { findSubsetModule } from "./isolateSubsets.ts";

/** The package behind each library builtin, from the registry. */
const builtinPackages = new Map(findLibraryBuiltins().map(([name, builtin]) => [name as string, builtin.package]));

/** A chunk of the output bundle, as much of it as this file reads. */
interface ChunkInfo {
  type: string;
  fileName: string;
  moduleIds?: string[];
  /** The module a chunk stands for; a re-export facade (see findLibraryChunks) holds no module of its own. */
  facadeModuleId?: string | null;
  imports?: string[];
}

/** The packages of the library builtins that the lesson's running cells read. */
export function findUsedLibraries(lesson: Lesson): string[] {
  const used = new Set<string>();
  for (const cell of lesson.cells) {
    if (!cell.options.run) continue;
    for (const name of cell.inputs) {
      const packageName = builtinPackages.get(name);
      if (packageName) used.add(packageName);
    }
  }
  return [...used];
}

/**
 * The chunk files holding `packages` (package names, or virtual module ids starting with `\0`) and every chunk they import statically, so the page can
 * fetch them while it starts instead of when the runtime first asks (a request waterfall). The
 * libraries still run only when a cell needs them: a modulepreload fetches and compiles, no more.
 * A package that another chunk also imports statically (htl, read by Inputs) is bundled there, and
 * the runtime's `import("htl")` gets a facade chunk of one re-export line that holds no module: it
 * is found by the module it stands for, or the page fetched it only when a cell first read `html`.
 */
export function findLibraryChunks(bundle: Record<string, ChunkInfo>, packages: string[]): string[] {
  const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const found = new Set<string>();
  const add = (chunk: ChunkInfo) => {
    if (found.has(chunk.fileName)) return;
    found.add(chunk.fileName);
    for (const file of chunk.imports ?? []) {
      const imported = byFile.get(file);
      if (imported) add(imported);
    }
  };
  for (const name of packages) {
    // A virtual module id (`\0…`, a library subset) names one module; a package, any of its files
    // but the copies in other pages' subsets (isolateSubsets.ts).
    const marker = `/node_modules/${name}/`;
    const isHolding = name.startsWith("\0") ? (id: string) => id === name : (id: string) => id.replaceAll("\\", "/").includes(marker) && !findSubsetModule(id);
    for (const chunk of chunks) {
      if (chunk.moduleIds?.some(isHolding) || (chunk.facadeModuleId && isHolding(chunk.facadeModuleId))) add(chunk);
    }
  }
  return [...found];
}
