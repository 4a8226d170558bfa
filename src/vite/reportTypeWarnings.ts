// Type errors across cells, in the dev server: checked off the main thread after a lesson
// compiles (never holding up `load()`), printed in the terminal as `file:line:col warning …`, and
// sent to open pages, which show them in place as warnings (the cells still run).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { ViteDevServer } from "vite";
import { createTypeChecker, type TypeChecker } from "../check/createTypeChecker.ts";
import { formatDiagnostic, type Diagnostic } from "../contract/diagnostic.ts";
import { typeCheckRequestEvent, typeWarningsEvent, type TypeWarnings } from "../runtime/hotEvents.ts";
import type { Site } from "../site/createSite.ts";
import { logDiagnostics } from "./logDiagnostics.ts";

/** Checks lessons as they compile and keeps each one's last result for pages that ask. */
export interface TypeWarningReporter {
  /** Checks the lesson at `path` (if its text changed since the last check) and broadcasts. */
  check(path: string): void;
  close(): Promise<void>;
}

/** Wires the type checker to a dev server: checks on compile, answers pages, prints warnings. */
export function createTypeWarningReporter(server: ViteDevServer, site: Site): TypeWarningReporter {
  let checker: TypeChecker | undefined;
  const results = new Map<string, { source: string; warnings: TypeWarnings }>();
  const running = new Map<string, Promise<TypeWarnings | undefined>>();

  const run = (path: string): Promise<TypeWarnings | undefined> => {
    const { source, lesson } = site.compile(path);
    const done = results.get(path);
    if (done?.source === source) return Promise.resolve(done.warnings);
    const key = `${path}\0${source}`;
    const pending = running.get(key);
    if (pending) return pending;
    checker ??= createTypeChecker();
    const job = checker
      .check(lesson, { file: path })
      .then((found) => {
        // A newer text was compiled meanwhile: its own check reports. (Not compile(path): reading the
        // file here could catch it mid-write, or take a hot update's new text before the watcher does.)
        if (site.cached(path)?.source !== source) return undefined;
        const diagnostics: Diagnostic[] = found.map(({ code, message, line, column, cell }) => ({
          severity: "warning",
          code,
          message,
          line,
          column,
          ...(cell ? { cell } : {}),
        }));
        const warnings = { file: site.fileOf(path), diagnostics };
        const printed = results.get(path)?.warnings.diagnostics.map((d) => formatDiagnostic("", d)).join("\n");
        results.set(path, { source, warnings });
        if (printed !== diagnostics.map((d) => formatDiagnostic("", d)).join("\n")) {
          logDiagnostics(server.config.logger, lesson.file, diagnostics, { timestamp: true });
        }
        return warnings;
      })
      .catch((error: unknown) => {
        server.config.logger.warn(`type check of ${lesson.file} failed: ${error instanceof Error ? error.message : String(error)}`, { timestamp: true });
        return undefined;
      })
      .finally(() => running.delete(key));
    running.set(key, job);
    return job;
  };

  server.ws.on(typeCheckRequestEvent, (data: { file?: unknown }, client) => {
    const path = typeof data?.file === "string" ? resolve(site.root, data.file) : undefined;
    if (!path || !site.slugOf(path) || !existsSync(path)) return;
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
