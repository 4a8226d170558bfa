// The files the page's checker needs, read once in Node: every declaration file `lesson check`
// reads for a folder of lessons (TypeScript's libs, the builtins', Plot's, d3's, the math module,
// the packages the lessons import), renamed into a small in-memory file system for a Web Worker.
// The browser's declarations (lib.dom*.d.ts) go without their doc comments: two thirds of
// lib.dom.d.ts's 2.3 MB, which every start of the page's checker downloads and parses, and which
// shape no type (hover then shows a DOM member's type without its MDN text; every other file,
// TypeScript's other libs included, keeps its doc comments). With them goes a subset of the
// browser's declarations for the checker's first answer (src/typecheck/chooseBrowserSubset.ts).
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { builtinsModule } from "../typecheck/emitLessonProgram.ts";
import { chooseBrowserSubset } from "../typecheck/chooseBrowserSubset.ts";
import { builtinsFileOf } from "../typecheck/compilerOptions.ts";
import { deferLibraryTypes } from "../typecheck/deferLibraryTypes.ts";
import { summarizeCells, type CellSource } from "../typecheck/summarizeCell.ts";
import type { CheckerFiles } from "../typecheck/types.ts";
import { withoutDocComments } from "../typecheck/withoutDocComments.ts";
import { compilerOptions, viteClientFile, virtualFileFor } from "./checkTypes.ts";
import { createCheckHost } from "./createCheckHost.ts";
import { isCompiled, packageRoot } from "./packageRoot.ts";

/**
 * The files a program over `imports` (module specifiers the lessons in `lessonsDir` import) reads,
 * plus the builtins' declarations. Paths are made relative to the folder that holds the package,
 * the lessons and every file read, so no path of the machine that built the site is shipped.
 * With them go the summaries of the lessons' `cells` (summarizeCell.ts), so the page's checker
 * analyses only the cells a reader changed.
 */
export function collectCheckerFiles(lessonsDir: string, imports: readonly string[], cells: readonly CellSource[] = []): CheckerFiles {
  const lessonFile = virtualFileFor(resolve(lessonsDir, "__checker__.md"));
  const importer = [builtinsModule, "live-lesson/math", ...imports].map((s) => `import ${JSON.stringify(s)};`).join("\n");
  // The check's own host: in the type checker's worker, the files its checks parsed are parsed already.
  const host = createCheckHost(compilerOptions, new Map([[lessonFile, importer]]));
  const read = new Map<string, string>();
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => {
    const text = readFile(fileName);
    if (text !== undefined && fileName !== lessonFile) read.set(resolve(fileName), text);
    return text;
  };
  const program = ts.createProgram({ rootNames: [lessonFile, viteClientFile, builtinsFileOf(packageRoot, isCompiled)], options: compilerOptions, host });
  for (const file of program.getSourceFiles()) if (file.fileName !== lessonFile) read.set(resolve(file.fileName), file.text);

  const libDir = resolve(dirname(ts.getDefaultLibFilePath(compilerOptions)));
  const isLib = (path: string) => dirname(path) === libDir;
  // TypeScript's declarations of the browser: lib.dom.d.ts, lib.dom.iterable.d.ts, …
  const isDomLib = (path: string) => isLib(path) && basename(path).startsWith("lib.dom.");
  const base = commonFolder([packageRoot, dirname(lessonFile), ...[...read.keys()].filter((path) => !isLib(path))]);
  const toMemory = (path: string) => (isLib(path) ? `/${path.slice(libDir.length + 1)}` : `/${relative(base, path).split(sep).join("/")}`);
  const files: Record<string, string> = {};
  for (const [path, text] of [...read].sort(([a], [b]) => a.localeCompare(b))) files[toMemory(path)] = isDomLib(path) ? withoutDocComments(text) : text;
  const collected: CheckerFiles = { root: toMemory(packageRoot).replace(/\/$/, ""), compiled: isCompiled, lessonDir: toMemory(dirname(lessonFile)).replace(/\/$/, ""), ambient: [toMemory(viteClientFile)], files, cells: summarizeCells(cells) };
  // The page checker's smaller program (Plot and d3 `any`), from the files parsed above (the host's cache).
  const builtinsFile = builtinsFileOf(packageRoot, isCompiled);
  const deferred = deferLibraryTypes(read.get(resolve(builtinsFile)) ?? "");
  if (!deferred) return collected;
  const smaller = ts.createProgram({ rootNames: [lessonFile, viteClientFile, builtinsFile], options: compilerOptions, host: createCheckHost(compilerOptions, new Map([[lessonFile, importer], [builtinsFile, deferred.text]])) });
  const browserSubset = chooseBrowserSubset({
    browser: [...read.keys()].filter(isDomLib).map((path) => ts.createSourceFile(toMemory(path), files[toMemory(path)]!, ts.ScriptTarget.ES2022, true)),
    others: smaller.getSourceFiles().filter((file) => file.fileName !== lessonFile && !isDomLib(resolve(file.fileName))),
    cells,
  });
  if (browserSubset) collected.browserSubset = browserSubset;
  return collected;
}

/** The deepest folder that holds every one of `paths`. */
function commonFolder(paths: readonly string[]): string {
  let folder = resolve(paths[0]!);
  const holds = (path: string) => {
    const inside = relative(folder, path);
    return !inside.startsWith("..") && !isAbsolute(inside);
  };
  while (!paths.every((path) => holds(resolve(path)))) folder = dirname(folder);
  return folder;
}
