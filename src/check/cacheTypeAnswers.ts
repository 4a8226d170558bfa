// The build's type checker's answers (a lesson's type errors, the page checker's files) kept under
// node_modules/.cache/live-lesson/types between builds: most builds check lessons whose cells and
// declarations have not changed, and each answer costs a worker TypeScript (seconds: loading it,
// parsing lib.dom.d.ts and the packages' declarations, checking). An answer is reused only for the
// same question (the job the worker would get, hashed) asked of the same checking code, while
// every file it read is unchanged (modified time and size) and no folder where TypeScript could
// have found another file has changed: the lesson's folder and the folders of the files read
// (modified time: a file added or removed there), and the node_modules and node_modules/@types
// folders of the lesson's and the package's folders and their ancestors (modified time, or still
// absent: a package installed). An answer saying a module cannot be found is not kept (the module
// may be written anywhere next). Anything else, or a cache that cannot be read or written, is a
// miss: the worker answers as without a cache.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { codeRoot, packageRoot } from "./packageRoot.ts";

const cacheDir = join(packageRoot, "node_modules/.cache/live-lesson/types");

/** One kept answer: the question's hash, and what the answer depended on. */
interface Entry {
  question: string;
  code: string;
  files: Array<[path: string, mtimeMs: number, size: number]>;
  /** Folders and their modified times, null for one that did not exist. */
  folders: Array<[path: string, mtimeMs: number | null]>;
  answer: unknown;
}

/** The kept answer to `question` (a job for the worker), asked about the lesson or lessons folder `place`; undefined on a miss. */
export function readCachedAnswer<T>(place: string, question: unknown): T | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryFile(place), "utf8")) as Entry;
    if (entry.question !== hash(question) || entry.code !== codeVersion()) return undefined;
    if (!entry.files.every(([path, mtimeMs, size]) => sameFile(path, mtimeMs, size))) return undefined;
    if (!entry.folders.every(([path, mtimeMs]) => (mtimeOf(path) ?? null) === mtimeMs)) return undefined;
    return entry.answer as T;
  } catch {
    return undefined;
  }
}

/** True when an answer about `place` is kept, whether or not it still holds (a build of this folder ran before). */
export function hasCachedAnswer(place: string): boolean {
  return existsSync(entryFile(place));
}

/**
 * Keeps `answer` to `question` about `place`, given the files the worker read to answer it. One
 * entry per place (a newer answer replaces it), so the cache grows with the lessons, not the builds.
 */
export function writeCachedAnswer(place: string, question: unknown, answer: unknown, read: readonly string[]): void {
  if (JSON.stringify(answer).includes("Cannot find module")) return;
  try {
    const files = read.map((path): Entry["files"][number] => {
      const stat = statSync(path);
      return [path, stat.mtimeMs, stat.size];
    });
    const folders = [...new Set([dirname(place), ...read.map((path) => dirname(path)), ...packageFoldersOf(dirname(place)), ...packageFoldersOf(packageRoot)])].map(
      (path): Entry["folders"][number] => [path, mtimeOf(path) ?? null],
    );
    const entry: Entry = { question: hash(question), code: codeVersion(), files, folders, answer };
    const file = entryFile(place);
    mkdirSync(cacheDir, { recursive: true });
    // Written aside, then renamed: a build reading it meanwhile sees the old entry or the new one.
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify(entry));
    renameSync(aside, file);
  } catch {
    // A read-only install (or a file gone meanwhile) asks the worker again next time.
  }
}

/** The node_modules and node_modules/@types folders of `folder` and of every folder above it: where a bare import resolves. */
function packageFoldersOf(folder: string): string[] {
  const folders: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    folders.push(join(at, "node_modules"), join(at, "node_modules/@types"));
    if (dirname(at) === at) return folders;
  }
}

let code: string | undefined;

/** The checking code's version: this package's, and the modified times of its check and typecheck modules and builtins' declarations. */
function codeVersion(): string {
  if (code !== undefined) return code;
  const parts = [readFileSync(join(packageRoot, "package.json"), "utf8")];
  for (const folder of ["check", "typecheck", "types", "contract"]) {
    const dir = join(codeRoot, folder);
    if (mtimeOf(dir) === undefined) continue;
    for (const name of readdirSync(dir).sort()) parts.push(`${name}:${mtimeOf(join(dir, name))}`);
  }
  return (code = hash(parts));
}

function entryFile(place: string): string {
  return join(cacheDir, `${hash(place).slice(0, 32)}.json`);
}

function hash(value: unknown): string {
  return createHash("sha256").update(typeof value === "string" ? value : JSON.stringify(value)).digest("hex");
}

function sameFile(path: string, mtimeMs: number, size: number): boolean {
  try {
    const stat = statSync(path);
    return stat.mtimeMs === mtimeMs && stat.size === size;
  } catch {
    return false;
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
