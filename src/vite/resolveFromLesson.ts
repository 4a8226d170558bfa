// How an import written in a lesson resolves: as if written in the .md file, then from this package.
import type { Rolldown } from "vite";
import { packageImporter } from "./packageFiles.ts";

/** The plugin context methods resolving needs. */
export type ResolveContext = Pick<Rolldown.PluginContext, "resolve">;

/**
 * Resolves `source` from the lesson's folder first (its own node_modules and files), then, for a
 * bare package name, from this package: a course gets live-lesson's dependencies without installing them.
 */
export async function resolveFromLesson(ctx: ResolveContext, source: string, lessonFile: string) {
  const local = await ctx.resolve(source, lessonFile, { skipSelf: true });
  if (local || source.startsWith(".") || source.startsWith("/")) return local;
  return ctx.resolve(source, packageImporter, { skipSelf: true });
}
