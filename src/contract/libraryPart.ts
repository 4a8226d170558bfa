// A built page's library subset may leave out a package its cells never reach (d3-geo, for a page
// without projections): a stub stands in, whose every export throws this error. The build writes
// the stub (src/vite/findLibrarySubsets.ts); the page, seeing the error, loads the whole libraries
// and runs the cell again (src/runtime/). Neither imports the other.

/** The `name` of the error a left-out package's stub throws. */
export const MISSING_PART_NAME = "MissingLibraryPart";

/** True when `error` comes from a left-out package's stub. */
export function isMissingLibraryPart(error: unknown): boolean {
  return error instanceof Error && error.name === MISSING_PART_NAME;
}
