// Build only: each error in a lesson fails the build as an error of its own, positioned in the .md
// file (`id` and `loc`), not one joined string. A hook can throw only once, but Rolldown gathers the
// errors of every module that fails to load into one build failure ("Build failed with N errors"),
// so each error gets a module of its own: a page with errors emits one chunk per error, whose load
// throws it. The errors carry their Problem, so the CLI prints each one exactly once.
import type { Rolldown } from "vite";
import type { Diagnostic, Problem } from "../contract/diagnostic.ts";
import { problemPrefix } from "./virtualIds.ts";

/** A build error that is a lesson's problem, as `this.error` throws it and the build failure holds it. */
export interface LessonBuildError extends Error {
  /** The absolute path of the .md file. */
  id: string;
  loc?: { file: string; line: number; column: number };
  pluginCode: "LESSON_ERROR";
  /** The problem, its file as the terminal shows it. */
  problem: Problem;
}

/** The lesson errors of a build. */
export interface BuildErrors {
  /** Makes each error in `diagnostics` (of the lesson at `path`, shown as `file`) fail the build. */
  report(ctx: Pick<Rolldown.PluginContext, "emitFile">, path: string, file: string, diagnostics: readonly Diagnostic[]): void;
  /** Throws the error whose module `id` is (resolved, with `\0`); returns when `id` is none of them. */
  load(ctx: Pick<Rolldown.PluginContext, "error">, id: string): void;
}

/** Starts the list of a build's lesson errors. */
export function createBuildErrors(): BuildErrors {
  const errors = new Map<string, LessonBuildError>();
  return {
    report(ctx, path, file, diagnostics) {
      diagnostics.forEach((diagnostic, index) => {
        if (diagnostic.severity !== "error") return;
        const id = `${problemPrefix}${errors.size}`;
        const error = Object.assign(new Error(diagnostic.message), {
          id: path,
          ...(diagnostic.line > 0 ? { loc: { file: path, line: diagnostic.line, column: diagnostic.column } } : {}),
          pluginCode: "LESSON_ERROR" as const,
          problem: { ...diagnostic, file },
        });
        // The problem is in the lesson, not in this plugin: a stack trace would only hide it.
        error.stack = "";
        errors.set(`\0${id}`, error);
        ctx.emitFile({ type: "chunk", id, name: `problem-${index}` });
      });
    },
    load(ctx, id) {
      const error = errors.get(id);
      if (error) ctx.error(error);
    },
  };
}

/** The lesson errors a failed build holds (Rolldown's `errors`, or the error itself). */
export function findLessonErrors(failure: unknown): LessonBuildError[] {
  const errors: unknown[] = (failure as { errors?: unknown[] } | null)?.errors ?? [failure];
  return errors.filter((error): error is LessonBuildError => (error as Partial<LessonBuildError> | null)?.pluginCode === "LESSON_ERROR");
}
