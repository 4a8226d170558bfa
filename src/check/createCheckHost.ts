// An in-memory CompilerHost for lesson programs: serves each lesson's virtual module and shares the
// parsed lib and node_modules files across lessons (parsing lib.dom.d.ts is most of a cold check).
import { statSync } from "node:fs";
import ts from "typescript";

interface Cached {
  file: ts.SourceFile;
  /** mtime of a project file (re-read when it changes); undefined for lib and node_modules files. */
  mtime?: number;
}

const sourceFiles = new Map<string, Cached>();
const existing = new Map<string, boolean>();
/** The files read (or served from the cache) while trackReads runs. */
let reads: Set<string> | undefined;

/** Runs `work` and lists every file a check host gave it (parsed, cached or read), for a cache of its answer to depend on. */
export function trackReads<T>(work: () => T): { result: T; read: string[] } {
  const outer = reads;
  reads = new Set();
  try {
    const result = work();
    return { result, read: [...reads] };
  } finally {
    reads = outer;
  }
}

/** True for files that do not change while a process runs: TypeScript's libs and packages. */
function isStable(fileName: string): boolean {
  return fileName.includes("/node_modules/");
}

function mtimeOf(fileName: string): number | undefined {
  try {
    return statSync(fileName).mtimeMs;
  } catch {
    return undefined;
  }
}

/** A host serving `virtual` (name → text) from memory and every other file from disk, cached. */
export function createCheckHost(options: ts.CompilerOptions, virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const base = ts.createCompilerHost(options, false);
  return {
    ...base,
    fileExists(fileName) {
      if (virtual.has(fileName)) return true;
      if (!isStable(fileName)) return ts.sys.fileExists(fileName);
      let found = existing.get(fileName);
      if (found === undefined) existing.set(fileName, (found = ts.sys.fileExists(fileName)));
      return found;
    },
    readFile(fileName) {
      const text = virtual.get(fileName);
      if (text !== undefined) return text;
      reads?.add(fileName);
      return ts.sys.readFile(fileName);
    },
    getSourceFile(fileName, languageVersion, onError) {
      const text = virtual.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true, ts.ScriptKind.TS);
      reads?.add(fileName);
      const stable = isStable(fileName);
      const mtime = stable ? undefined : mtimeOf(fileName);
      const cached = sourceFiles.get(fileName);
      if (cached && (stable || cached.mtime === mtime)) return cached.file;
      const file = base.getSourceFile(fileName, languageVersion, onError);
      if (file) sourceFiles.set(fileName, { file, mtime });
      return file;
    },
    writeFile() {
      // Never called: the checker does not emit.
    },
  };
}
