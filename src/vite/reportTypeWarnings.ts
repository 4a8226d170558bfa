// Type errors across cells, in the dev server: checked off the main thread after a lesson
// compiles (never holding up `load()`), printed in the terminal as `file:line:col warning …`, and
// sent to open pages, which show them in place as warnings (the cells still run).
import type { ViteDevServer } from "vite";
import type { Lesson } from "../compile/index.ts";
import { createTypeChecker, type TypeChecker } from "../check/createTypeChecker.ts";
import { formatDiagnostic, type Diagnostic } from "../contract/diagnostic.ts";
import { logDiagnostics } from "./logDiagnostics.ts";

/** The custom HMR event that carries a lesson's type warnings to its pages. */
export const typeWarningsEvent = "live-lesson:type-warnings";
/** The custom HMR event a page sends when it mounts, asking for its lesson's warnings. */
export const typeCheckRequestEvent = "live-lesson:type-check";

/** What the page receives: `file` as the lesson module names it (relative to the lessons folder). */
export interface TypeWarnings {
  file: string;
  diagnostics: Diagnostic[];
}

/** A lesson as the plugin last compiled it. */
export interface CompiledLesson {
  source: string;
  lesson: Lesson;
}

/** Checks lessons as they compile and keeps each one's last result for pages that ask. */
export interface TypeWarningReporter {
  /** Checks the lesson at `path` (if its text changed since the last check) and broadcasts. */
  check(path: string): void;
  close(): Promise<void>;
}

/** Options of {@link createTypeWarningReporter}. */
export interface TypeWarningOptions {
  /** The lesson at `path`, compiled (cached by the plugin). */
  compile(path: string): CompiledLesson;
  /** The path as the terminal shows it, and as the page module names the file. */
  displayPath(path: string): string;
  pageFile(path: string): string;
  /** The absolute path of a page's `file`, or undefined when it is not a lesson. */
  pathOf(file: string): string | undefined;
}

/** Wires the type checker to a dev server: checks on compile, answers pages, prints warnings. */
export function createTypeWarningReporter(server: ViteDevServer, options: TypeWarningOptions): TypeWarningReporter {
  let checker: TypeChecker | undefined;
  const results = new Map<string, { source: string; warnings: TypeWarnings }>();
  const running = new Map<string, Promise<TypeWarnings | undefined>>();

  const run = (path: string): Promise<TypeWarnings | undefined> => {
    const { source, lesson } = options.compile(path);
    const done = results.get(path);
    if (done?.source === source) return Promise.resolve(done.warnings);
    const key = `${path}\0${source}`;
    const pending = running.get(key);
    if (pending) return pending;
    checker ??= createTypeChecker();
    const job = checker
      .check(lesson, { file: path })
      .then((found) => {
        // A newer text was saved meanwhile: its own check reports.
        if (options.compile(path).source !== source) return undefined;
        const diagnostics: Diagnostic[] = found.map(({ code, message, line, column, cell }) => ({
          severity: "warning",
          code,
          message,
          line,
          column,
          ...(cell ? { cell } : {}),
        }));
        const warnings = { file: options.pageFile(path), diagnostics };
        const printed = results.get(path)?.warnings.diagnostics.map((d) => formatDiagnostic("", d)).join("\n");
        results.set(path, { source, warnings });
        if (printed !== diagnostics.map((d) => formatDiagnostic("", d)).join("\n")) {
          logDiagnostics(server.config.logger, options.displayPath(path), diagnostics, { timestamp: true });
        }
        return warnings;
      })
      .catch((error: unknown) => {
        server.config.logger.warn(`type check of ${options.displayPath(path)} failed: ${error instanceof Error ? error.message : String(error)}`, { timestamp: true });
        return undefined;
      })
      .finally(() => running.delete(key));
    running.set(key, job);
    return job;
  };

  server.ws.on(typeCheckRequestEvent, (data: { file?: unknown }, client) => {
    const path = typeof data?.file === "string" ? options.pathOf(data.file) : undefined;
    if (!path) return;
    void run(path).then((warnings) => warnings && client.send(typeWarningsEvent, warnings));
  });

  return {
    check(path) {
      void run(path).then((warnings) => warnings && server.ws.send({ type: "custom", event: typeWarningsEvent, data: warnings }));
    },
    async close() {
      await checker?.close();
      checker = undefined;
    },
  };
}
