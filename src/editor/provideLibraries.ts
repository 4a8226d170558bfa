// An edit may read members a page's library subset lacks (LessonModule.libraries).

import type { LessonHandle } from "../runtime/types.ts";

/** Loads the whole of each library whose page subset lacks a member the edit reads. */
export async function provideLibraries(handle: LessonHandle, libraries: Record<string, string[] | null>): Promise<void> {
  await Promise.all(Object.entries(libraries).map(([name, members]) => handle.provideLibrary(name, members)));
}
