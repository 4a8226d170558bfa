// The worker's half of a run: the lesson mounted by the page's own runtime (mountLesson) on the
// page's own cell definitions, in happy-dom; then its settled DOM and the probes' values.
// Imported only once installDom() has set up the globals: @observablehq/runtime picks its frame
// scheduler (requestAnimationFrame) when it loads.
import { createGuard } from "../runtime/deadline.ts";
import { mountLesson } from "../runtime/mountLesson.ts";
import type { CellDefinition, CellState, LessonModule, LibrarySubset } from "../runtime/types.ts";
import { findLibraryBuiltins } from "../contract/builtins.ts";
import { createRoot } from "./installDom.ts";
import { snapshotLesson, waitForStillness } from "./snapshotLesson.ts";
import { findOutsideReaders } from "./findStaticOutputs.ts";
import { toClonable } from "./toClonable.ts";
import type { ProbeResult, RunJob, RunResult } from "./types.ts";

/** Runs `job`; `onStatus` hears every cell's status change as it happens (the caller's record if the run is killed). */
export async function executeJob(job: RunJob, onStatus: (state: CellState) => void): Promise<Pick<RunResult, "html" | "outputs" | "cells" | "probes" | "staticOutputs" | "listeningOutputs">> {
  // d3 is loaded only when a seed asks for it: most runs need no PRNG, and every run pays its start-up.
  const randomLcg = job.seed !== undefined || job.probes.some((probe) => probe.seed !== undefined) ? (await import("d3")).randomLcg : undefined;
  if (job.seed !== undefined) Math.random = randomLcg!(job.seed);
  const module: LessonModule = {
    file: job.file,
    title: job.title,
    html: job.html,
    diagnostics: job.diagnostics,
    cells: defineCells(job, randomLcg),
    modules: Object.fromEntries(
      Object.entries(job.modules).map(([specifier, found]) => [specifier, "url" in found ? () => import(found.url) : () => Promise.reject(new Error(found.error))]),
    ),
    libraries: findNodeLibraries(),
  };
  const handle = mountLesson(module, createRoot(job.width));
  // Every cell is pending from here; the caller hears it before any body runs (they run later).
  for (const state of handle.api.cells()) onStatus(state);
  handle.onStatus(onStatus);
  await handle.api.idle();
  const root = document.getElementById("lesson")!;
  await waitForStillness(root, job.animationMs);
  await handle.api.idle();

  const probeIds = new Set(job.probes.map((probe) => probe.id));
  const states = handle.api.cells();
  const probes: Record<string, ProbeResult> = {};
  for (const probe of job.probes) {
    const state = states.find((s) => s.id === probe.id);
    if (state?.status !== "fulfilled") {
      probes[probe.name] = { ok: false, error: state?.error ?? "the probe did not settle" };
      continue;
    }
    try {
      probes[probe.name] = { ok: true, value: toClonable(await handle.api.value(probe.variable)) };
    } catch (error) {
      probes[probe.name] = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const { html, outputs, staticOutputs } = snapshotLesson(root, probeIds, { disableControls: job.prerender });
  const outsideReaders = findOutsideReaders(module.cells);
  const still = new Set(staticOutputs);
  return {
    html,
    outputs,
    staticOutputs: staticOutputs.filter((id) => !outsideReaders.has(id)),
    listeningOutputs: Object.keys(outputs).filter((id) => !still.has(id) && !outsideReaders.has(id)),
    cells: states.filter((state) => !probeIds.has(state.id)),
    probes,
  };
}

/**
 * The page's cell definitions: renderCells' source evaluated as the page module evaluates it (a
 * module is strict code). Each guarded cell gets its own guard, as in the page, which also records
 * in `job.running` which cell's body started last: the cell to blame if the run has to be killed.
 */
function defineCells(job: RunJob, randomLcg?: (seed: number) => () => number): CellDefinition[] {
  const running = new Int32Array(job.running);
  let created = 0;
  // The budget is the one the page's cell source asks for (an author cell's), so errors match.
  const createTrackingGuard = (budget?: number) => {
    const index = ++created;
    const guard = createGuard(budget);
    return (start?: boolean) => {
      if (start) Atomics.store(running, 0, index);
      guard(start);
    };
  };
  const cells = new Function("createGuard", `"use strict";\nreturn ${job.cells};`)(createTrackingGuard) as CellDefinition[];
  for (const probe of job.probes) {
    const cell = cells.find((c) => c.id === probe.id);
    if (!cell || probe.seed === undefined) continue;
    // A probe has no .md line to map an error to, so wrapping its body costs nothing.
    const { seed } = probe;
    const body = cell.body as (...args: unknown[]) => unknown;
    // Seeded for the probe's own synchronous run only: the cells around it keep their stream.
    cell.body = function (this: unknown, ...args: unknown[]) {
      const random = Math.random;
      Math.random = randomLcg!(seed);
      try {
        return body.apply(this, args);
      } finally {
        Math.random = random;
      }
    } as CellDefinition["body"];
  }
  return cells;
}

/**
 * Inputs loaded straight from its package through the runtime's LessonModule.libraries (the
 * mechanism built pages use for library subsets): the runtime's own loader also imports Inputs'
 * stylesheet, which Node cannot import and a DOM without layout has no use for. The other library
 * builtins load as the runtime loads them. `members` is left empty: it only matters to
 * provideLibrary, for in-page edits, and nothing edits a cell here.
 */
function findNodeLibraries(): Record<string, LibrarySubset> {
  const [, inputs] = findLibraryBuiltins().find(([name]) => name === "Inputs")!;
  return { Inputs: { members: [], load: () => import(inputs.package) } };
}
