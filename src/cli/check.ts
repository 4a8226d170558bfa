// `lesson check [files…] [--json] [--no-run]`: compile, type-check, lint and run lessons headless.
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { parseCommandArgs } from "./parseCommandArgs.ts";
import { checkLesson, type CheckedLesson } from "../check/checkLesson.ts";
import type { LessonServer } from "../check/runLessons.ts";
import { formatProblems, sortProblems, toJson } from "../check/problems.ts";
import type { Problem } from "../contract/diagnostic.ts";
import { findLessonFiles } from "../site/findLessons.ts";

const help = `Usage: lesson check [files...] [--json] [--no-run]

Reports every problem in the lessons (default: lessons/*.md, except files starting with _):
compile errors, type errors across cells, lint (unlabelled inputs, charts without ariaLabel,
images without alt, broken lesson links, missing title) and, unless --no-run, every cell that
fails when the lesson runs in headless Chromium, and every exercise: its solution must pass its
check, its starter must not (a warning), and its check must give the same values twice.

  --json     print a JSON array of {file, line, column, severity, code, message, cell?}
  --no-run   skip the headless run and the exercises' runs (no browser needed)

Exits with 1 when any error is reported.`;

/** Runs `lesson check` and resolves to the exit code (1 when any error is found). */
export async function runCheck(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("check", help, args, { json: { type: "boolean" }, "no-run": { type: "boolean" } });
  if (typeof parsed === "number") return parsed;
  const files = parsed.positionals.length ? parsed.positionals : findLessonFiles("lessons");
  if (!files.length) {
    console.error("lesson check: no lessons to check (lessons/*.md is empty); pass files to check");
    return 1;
  }
  const checked: CheckedLesson[] = files.map((file) => checkLesson(file));
  const problems: Problem[] = checked.flatMap((c) => c.problems);
  if (!parsed.values["no-run"]) {
    const { runLessons } = await import("../check/runLessons.ts");
    problems.push(...(await runLessons(checked, serveQuietly)));
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
  return errors ? 1 : 0;
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
