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

// With `track`, the reply lists the files the answer read too, for the caller's cache (cacheTypeAnswers.ts).
parentPort.on("message", ({ id, lesson, file, collect, track }) => {
  try {
    const answer = () => (collect ? { files: collectCheckerFiles(collect.lessonsDir, collect.imports, collect.cells) } : { diagnostics: checkTypes(lesson, { file }) });
    if (!track) parentPort.postMessage({ id, ...answer() });
    else {
      const { result, read } = trackReads(answer);
      parentPort.postMessage({ id, ...result, read });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
