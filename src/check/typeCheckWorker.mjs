// The type checker's worker thread (see createTypeChecker.ts). Plain JavaScript so that it starts
// the same way whoever spawns it. Installed, it sits beside the compiled checkTypes.js; run from
// this repository's TypeScript sources (tests, benchmarks), it registers tsx to load checkTypes.ts.
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const compiled = new URL("./checkTypes.js", import.meta.url);
if (!existsSync(compiled)) (await import("tsx/esm/api")).register();
const ext = existsSync(compiled) ? ".js" : ".ts";
const { checkTypes } = await import(`./checkTypes${ext}`);
const { collectCheckerFiles } = await import(`./collectCheckerFiles${ext}`);
const { trackReads } = await import(`./createCheckHost${ext}`);
const { lintLesson } = await import(`./lintLesson${ext}`);

/** The job's answer: a lesson's type errors, the page checker's files, a lesson's lint, or (warm) nothing. */
function answerOf({ lesson, file, collect, lint, warm }) {
  if (collect) return { files: collectCheckerFiles(collect.lessonsDir, collect.imports, collect.cells) };
  if (lint) return { diagnostics: lintLesson(lint.lesson, lint.source) };
  // A lesson without cells reads every declaration a lesson's check reads (and the builtins' own check runs once).
  if (warm) return { diagnostics: checkTypes({ file: warm.file, cells: [], diagnostics: [], frontMatter: {}, title: "", html: "" }, { file: warm.file }) };
  return { diagnostics: checkTypes(lesson, { file }) };
}

// With `track`, the reply lists the files the answer read too, for the caller's cache (cacheTypeAnswers.ts).
parentPort.on("message", ({ id, track, ...job }) => {
  try {
    const answer = () => answerOf(job);
    if (!track) parentPort.postMessage({ id, ...answer() });
    else {
      const { result, read } = trackReads(answer);
      parentPort.postMessage({ id, ...result, read });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
