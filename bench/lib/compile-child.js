// One cold compile in a fresh process: `node bench/lib/compile-child.js <ours|baseline> <file.md> [warmRuns]`.
// Prints JSON {importMs, firstMs, warmMs[], firstCpuMs, firstThreadCpuMs, processCpuMs, firstWindowUs}:
// the time to import the compiler, its first run on the text (cold: nothing cached, nothing
// JIT-compiled), then further runs (warm: caches and JIT hot); the CPU of the first run, the
// process's (all its threads: GC, JIT compilers) and the main thread's alone (Linux; else null), and
// the process's in all; the first run's [start, end] in process.hrtime µs, the clock of `node
// --cpu-prof`'s samples (bench/profile-build.js reads the run's samples in that window).
// "ours" loads the compiled package (lib/compile/), as an installed course does.
// "baseline" is markdown-it + KaTeX alone on the same text: markdown-it renders the Markdown and
// KaTeX every `$…$` / `$$…$$` formula, with the same options the lesson compiler gives KaTeX.
import { readFileSync } from "node:fs";
import { readSchedCpuMs } from "./threadCpu.js";

const [mode, file, warmArg = "0"] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const warmRuns = Number(warmArg);

let t = performance.now();
let run;
if (mode === "ours") {
  // The compiled package (lib/, as `npm run bench` builds it): what an installed live-lesson runs,
  // with no TypeScript loader.
  const { compileLesson } = await import("../../lib/compile/index.js");
  run = () => compileLesson(text, { file }).html.length;
} else {
  const { default: markdownIt } = await import("markdown-it");
  const { default: katex } = await import("katex");
  const md = markdownIt({ html: true });
  const options = { throwOnError: false, strict: "ignore", output: "htmlAndMathml" };
  // Formulas are replaced by placeholders first so markdown-it does not read `_` or `*` in TeX.
  run = () => {
    const formulas = [];
    const masked = text.replace(/\$\$([\s\S]+?)\$\$|\$([^\s$][^$\n]*?)\$/g, (_, display, inline) => {
      formulas.push(katex.renderToString(display ?? inline, { ...options, displayMode: display !== undefined }));
      return `\u0000${formulas.length - 1}\u0000`;
    });
    return md.render(masked).replace(/\u0000(\d+)\u0000/g, (_, i) => formulas[i]).length;
  };
}
const importMs = performance.now() - t;
const cpuBefore = process.cpuUsage();
const threadCpuBefore = readSchedCpuMs();
const windowStart = process.hrtime.bigint();
t = performance.now();
run();
const firstMs = performance.now() - t;
const firstWindowUs = [windowStart, process.hrtime.bigint()].map((ns) => Number(ns / 1000n));
const { user, system } = process.cpuUsage(cpuBefore);
const firstCpuMs = (user + system) / 1000;
const firstThreadCpuMs = threadCpuBefore === null ? null : readSchedCpuMs() - threadCpuBefore;
const warmMs = [];
for (let i = 0; i < warmRuns; i++) {
  t = performance.now();
  run();
  warmMs.push(performance.now() - t);
}
const processCpuMs = (process.cpuUsage().user + process.cpuUsage().system) / 1000;
process.stdout.write(JSON.stringify({ importMs, firstMs, warmMs, firstCpuMs, firstThreadCpuMs, processCpuMs, firstWindowUs }) + "\n");
