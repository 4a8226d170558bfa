// collectCheckerFiles in a worker thread (see collectCheckerFilesOffThread.ts). Plain JavaScript so
// that it starts the same way whoever spawns it. Installed, it sits beside the compiled
// collectCheckerFiles.js; run from this repository's TypeScript sources (tests, benchmarks), it
// registers tsx to load collectCheckerFiles.ts, as typeCheckWorker.mjs does.
import { existsSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const compiled = new URL("./collectCheckerFiles.js", import.meta.url);
if (!existsSync(compiled)) (await import("tsx/esm/api")).register();
const { collectCheckerFiles } = await import(existsSync(compiled) ? "./collectCheckerFiles.js" : "./collectCheckerFiles.ts");
try {
  parentPort.postMessage({ files: collectCheckerFiles(workerData.lessonsDir, workerData.imports, workerData.cells) });
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
