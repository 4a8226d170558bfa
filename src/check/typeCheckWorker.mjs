// The type checker's worker thread (see createTypeChecker.ts). Plain JavaScript so that it starts
// the same way whoever spawns it. Installed, it sits beside the compiled checkTypes.js; run from
// this repository's TypeScript sources (tests, benchmarks), it registers tsx to load checkTypes.ts.
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const compiled = new URL("./checkTypes.js", import.meta.url);
if (!existsSync(compiled)) (await import("tsx/esm/api")).register();
const { checkTypes } = await import(existsSync(compiled) ? "./checkTypes.js" : "./checkTypes.ts");

parentPort.on("message", ({ id, lesson, file }) => {
  try {
    parentPort.postMessage({ id, diagnostics: checkTypes(lesson, { file }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
