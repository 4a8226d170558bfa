// Writes BENCHMARKS.md from one run's results: every figure min / median / max, ratios to the
// peers from the same run, the goals met or missed, and the method.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { ratio, summarize } from "./stats.js";

const f1 = (v) => (v == null ? "–" : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const x2 = (v) => (v == null ? "–" : `${v.toFixed(2)}×`);
const kib = (b) => (b == null ? "–" : (b / 1024).toFixed(0));
/** "min / median / max" of a summary (ms). */
const mmm = (s) => (s ? `${f1(s.min)} / **${f1(s.median)}** / ${f1(s.max)}` : "–");
const mmp = (s) => (s ? `${f1(s.min)} / **${f1(s.median)}** / ${f1(s.p95)} / ${f1(s.max)}` : "–");
const cls = (v) => (v == null ? "–" : v.toFixed(4));
const met = (ok) => (ok == null ? "–" : ok ? "✅ met" : "❌ missed");

const METHOD = "bench/METHOD.md";
// The hand-written findings (profiles, what a missed goal would take): kept apart so a rerun keeps them.
const ANALYSIS = "bench/analysis.md";
// The profile that shows why a goal is missed: bench/profiles/NAME.md, written by bench/profile-NAME.js.
const PROFILES = "bench/profiles";
const PROFILE_ORDER = ["load", "change", "build"];
/** Which profile explains a goal, by the goal's label. */
const profileOf = (label) =>
  /^Navigation/.test(label) ? "load" : /^(Compile the|Cold site build|… the same with)/.test(label) ? "build" : /^(The full chapter|Idle-page|Slider)/.test(label) ? "change" : null;

/** The recorded profiles, by name, in reading order (those a run has not written yet are left out). */
async function readProfiles() {
  const dir = new URL(`../../${PROFILES}/`, import.meta.url);
  const names = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));
  names.sort((a, b) => (PROFILE_ORDER.indexOf(a) + 1 || 99) - (PROFILE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(new URL(`${name}.md`, dir), "utf8")])));
}
/** A profile's Markdown under this report's "Why" heading: its own headings one level down (its title a ###). */
const nested = (text) => text.trim().replace(/^(#{1,4}) /gm, (_, hashes) => `${"#".repeat(Math.min(hashes.length + 2, 6))} `);

/** Renders BENCHMARKS.md. */
export async function writeReport(r, file) {
  const fw = "framework";
  const nk = "notebookKit";
  const sl = r.sliders;
  const med = (s) => s?.median;
  const goals = [];
  for (const [regime, set] of [["idle page", sl], ["busy page", r.slidersBusy]]) {
    for (const s of ["w", "alpha"]) {
      const ours = med(set.ours[s].dom);
      const ratioFw = ratio(ours, med(set[fw][s].dom));
      goals.push([`Slider ${s === "w" ? "w" : "α"} → charts redrawn (DOM, ${regime}), median ≤ 16.7 ms and ≤ 0.8× Framework`, `${f1(ours)} ms vs ${f1(med(set[fw][s].dom))} ms, ${x2(ratioFw)}`, met(ours <= 1000 / 60 && ratioFw <= 0.8)]);
    }
  }
  const loadRatio = ratio(med(r.load.ours), med(r.load[fw]));
  const lp = r.loadProbe;
  const visibleRatio = ratio(med(lp?.ours.visible), med(lp?.[fw].visible));
  goals.push(["Navigation → every chart visible (first frame with every chart rendered), ≤ 0.3× Framework", `${f1(med(lp?.ours.visible))} ms vs ${f1(med(lp?.[fw].visible))} ms, ${x2(visibleRatio)}`, met(visibleRatio == null ? null : visibleRatio <= 0.3)]);
  const interactiveRatio = ratio(med(lp?.ours.interactive), med(lp?.[fw].interactive));
  goals.push(["Navigation → interactive (cells settled, a w change has redrawn its charts), ≤ 0.7× Framework", `${f1(med(lp?.ours.interactive))} ms vs ${f1(med(lp?.[fw].interactive))} ms, ${x2(interactiveRatio)}`, met(interactiveRatio == null ? null : interactiveRatio <= 0.7)]);
  goals.push(["Cumulative layout shift during load < 0.01 (worst load; Framework's beside it)", `${cls(lp?.ours.cls?.max)} (Framework ${cls(lp?.[fw].cls?.max)})`, met(lp ? lp.ours.cls.max < 0.01 : null)]);
  const bytesRatio = ratio(r.bytes.ours.gzip, r.bytes[fw].gzip);
  goals.push(["JS + CSS loaded by the worked example (gzip), ≤ 0.45× Framework", `${kib(r.bytes.ours.gzip)} KiB vs ${kib(r.bytes[fw].gzip)} KiB, ${x2(bytesRatio)}`, met(bytesRatio <= 0.45)]);
  for (const [key, label] of [["workedExample", "the worked example"], ["chapter", "the chapter"]]) {
    const c = r.compile[key];
    const cr = ratio(med(c?.ours.first), med(c?.baseline.first));
    goals.push([`Compile ${label} (cold), ≤ 2× markdown-it + KaTeX`, `${f1(med(c?.ours.first))} ms vs ${f1(med(c?.baseline.first))} ms, ${x2(cr)}`, met(cr == null ? null : cr <= 2)]);
  }
  goals.push(["Compile a 500-cell lesson (cold) < 1 s", `${f1(med(r.compile.cells500?.ours.first))} ms`, met(r.compile.cells500 ? med(r.compile.cells500.ours.first) < 1000 : null)]);
  const buildRatio = ratio(med(r.builds.ours), med(r.builds[fw]));
  goals.push(["Cold site build (prerendered, as `lesson build` does) ≤ 0.3× Framework", `${f1(med(r.builds.ours))} ms vs ${f1(med(r.builds[fw]))} ms, ${x2(buildRatio)}`, met(buildRatio == null ? null : buildRatio <= 0.3)]);
  const buildNoPreRatio = ratio(med(r.builds.oursNoPrerender), med(r.builds[fw]));
  goals.push(["… the same with `--no-prerender` ≤ 0.3× Framework", `${f1(med(r.builds.oursNoPrerender))} ms, ${x2(buildNoPreRatio)}`, met(buildNoPreRatio == null ? null : buildNoPreRatio <= 0.3)]);
  for (const [s, label] of [["w", "a w"], ["alpha", "an α"]]) {
    const dom = med(r.chapter?.sliders[s].dom);
    goals.push([`The full chapter: ${label} change replaces the DOM in ≤ 8 ms (median)`, `${f1(dom)} ms (next paint ${f1(med(r.chapter?.sliders[s].paint))} ms)`, met(dom == null ? null : dom <= 8)]);
  }
  const idleAlpha = ratio(med(sl.ours.alpha.dom), med(sl[fw].alpha.dom));
  goals.push(["Idle-page α slider ≤ 0.8× Framework (DOM replaced, median)", `${f1(med(sl.ours.alpha.dom))} ms vs ${f1(med(sl[fw].alpha.dom))} ms, ${x2(idleAlpha)}`, met(idleAlpha == null ? null : idleAlpha <= 0.8)]);
  const big = Math.max(...r.plan.growth);
  const bigBuild = med(r.growth[big]?.build);
  goals.push([`A ${big.toLocaleString("en")}-cell lesson builds (cold, prerendered) in < 10 s`, `${f1(bigBuild)} ms${r.growth[big]?.prerendered === false ? " (**not prerendered** in this run, see the notes)" : ""}`, met(bigBuild == null ? null : bigBuild < 10000)]);
  goals.push(["Save of the .md → open page updated < 200 ms (inputs kept)", r.save ? `${f1(med(r.save.ms))} ms${r.save.inputsKept ? ", slider kept" : ", **slider value lost**"}` : "failed (see notes)", met(r.save ? med(r.save.ms) < 200 && r.save.inputsKept : null)]);
  goals.push(["Hiker: no frame over 16.7 ms of script", `max ${f1(r.hiker?.script?.max)} ms of script in a frame; ${r.hiker?.overBudgetScript} of ${r.hiker?.frames} frames over 16.7 ms`, met(r.hiker ? r.hiker.overBudgetScript === 0 : null)]);

  const tc = r.typecheck;
  goals.push(["A reader who never edits loads no byte of the type checker (chapter)", tc ? `${tc.reader.checkerFiles} checker files of ${tc.reader.js.files + tc.reader.css.files} loaded (${kib(tc.reader.gzip)} KiB gzip in all)` : "failed (see notes)", met(tc ? tc.reader.checkerFiles === 0 : null)]);
  // A results.json from before the first edit was sampled several times holds one number.
  const firsts = typeof tc?.firstDiagnosticsMs === "number" ? summarize([tc.firstDiagnosticsMs]) : tc?.firstDiagnosticsMs;
  goals.push([`First edit → first diagnostics (chapter, median of ${firsts?.n ?? "–"} fresh browser${firsts?.n === 1 ? "" : "s"}) ≤ 1.5 s; the checker starts when the cursor goes in the code, the edit comes ${tc?.readingMs ?? "–"} ms later`, tc ? `${f1(med(firsts))} ms (min ${f1(firsts?.min)}, max ${f1(firsts?.max)}; typed at once after the click, fresh browser: ${f1(tc.coldFirstDiagnosticsMs)} ms)` : "failed (see notes)", met(tc ? med(firsts) <= 1500 : null)]);
  goals.push(["Keystroke → updated diagnostics (chapter), median ≤ 150 ms", tc ? `${f1(med(tc.keystrokeMs))} ms` : "failed (see notes)", met(tc ? med(tc.keystrokeMs) <= 150 : null)]);

  const sliderRows = (set) => {
    const rows = [];
    for (const s of ["w", "alpha"]) {
      for (const kind of ["dom", "paint"]) {
        const label = `${s === "w" ? "w" : "α"}, ${kind === "dom" ? "DOM replaced" : "next paint"}`;
        rows.push(`| ${label} | ${mmp(set.ours[s][kind])} | ${mmp(set[fw][s][kind])} | ${mmp(set[nk][s][kind])} | ${x2(ratio(med(set.ours[s][kind]), med(set[fw][s][kind])))} | ${x2(ratio(med(set.ours[s][kind]), med(set[nk][s][kind])))} |`);
      }
    }
    return rows.join("\n");
  };
  const bytesRow = (label, pick) => `| ${label} | ${["ours", fw, nk].map((k) => `${kib(pick(r.bytes[k]).raw)} / ${kib(pick(r.bytes[k]).gzip)}${pick(r.bytes[k]).files != null ? ` (${pick(r.bytes[k]).files} files${pick(r.bytes[k]).inline ? ` + ${pick(r.bytes[k]).inline} inline` : ""})` : ""}`).join(" | ")} | ${x2(ratio(pick(r.bytes.ours).gzip, pick(r.bytes[fw]).gzip))} |`;
  const compileRow = (label, c) => `| ${label} | ${mmm(c?.ours.first)} | ${mmm(c?.baseline?.first)} | ${x2(ratio(med(c?.ours.first), med(c?.baseline?.first)))} | ${mmm(c?.ours.warm)} | ${mmm(c?.baseline?.warm)} | ${x2(ratio(med(c?.ours.warm), med(c?.baseline?.warm)))} | ${f1(med(c?.ours.import))} / ${f1(med(c?.baseline?.import))} |`;
  const g = r.growth;
  const growthRows = r.plan.growth.map((n) => `| ${n} | ${mmm(g[n].compile.first)} | ${mmm(g[n].compile.warm)} | ${mmm(g[n].build)}${g[n].prerendered === false ? " (not prerendered)" : ""} | ${mmm(g[n].shown)} | ${mmm(g[n].load)} | ${mmp(g[n].slider.dom)} | ${mmp(g[n].slider.paint)} |`);
  const probeRow = (label, pick, format = mmm) => `| ${label} | ${["ours", fw, nk].map((k) => format(pick(lp?.[k]))).join(" | ")} | ${x2(ratio(med(pick(lp?.ours)), med(pick(lp?.[fw]))))} | ${x2(ratio(med(pick(lp?.ours)), med(pick(lp?.[nk]))))} |`;
  const clsCell = (s) => (s ? `${cls(s.min)} / **${cls(s.median)}** / ${cls(s.max)}` : "–");
  const shiftList = (k) => (lp?.[k]?.shifts?.length ? lp[k].shifts.map((s) => `${cls(s.value)} at ${f1(s.at)} ms (${s.sources.join(", ") || "?"})`).join("; ") : "none");
  const h = r.hiker;
  const method = await readFile(new URL(`../../${METHOD}`, import.meta.url), "utf8").catch(() => "");
  const analysis = await readFile(new URL(`../../${ANALYSIS}`, import.meta.url), "utf8").catch(() => "");
  const profiles = await readProfiles();
  // A missed goal links to the profile that says why.
  const goalRow = ([label, measured, verdict]) => {
    const why = !verdict.startsWith("❌") ? null : profileOf(label);
    return `| ${label} | ${measured} | ${why && profiles.has(why) ? `${verdict} ([why](#why-${why}))` : verdict} |`;
  };
  const whySection = profiles.size === 0 ? "" : `## Why a goal is missed: the profiles

Each profile below was recorded by its own script on the same code as the run above (not in the same run:
a profile slows what it watches); its command, date and load are in it. \`bench/profiles/\` holds them.

${[...profiles].map(([name, text]) => `<a id="why-${name}"></a>\n\n${nested(text)}`).join("\n\n")}

`;

  const md = `# Benchmarks

live-lesson against **Observable Framework 1.13.4** and **Observable Notebook Kit 2.1.8**, on the same
page (the chapter's worked example), measured in one run by \`bench/run.js\`. Rerun it:

\`\`\`sh
${r.command}
\`\`\`

- **Date:** ${r.date} (run took ${r.durationS.toFixed(0)} s${r.quick ? "; `--quick`: fewer repetitions" : ""})
- **Machine:** ${r.machine.cpus}; ${r.machine.memory}; load average at start ${r.machine.loadavg} (the machine is shared: figures are noisy, ratios are from the same run)
- **Software:** ${r.machine.os}; Node ${r.machine.node}; npm ${r.machine.npm}; ${r.machine.chromium} (headless, through playwright-core)
- **Repetitions:** ${r.plan.builds} cold build(s) per system, ${r.plan.loads + 1} cold loads per system (the last one opens the page for the slider timings), ${r.plan.changes} changes per slider per system (after 3 uncounted), ${r.plan.compileReps} fresh processes per compile figure
${r.notes.map((n) => `- **Note:** ${n}`).join("\n")}

Every cell below is **min / median / max** (slider and frame figures: min / median / p95 / max), in ms
unless marked; ratios are medians of live-lesson over the peer's, from this run.

## Goals

| goal | measured | |
| --- | --- | --- |
${goals.map(goalRow).join("\n")}

## Interaction: slider input → every dependent chart redrawn

The worked example; the w slider redraws 2 charts, α redraws 2 charts and the step table (30 rows).

**Idle page** (the three pages changed in turn, so each is idle between its changes):

| change | live-lesson | Framework | Notebook Kit | ours / Framework | ours / Notebook Kit |
| --- | --- | --- | --- | --- | --- |
${sliderRows(sl)}

**Busy page** (${r.plan.changes} changes back to back on one page, each as soon as the previous one
painted, system after system; the way \`bench/peers/framework/verify.mjs\` measures):

| change | live-lesson | Framework | Notebook Kit | ours / Framework | ours / Notebook Kit |
| --- | --- | --- | --- | --- | --- |
${sliderRows(r.slidersBusy)}

The two regimes differ by the runtime's wait for an animation frame: on an idle page Chromium runs
a requested frame almost at once, on a busy page the next frame is most of a frame away. The
peers pay that wait on every change; live-lesson does not wait (see the changes below), so in the
idle regime the three systems time the same Plot and Inputs code and differ only by runtime overhead.

## Load (cold profile)

The worked example, each load in a fresh Chromium profile, systems interleaved
(\`bench/lib/loadProbe.js\`): *every chart visible* is the first animation frame in which the four
charts and the table are rendered (live-lesson's are in the prerendered HTML); *interactive* is when
a w change, made as soon as the page looks settled, has redrawn its two charts; *layout shift* is
the sum of the browser's \`layout-shift\` entries up to that change. *All charts in the DOM* is the
older figure (the first mutation after which the charts are in the document, drawn or not).

| | live-lesson | Framework | Notebook Kit | ours / Framework | ours / Notebook Kit |
| --- | --- | --- | --- | --- | --- |
${probeRow("navigation → every chart visible", (p) => p?.visible)}
${probeRow("navigation → interactive", (p) => p?.interactive)}
${probeRow("first contentful paint", (p) => p?.fcp)}
| cumulative layout shift during load | ${clsCell(lp?.ours.cls)} | ${clsCell(lp?.[fw].cls)} | ${clsCell(lp?.[nk].cls)} | | |
| all charts in the DOM | ${mmm(r.load.ours)} | ${mmm(r.load[fw])} | ${mmm(r.load[nk])} | ${x2(loadRatio)} | ${x2(ratio(med(r.load.ours), med(r.load[nk])))} |

What moved during the load with the largest shift: live-lesson ${shiftList("ours")}; Framework ${shiftList(fw)}; Notebook Kit ${shiftList(nk)}.

JavaScript and CSS the page loaded (KiB raw / KiB gzip -9): the files requested, and the text of every \`<script>\` and \`<style>\` inlined in the HTML (each gzipped on its own); the rest of the HTML document and the fonts are not counted:

| | live-lesson | Framework | Notebook Kit | ours / Framework (gzip) |
| --- | --- | --- | --- | --- |
${bytesRow("JavaScript", (b) => b.js)}
${bytesRow("CSS", (b) => b.css)}
${bytesRow("total", (b) => b)}

## Compile

Time for one lesson's first compile in a fresh Node process (cold), and the median of further
compiles in that process (warm: KaTeX and highlighting caches hot), against markdown-it + KaTeX
alone rendering the same text (\`bench/lib/compile-child.js\`). Import time (loading the compiler:
ours is the compiled package, lib/compile/, with no TypeScript loader) is listed apart.

| lesson | ours, cold | markdown-it + KaTeX, cold | ratio | ours, warm | md + KaTeX, warm | ratio | import, ours / md + KaTeX |
| --- | --- | --- | --- | --- | --- | --- | --- |
${compileRow("worked example (16 cells)", r.compile.workedExample)}
${compileRow("the chapter (derivatives-and-gradients.md)", r.compile.chapter)}
${compileRow("generated, 500 cells", r.compile.cells500)}

Cold site build (a new process running the compiled package as an installed one does, output
folder and the type check's cached answers removed; wall clock; \`lesson build\` prerenders by default):

| | live-lesson | Framework | Notebook Kit | ours / Framework | ours / Notebook Kit |
| --- | --- | --- | --- | --- | --- |
| the worked example | ${mmm(r.builds.ours)} | ${mmm(r.builds[fw])} | ${mmm(r.builds[nk])} | ${x2(buildRatio)} | ${x2(ratio(med(r.builds.ours), med(r.builds[nk])))} |
| the worked example, \`--no-prerender\` | ${mmm(r.builds.oursNoPrerender)} | | | ${x2(buildNoPreRatio)} | |
| the worked example rebuilt, the type check's answers kept by the build before (not cold) | ${mmm(r.builds.oursRebuild)} | | | ${x2(ratio(med(r.builds.oursRebuild), med(r.builds[fw])))} | |
| lessons/ (chapter + authoring guide) | ${mmm(r.builds.chapterSite)} | | | | |

## The full chapter (live-lesson only)

The peers have the worked example alone, so the chapter (≈80 cells, the Hiker, three sliders per
section) is reported on its own: load → every cell settled ${mmm(r.chapter?.load)}; JS + CSS
${kib(r.chapter?.bytes.raw)} KiB raw / ${kib(r.chapter?.bytes.gzip)} KiB gzip (${r.chapter ? r.chapter.bytes.js.files + r.chapter.bytes.css.files : "–"} files).

| change | DOM replaced | next paint |
| --- | --- | --- |
| w (2 charts) | ${mmp(r.chapter?.sliders.w.dom)} | ${mmp(r.chapter?.sliders.w.paint)} |
| α (2 charts) | ${mmp(r.chapter?.sliders.alpha.dom)} | ${mmp(r.chapter?.sliders.alpha.paint)} |

## Authoring and editing

| | min / median / max |
| --- | --- |
| save of the .md (dev server) → the changed cell's output in the open page (${r.plan.saves} saves; slider ${r.save?.inputsKept ? "kept its value" : "**lost its value**"}) | ${mmm(r.save?.ms)} |
| edit run in the page (Shift-Enter in the \`steps\` cell's editor) → 2 charts + table redrawn, DOM; first run | ${f1(r.edit?.first?.domMs)} (loads the compiler chunk) |
| … later runs, DOM replaced | ${mmm(r.edit?.dom)} |
| … later runs, next paint | ${mmm(r.edit?.paint)} |

Type checking while editing (the chapter, built site; \`bench/lib/typecheck.js\`): a reader loads the
page, moves both sliders and opens the \`steps\` cell's editor without putting the cursor in it; then
puts the cursor at the end of that cell (the checker starts), types \`x\` ${tc?.readingMs ?? "–"} ms later (a name that
does not exist), and ${tc?.keystrokeMs?.n ?? "–"} keystrokes alternate Backspace and
\`x\`, each timed from keydown to the checker's answer that leaves the marks under the code right.
The \`steps\` cell is read by most of the chapter's charts: the answer timed is the edited cell's own
check; the cells that read it are checked right after (see the method).

| | |
| --- | --- |
| JS + CSS a reader who never edits loads (KiB raw / gzip; checker files among them) | ${tc ? `${kib(tc.reader.raw)} / ${kib(tc.reader.gzip)} (${tc.reader.checkerFiles})` : "–"} |
| the checker: its chunk and worker (TypeScript, the declarations, the service), KiB raw / gzip | ${tc ? `${kib(tc.checker.raw)} / ${kib(tc.checker.gzip)} (${tc.checker.files} files)` : "–"} |
| first edit → first diagnostics (the checker started at the click ${tc?.readingMs ?? "–"} ms before; ${firsts?.n ?? "–"} fresh browser${firsts?.n === 1 ? "" : "s"}, min / median / max) | ${mmm(firsts)} |
| … typed at once after the click, in a fresh browser (cold: download, start TypeScript, first check) | ${f1(tc?.coldFirstDiagnosticsMs)} |
| keystroke → updated diagnostics (warm) | ${mmp(tc?.keystrokeMs)} |

The Gradient Descent Hiker (chapter page, built site), ${h?.frames ?? "–"} frames while SGD, Momentum and
Adam animate ${h?.steps ?? "–"} steps, from a Chromium trace of the page's main thread (see the method):

| per frame | min / median / p95 / max | frames over 16.7 ms |
| --- | --- | --- |
| script (rAF callbacks, the microtasks in which the runtime recomputes, events) | ${mmp(h?.script)} | ${h?.overBudgetScript ?? "–"} |
| rendering (style, layout, paint, commit) | ${mmp(h?.render)} | |
| main thread busy (every task) | ${mmp(h?.busy)} | ${h?.overBudgetBusy ?? "–"} |
| interval between frames | ${mmp(h?.interval)} | |

## Growth: one slider and N dependent cells

Generated lessons (\`bench/lib/growth.js\`): a slider \`x\`, then N cells \`x * i + 0.5\` with a line of
prose and a formula each. Compile in a fresh process; load → every cell settled (cold profile);
each lesson built alone (cold, prerendered); load → the first frame showing every cell's output
(prerendered: the first frame) and → every cell settled (cold profile); slider → every cell's
output rewritten.

| cells | compile, cold | compile, warm | build, cold | load → every output shown | load → every cell settled | slider, DOM (min/med/p95/max) | slider, next paint |
| --- | --- | --- | --- | --- | --- | --- | --- |
${growthRows.join("\n")}

![compile, build, load and slider time against the number of cells (log-log)](bench/growth.svg)

${whySection}${method}
${analysis}`;
  await writeFile(file, md);
}
