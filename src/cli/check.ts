// `lesson check [files or folders…] [--json] [--no-run]`: compile, type-check, lint and run lessons headless.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { parseCommandArgs } from "./parseCommandArgs.ts";
import { expandLessons } from "./expandLessons.ts";
import { checkLesson, type CheckedLesson } from "../check/checkLesson.ts";
import type { LessonServer } from "../check/runLessons.ts";
import { formatProblems, sortProblems, toJson } from "../check/problems.ts";
import type { Problem } from "../contract/diagnostic.ts";
import { createSite, type Site } from "../site/createSite.ts";

const help = `Usage: lesson check [files or folders...] [--json] [--no-run]

Reports every problem in the lessons (default: the folder lessons; a folder means the .md files
directly in it, except drafts starting with _): compile errors, type errors across cells, links
to lessons or headings that do not exist, next and prerequisites naming no lesson, problems in
course.yml, lint (unlabelled inputs, charts without ariaLabel, images without alt, missing title)
and, unless --no-run, every cell that fails when the lesson runs in headless Chromium, and every
exercise: its solution must pass its check, its starter must not (a warning), and its check must
give the same values twice.

  --json     print a JSON array of {file, line, column, severity, code, message, cell?}
  --no-run   skip the headless run and the exercises' runs (no browser needed)

Exits with 1 when any error is reported.`;

/** Runs `lesson check` and resolves to the exit code (1 when any error is found). */
export async function runCheck(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("check", help, args, { json: { type: "boolean" }, "no-run": { type: "boolean" } });
  if (typeof parsed === "number") return parsed;
  const given = parsed.positionals.length > 0;
  const { files, empty } = given || existsSync("lessons") ? expandLessons(given ? parsed.positionals : ["lessons"]) : { files: [], empty: [] };
  if (!files.length) {
    const where = given ? empty.join(", ") || parsed.positionals.join(", ") : "lessons";
    console.error(`lesson check: no lessons to check (no .md files directly in ${where}); pass lesson files or the folder that holds them`);
    return 1;
  }
  for (const folder of empty) console.error(`lesson check: ${folder} holds no lessons (.md files directly in it)`);
  // One site per folder: the lessons a link or a next may name, and the folder's course.yml.
  const sites = new Map<string, Site>();
  const siteOf = (file: string) => {
    const root = dirname(resolve(file));
    if (!sites.has(root)) sites.set(root, createSite({ root }));
    return sites.get(root)!;
  };
  const checked: CheckedLesson[] = files.map((file) => checkLesson(file, { site: siteOf(file) }));
  const problems: Problem[] = [...[...sites.values()].flatMap((site) => site.findConfigProblems()), ...checked.flatMap((c) => c.problems)];
  if (!parsed.values["no-run"]) {
    problems.push(...(await runHeadless(checked)));
    const { runExercises } = await import("../check/runExercises.ts");
    for (const { file, lesson } of checked) {
      if (!lesson?.exercises.length) continue;
      const report = await runExercises(lesson, { verify: true, path: resolve(file), file });
      problems.push(...report.diagnostics.map((d) => ({ ...d, file })));
    }
  }
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === "error").length;
  if (parsed.values.json) {
    console.log(toJson(sorted));
  } else {
    if (sorted.length) console.log(formatProblems(sorted));
    const warnings = sorted.length - errors;
    console.error(
      `${files.length} lesson${files.length === 1 ? "" : "s"} checked: ` +
        `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    );
  }
  return errors || empty.length ? 1 : 0;
}

/** The headless run's problems; a broken install (playwright-core missing) is one problem saying so, never a stack trace. */
async function runHeadless(checked: CheckedLesson[]): Promise<Problem[]> {
  let runLessons: typeof import("../check/runLessons.ts").runLessons;
  try {
    ({ runLessons } = await import("../check/runLessons.ts"));
  } catch (error) {
    const message = `cannot run the lessons headless: ${(error as Error).message.split("\n")[0]} (reinstall with npm install; --no-run skips the run)`;
    return [{ file: "lesson check", line: 0, column: 0, severity: "error", code: "runtime", message }];
  }
  return runLessons(checked, serveQuietly);
}

/** A quiet dev server for the headless run: any free port, no file watching, no hot updates. */
async function serveQuietly(folder: string): Promise<LessonServer> {
  const { startServer } = await import("../vite/startServer.ts");
  const server = await startServer(
    { root: folder },
    { logLevel: "silent", clearScreen: false, server: { host: "127.0.0.1", port: 0, strictPort: false, watch: null, hmr: false } },
  );
  const { port } = server.httpServer!.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
