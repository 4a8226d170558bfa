// `lesson build [dir] [--out dist] [--base /sub/]`: a static multi-page site of a folder of lessons.
import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { sortProblems } from "../check/problems.ts";
import { formatDiagnostic, type Diagnostic, type Problem } from "../contract/diagnostic.ts";
import { buildSite } from "../vite/buildSite.ts";
import { findLessonErrors } from "../vite/reportBuildErrors.ts";
import { parseCommandArgs } from "./parseCommandArgs.ts";

const usage = `Usage: lesson build [dir] [--out dist] [--base ./] [--no-typecheck] [--no-prerender] [--json]

Builds the lessons in dir (default: lessons) into a static site. Fails, printing each error once
as file:line:col message, on every error lesson check reports but the headless run's: compile
errors, type errors across cells, links to lessons or headings that do not exist, next and
prerequisites naming no lesson, a lesson without a title, problems in course.yml.
  --out D          output folder (default: dist)
  --base B         public base path (default: course.yml's base, else "./": relative URLs, works from any sub-path)
  --no-typecheck   do not type-check the cells (type errors then do not fail the build)
  --no-prerender   do not run the lessons at build time to write their cells' first outputs into the pages
  --json           print the lessons' problems as a JSON array of {file, line, column, severity, code, message, cell?}`;

/** Builds the site; resolves to 1 when any lesson has an error (each printed once as file:line:col message). */
export async function runBuild(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("build", usage, args, {
    out: { type: "string", default: "dist" },
    base: { type: "string" },
    "no-typecheck": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "no-prerender": { type: "boolean", default: false },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    console.error(`lesson build: expected one folder of lessons, not ${positionals.length} arguments\n\n${usage}`);
    return 1;
  }
  const dir = resolve(positionals[0] ?? "lessons");
  if (!existsSync(dir)) {
    console.error(`lesson build: no folder ${dir}`);
    return 1;
  }
  if (!statSync(dir).isDirectory()) {
    console.error(`lesson build: ${positionals[0]} is a file: lesson build builds a site from a folder of lessons (lesson build ${relative(process.cwd(), dirname(dir)) || "."})`);
    return 1;
  }
  const outDir = resolve(values.out);
  // The output folder is emptied first: never let that be the lessons or a folder holding them.
  if (!relative(outDir, dir).startsWith("..")) {
    console.error(`lesson build: --out ${values.out} would hold (and erase) the lessons in ${dir}`);
    return 1;
  }
  const problems: Problem[] = [];
  const onDiagnostics = (file: string, diagnostics: Diagnostic[]) => problems.push(...diagnostics.map((d) => ({ file, ...d })));
  try {
    await buildSite({ dir, outDir, base: values.base, quiet: values.json, typecheck: !values["no-typecheck"], onDiagnostics, prerender: !values["no-prerender"] });
    if (values.json) console.log(JSON.stringify(problems, null, 2));
    return 0;
  } catch (error) {
    if (values.json) console.log(JSON.stringify(problems, null, 2));
    reportFailure(error);
    return 1;
  }
}

/** Prints why a build failed: each error in the lessons once, as `file:line:col message`, then any other failure. */
function reportFailure(failure: unknown): void {
  const lessonErrors = findLessonErrors(failure);
  for (const problem of sortProblems(lessonErrors.map((error) => error.problem))) {
    console.error(formatDiagnostic(problem.file, problem, { severity: false }));
  }
  const others = ((failure as { errors?: unknown[] }).errors ?? [failure]).filter((error) => !lessonErrors.includes(error as never));
  for (const other of others) console.error(`\nlesson build failed: ${(other as Error).message ?? String(other)}`);
  const count = lessonErrors.length;
  if (count && !others.length) console.error(`\nlesson build failed: ${count} error${count === 1 ? "" : "s"} in the lessons`);
}
