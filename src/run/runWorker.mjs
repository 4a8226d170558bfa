// The runner's worker thread (see runLesson.ts). Plain JavaScript so that it starts the same way
// whoever spawns it: it registers tsx for itself, as bin/lesson.js does.
//
// Order matters. happy-dom loads first, before tsx's loader hooks exist: through them every module
// costs a round trip to the loader thread (happy-dom's 3,000 files take 5 s instead of 1 s). Then
// the DOM, which must exist before the runtime and the libraries load: @observablehq/runtime reads
// requestAnimationFrame as it loads, and Plot its half-pixel offset from window.devicePixelRatio
// (without a window, charts would lose the offset the page's have). Then the TypeScript.
import { existsSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

// As in a browser, an error nobody catches is reported, not fatal: the run goes on.
process.on("uncaughtException", (error) => console.error(error));
process.on("unhandledRejection", (error) => console.error(error));

try {
  await import("@happy-dom/global-registrator");
  // Installed, the compiled executeJob.js sits beside this file (lib/run/); from this repository's
  // sources, tsx loads the TypeScript (as typeCheckWorker.mjs does).
  const compiled = existsSync(new URL("./executeJob.js", import.meta.url));
  if (!compiled) (await import("tsx/esm/api")).register();
  const ext = compiled ? ".js" : ".ts";
  const { installDom } = await import(`./installDom${ext}`);
  installDom();
  await Promise.all(workerData.preload.map((specifier) => import(specifier)));
  const { executeJob } = await import(`./executeJob${ext}`);
  parentPort.postMessage({ type: "ready" });
  const result = await executeJob(workerData, (state) => parentPort.postMessage({ type: "status", state }));
  parentPort.postMessage({ type: "done", result });
} catch (error) {
  parentPort.postMessage({ type: "failed", message: String(error?.stack ?? error) });
}
