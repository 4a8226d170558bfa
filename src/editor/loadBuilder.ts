// The edit builder (the compiler's cell analysis, with acorn) loads once, on the first run.

let builder: Promise<typeof import("./build.ts")> | undefined;

/** Loads the edit builder module (once per page). */
export function loadBuilder(): Promise<typeof import("./build.ts")> {
  return (builder ??= import("./build.ts"));
}
