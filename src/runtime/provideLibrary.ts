// Library builtins served by a per-page subset (LessonModule.libraries), and the switch to the
// whole library when an in-page edit reads a member the subset lacks, or a cell reaches a package
// the page left out.

import type { Runtime } from "@observablehq/runtime";
import { isMissingLibraryPart } from "../contract/libraryPart.ts";
import type { LibrarySubset } from "./types.ts";

/**
 * The builtins with each library that has a subset loading that subset instead; a subset that
 * fails as it loads on a package the page left out (contract/libraryPart.ts) loads the whole library.
 */
export function applySubsets(builtins: Record<string, () => unknown>, libraries: Record<string, LibrarySubset> = {}): Record<string, () => unknown> {
  const result = { ...builtins };
  for (const [name, subset] of Object.entries(libraries)) {
    const whole = builtins[name];
    if (whole) result[name] = () => subset.load().catch((error: unknown) => (isMissingLibraryPart(error) ? whole() : Promise.reject(error)));
  }
  return result;
}

/** The state of one page's library builtins: which subsets are still in use. */
export interface LibraryState {
  runtime: Runtime;
  /** The whole-library definitions (createBuiltins). */
  builtins: Record<string, () => unknown>;
  /** The subsets the page still uses; a library leaves once it is replaced by the whole one. */
  subsets: Map<string, LibrarySubset>;
}

/** Replaces the subset of `name` by the whole library when it lacks one of `members` (null: any). */
export async function provideLibrary(state: LibraryState, name: string, members: readonly string[] | null): Promise<void> {
  const subset = state.subsets.get(name);
  const whole = state.builtins[name];
  if (!subset || !whole) return;
  if (members && members.every((member) => subset.members.includes(member))) return;
  state.subsets.delete(name);
  // Loaded before the redefinition, so cells that read it go pending once, not for the download.
  const library = await whole();
  state.runtime._builtin.redefine(name, [], () => library);
}

/** Replaces every subset the page still uses by its whole library; false when none was left. */
export async function provideWholeLibraries(state: LibraryState): Promise<boolean> {
  const names = [...state.subsets.keys()];
  await Promise.all(names.map((name) => provideLibrary(state, name, null)));
  return names.length > 0;
}
