// Library builtins served by a per-page subset (LessonModule.libraries), and the switch to the
// whole library when an in-page edit reads a member the subset lacks.

import type { Runtime } from "@observablehq/runtime";
import type { LibrarySubset } from "./types.ts";

/** The builtins with each library that has a subset loading that subset instead. */
export function applySubsets(builtins: Record<string, () => unknown>, libraries: Record<string, LibrarySubset> = {}): Record<string, () => unknown> {
  const result = { ...builtins };
  for (const [name, subset] of Object.entries(libraries)) if (name in builtins) result[name] = subset.load;
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
