// `lesson build [dir] [--out dist] [--base /sub/]`: a static multi-page site of a folder of lessons.
import { existsSync } from "node:fs";
import { parseCommandArgs } from "./parseCommandArgs.ts";
import { relative, resolve } from "node:path";
import { build } from "vite";
import type { Diagnostic, Problem } from "../contract/diagnostic.ts";
import { lessonPlugin, type LessonPluginOptions } from "../vite/index.ts";

const usage = `Usage: lesson build [dir] [--out dist] [--base ./] [--json]

Builds the lessons in dir (default: lessons) into a static site.
  --out D    output folder (default: dist)
  --base B   public base path (default "./": relative URLs, works from any sub-path)
  --json     print the lessons' problems as a JSON array of {file, line, column, severity, code, message, cell?}`;

/** Builds the site; resolves to 1 when any lesson has an error (each listed as file:line:col). */
export async function runBuild(args: string[]): Promise<number> {
  const parsed = parseCommandArgs("build", usage, args, {
    out: { type: "string", default: "dist" },
    base: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const dir = resolve(positionals[0] ?? "lessons");
  if (!existsSync(dir)) {
    console.error(`lesson build: no folder ${dir}`);
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
    await buildSite({ dir, outDir, base: values.base, quiet: values.json, onDiagnostics });
    if (values.json) console.log(JSON.stringify(problems, null, 2));
    return 0;
  } catch (error) {
    if (values.json) console.log(JSON.stringify(problems, null, 2));
    console.error(`\nlesson build failed: ${(error as Error).message}`);
    return 1;
  }
}

/** Builds the lessons in `dir` into `outDir` (used by the CLI and the browser tests). */
export async function buildSite(options: {
  dir: string;
  outDir: string;
  base?: string;
  quiet?: boolean;
  onDiagnostics?: LessonPluginOptions["onDiagnostics"];
}): Promise<void> {
  await build({
    configFile: false,
    logLevel: options.quiet ? "warn" : "info",
    plugins: [lessonPlugin({ root: options.dir, base: options.base, onDiagnostics: options.onDiagnostics })],
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      // Quiet builds (tests) skip rolldown's "JavaScript callbacks ran for…" timing advice.
      ...(options.quiet ? { rolldownOptions: { checks: { bundlerTimings: false } } } : {}),
    },
  });
}
