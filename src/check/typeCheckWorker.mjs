// The type checker's worker thread (see createTypeChecker.ts). Plain JavaScript so that it starts
// the same way whoever spawns it: it registers tsx for itself, as bin/lesson.js does.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { checkTypes } = await import("./checkTypes.ts");

parentPort.on("message", ({ id, lesson, file }) => {
  try {
    parentPort.postMessage({ id, diagnostics: checkTypes(lesson, { file }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
