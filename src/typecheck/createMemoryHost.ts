// A TypeScript language service host over files in memory, all fixed but one: the lesson's module,
// which changes at every keystroke. Each new text of it says which span changed since the text
// TypeScript last parsed, so TypeScript reparses only that span (a snapshot without a change range
// is parsed whole: ~50 kB of lesson at every keystroke, more than the check itself).
import ts from "typescript";

/** The host, and how its one changing file changes. */
export interface MemoryHost {
  host: ts.LanguageServiceHost;
  /** Replaces the text of the changing file. */
  setText(text: string): void;
  /** Replaces the text of one of the fixed files (TypeScript parses that file again, and only it). */
  setFile(path: string, text: string): void;
}

/** A host over `files` (text by absolute path) and `changing`, whose text starts as `text`; `roots` are the program's root files. */
export function createMemoryHost(files: ReadonlyMap<string, string>, changing: string, text: string, roots: readonly string[], options: ts.CompilerOptions): MemoryHost {
  const directories = new Set<string>();
  for (const path of [...files.keys(), changing]) {
    for (let at = path.lastIndexOf("/"); at > 0; at = path.lastIndexOf("/", at - 1)) directories.add(path.slice(0, at));
  }
  directories.add("/");
  const fixed = new Map<string, ts.IScriptSnapshot>();
  // Fixed files whose text was replaced (setFile), and how many times: their script version.
  const replaced = new Map<string, { text: string; version: number }>();
  let current = new TextSnapshot(text);
  let version = 0;
  let projectVersion = 0;
  const textOf = (path: string) => replaced.get(path)?.text ?? files.get(path);
  const names = [changing, ...roots.filter((root) => root !== changing)];
  // Kept across programs: without it, each keystroke's program resolves the lesson's imports and
  // reads every package.json above a declaration file again (to know the file's module format).
  const cache = ts.createModuleResolutionCache("/", (path) => path, options);

  const host: HostWithCache = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => names,
    getProjectVersion: () => String(projectVersion),
    getScriptVersion: (path) => (path === changing ? String(version) : String(replaced.get(path)?.version ?? 0)),
    getScriptSnapshot(path) {
      if (path === changing) return current;
      let snapshot = fixed.get(path);
      const file = textOf(path);
      if (!snapshot && file !== undefined) fixed.set(path, (snapshot = ts.ScriptSnapshot.fromString(file)));
      return snapshot;
    },
    getCurrentDirectory: () => "/",
    getDefaultLibFileName: (settings) => `/${ts.getDefaultLibFileName(settings)}`,
    useCaseSensitiveFileNames: () => true,
    fileExists: (path) => path === changing || files.has(path),
    readFile: (path) => (path === changing ? current.text : textOf(path)),
    directoryExists: (path) => directories.has(path.replace(/\/$/, "") || "/"),
    getDirectories: (path) => {
      const prefix = path.endsWith("/") ? path : `${path}/`;
      return [...directories].filter((dir) => dir.startsWith(prefix) && !dir.slice(prefix.length).includes("/")).map((dir) => dir.slice(prefix.length));
    },
    getModuleResolutionCache: () => cache,
    resolveModuleNameLiterals: (literals, containingFile, redirected, settings, containingSource) =>
      literals.map((literal) =>
        ts.resolveModuleName(literal.text, containingFile, settings, host, cache, redirected, ts.getModeForUsageLocation(containingSource, literal, settings)),
      ),
  };
  return {
    host,
    setText(next) {
      if (next === current.text) return;
      current = new TextSnapshot(next);
      version++;
      projectVersion++;
    },
    setFile(path, next) {
      if (!files.has(path)) throw new Error(`${path} is not one of the host's files`);
      if (next === textOf(path)) return;
      replaced.set(path, { text: next, version: (replaced.get(path)?.version ?? 0) + 1 });
      fixed.delete(path);
      projectVersion++;
    },
  };
}

/**
 * The host's cache of module resolutions (and of package.json files), which the language service
 * reads when the host resolves modules itself; TypeScript's public typings leave it out.
 */
type HostWithCache = ts.LanguageServiceHost & { getModuleResolutionCache(): ts.ModuleResolutionCache };

/** A text that knows how it differs from an earlier one: the span between their common prefix and suffix. */
class TextSnapshot implements ts.IScriptSnapshot {
  constructor(readonly text: string) {}

  getText(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  getLength(): number {
    return this.text.length;
  }

  getChangeRange(old: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (!(old instanceof TextSnapshot)) return undefined;
    const before = old.text;
    const after = this.text;
    let start = 0;
    const shortest = Math.min(before.length, after.length);
    while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
      endBefore--;
      endAfter--;
    }
    return ts.createTextChangeRange(ts.createTextSpan(start, endBefore - start), endAfter - start);
  }
}
