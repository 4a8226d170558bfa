// Maps an error thrown by a cell's body to its line in the .md file, using V8's call sites
// (Chromium; elsewhere errors keep the cell's own line). The compiler lays out each body with
// the cell's code from the function's second line on (see compile/cell/transpileCell.ts), so line n
// of the body function is line `cell.line + n - 2` of the lesson.

/** The parts of a V8 CallSite we read. */
export interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getEnclosingLineNumber?(): number | null;
  getEnclosingColumnNumber?(): number | null;
  isNative?(): boolean;
  /** A hash of the script's source (recent V8): tells apart `new Function` code, which has no file name. */
  getScriptHash?(): string;
}

type V8ErrorConstructor = ErrorConstructor & { prepareStackTrace?: (error: Error, sites: CallSite[]) => unknown };

// Sites are only offered once, when V8 first formats the stack: remember them.
const cache = new WeakMap<Error, CallSite[] | undefined>();

/** The call sites of `error`, or undefined when the engine has none or its stack was read before. */
export function readCallSites(error: unknown): CallSite[] | undefined {
  if (!(error instanceof Error)) return undefined;
  if (cache.has(error)) return cache.get(error);
  const V8Error = Error as V8ErrorConstructor;
  const previous = V8Error.prepareStackTrace;
  let sites: CallSite[] | undefined;
  // V8 formats `stack` on first read, through prepareStackTrace when one is set.
  V8Error.prepareStackTrace = (e, callSites) => {
    sites = callSites;
    return previous ? previous(e, callSites) : `${e}${callSites.map((site) => `\n    at ${site}`).join("")}`;
  };
  try {
    void error.stack;
  } catch {
    // A hostile `stack` getter: no sites.
  } finally {
    V8Error.prepareStackTrace = previous;
  }
  cache.set(error, sites);
  return sites;
}

/** True when two call sites run in the same script (the file, or for `new Function` code the source's hash). */
export function isSameScript(a: CallSite, b: CallSite): boolean {
  const hash = a.getScriptHash?.();
  if (hash) return hash === b.getScriptHash?.();
  const file = a.getFileName();
  return Boolean(file) && file === b.getFileName();
}

/** The 1-based line of `site` within the function it runs in. */
export function lineInFunction(site: CallSite | undefined): number | undefined {
  const line = site?.getLineNumber();
  const start = site?.getEnclosingLineNumber?.();
  return line && start ? line - start + 1 : undefined;
}

/** True when two call sites run in the same function (same file and start position). */
export function isSameFunction(a: CallSite, b: CallSite): boolean {
  return (
    a.getFileName() === b.getFileName() &&
    a.getEnclosingLineNumber?.() === b.getEnclosingLineNumber?.() &&
    a.getEnclosingColumnNumber?.() === b.getEnclosingColumnNumber?.()
  );
}

/**
 * The line within the body of an error the body threw synchronously, given the error's `sites`
 * and `caller`, the frame of the function that called the body (the one below it).
 */
export function findSyncBodyLine(sites: CallSite[] | undefined, caller: CallSite | undefined): number | undefined {
  if (!sites || !caller) return undefined;
  const index = sites.findIndex((site) => isSameFunction(site, caller));
  return index > 0 ? lineInFunction(sites[index - 1]) : undefined;
}

/**
 * The line within the body of an error an async body threw after an await: the body's frame is
 * the last one (the runtime consumes its promise with `then`, so no awaiting caller follows),
 * engine frames aside (Node runs microtasks from its own task-queue function).
 */
export function findAsyncBodyLine(sites: CallSite[] | undefined): number | undefined {
  const own = sites?.filter((site) => !site.isNative?.() && !site.getFileName()?.startsWith("node:"));
  return own?.length ? lineInFunction(own[own.length - 1]) : undefined;
}

/** The call site of the function that calls readOwnSite. */
export function readOwnSite(): CallSite | undefined {
  return readCallSites(new Error())?.[1];
}

/** The .md line of body line `n`, or undefined when it falls outside the cell (minified code). */
export function mapBodyLine(n: number | undefined, cellLine: number, source: string): number | undefined {
  if (n === undefined) return undefined;
  const line = cellLine + n - 2;
  const last = cellLine + source.split("\n").length - 1;
  return line >= cellLine && line <= last ? line : undefined;
}
