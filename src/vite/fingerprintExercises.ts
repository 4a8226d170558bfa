// The fingerprints a page's exercises are checked against, computed with the Node runner when the
// page module is made (dev and build), and kept while the lesson's cells and exercises are unchanged.

import type { Lesson } from "../compile/index.ts";
import type { Diagnostic } from "../contract/diagnostic.ts";
import { runExercises, type FingerprintOutcome } from "../check/runExercises.ts";

const cache = new Map<string, { key: string; report: Promise<{ fingerprints: Map<string, FingerprintOutcome>; diagnostics: Diagnostic[] }> }>();

type Report = { fingerprints: Map<string, FingerprintOutcome>; diagnostics: Diagnostic[]; complete?: Promise<unknown> };

/**
 * Each exercise's fingerprint (or why there is none) and the problems running them found. With
 * `waitMs` (the dev server), a computation that takes longer gives a page whose exercises say to
 * reload in a moment, and goes on for the next request, so a page never waits long on the runner.
 */
export async function fingerprintExercises(lesson: Lesson, path: string, file: string, waitMs?: number): Promise<Report> {
  const report = startFingerprints(lesson, path, file);
  if (waitMs === undefined) return report;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Promise<Report>((resolve) => {
    timer = setTimeout(() => resolve({
      fingerprints: new Map(lesson.exercises.map((e) => [e.id, { fingerprint: null, unavailable: "its answers are still being computed; reload the page in a few seconds" }])),
      diagnostics: [],
      complete: report,
    }), waitMs);
  });
  try {
    return await Promise.race([report, pending]);
  } finally {
    clearTimeout(timer);
  }
}

function startFingerprints(lesson: Lesson, path: string, file: string): Promise<Report> {
  if (!lesson.exercises.length) return Promise.resolve({ fingerprints: new Map(), diagnostics: [] });
  // Every cell's source counts: the check runs with every other cell at its default.
  const key = JSON.stringify([lesson.cells.map((cell) => cell.source), lesson.exercises]);
  const cached = cache.get(path);
  if (cached?.key === key) return cached.report;
  const report = runExercises(lesson, { path, file }).catch((error: unknown) => {
    const why = `the lesson runner failed: ${error instanceof Error ? error.message : String(error)}`;
    return {
      fingerprints: new Map(lesson.exercises.map((e) => [e.id, { fingerprint: null, unavailable: why }])),
      diagnostics: [{ severity: "error" as const, code: "exercise", message: why, line: lesson.exercises[0].line, column: 1 }],
    };
  });
  cache.set(path, { key, report });
  return report;
}
