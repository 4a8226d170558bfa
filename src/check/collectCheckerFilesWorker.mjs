// collectCheckerFiles in a worker thread (see collectCheckerFilesOffThread.ts). Plain JavaScript so
// that it starts the same way whoever spawns it: it registers tsx for itself, as bin/lesson.js does.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { collectCheckerFiles } = await import("./collectCheckerFiles.ts");
try {
  parentPort.postMessage({ files: collectCheckerFiles(workerData.lessonsDir, workerData.imports) });
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
