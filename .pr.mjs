import { readFileSync } from "node:fs";
const { compileLesson } = await import("./lib/compile/index.js");
const { prerenderLesson } = await import("./lib/run/index.js");
const path = "/tmp/live-lesson-bench-IWgktz/growth-1000.md";
const lesson = compileLesson(readFileSync(path, "utf8"), { file: path });
const c0 = process.cpuUsage(); const t0 = performance.now();
const r = await prerenderLesson(lesson, { path, file: path, timeoutMs: 300000 });
const c = process.cpuUsage(c0);
console.log(process.env.RUN_EXECARGV ?? "-", "count", r.count, "cpu ms", ((c.user + c.system) / 1000).toFixed(0), "wall", (performance.now() - t0).toFixed(0), "htmlLen", r.html?.length);
