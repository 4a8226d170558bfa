// The headless run of `lesson check`: serve each folder of lessons (with the server the caller
// passes: the CLI gives the Vite dev server, so check/ does not depend on vite/), open each lesson
// in Chromium, wait until no cell is pending, and report every cell that failed at its line.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { chromium as playwright, type BrowserContext, type Page } from "playwright-core";
import type { Lesson } from "../compile/index.ts";
import type { Problem } from "../contract/diagnostic.ts";
import type { CellState, LessonApi } from "../runtime/types.ts";
import type { CheckedLesson } from "./checkLesson.ts";
import { findChromium } from "./findChromium.ts";
import { reportCells } from "./reportCells.ts";
import { waitToSettle } from "./waitToSettle.ts";

/**
 * How long a lesson may take to start; then how long its cells may go without one settling (and the page
 * without a file arriving) before the pending ones are reported, and the longest wait in all.
 */
const startTimeout = 20_000;
const settleQuiet = 15_000;
const settleCap = 60_000;

const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** A site serving a folder of lessons: its URL (ending in "/"; `<slug>.html` is a lesson's page). */
export interface LessonServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a server on a folder of lessons. */
export type ServeLessons = (folder: string) => Promise<LessonServer>;

/**
 * Runs each compiled lesson in headless Chromium (findChromium: CHROMIUM_PATH, else a usual place) and
 * reports the cells that reject (code "runtime", error) and the ones still pending (warning).
 * Cells that only fail because a cell they read failed, or that the compiler already rejected,
 * are left out: the first failure is the one to fix.
 */
export async function runLessons(checked: readonly CheckedLesson[], serve: ServeLessons): Promise<Problem[]> {
  const runnable = checked.filter((c): c is CheckedLesson & { lesson: Lesson } => c.lesson !== undefined);
  if (!runnable.length) return [];
  const chromium = findChromium();
  if ("missing" in chromium) {
    return [{ file: "lesson check", line: 0, column: 0, severity: "error", code: "runtime", message: `cannot run the lessons headless: ${chromium.missing}` }];
  }
  const executablePath = chromium.path;
  const profile = await mkdtemp(join(tmpdir(), "live-lesson-check-"));
  let context: BrowserContext | undefined;
  const problems: Problem[] = [];
  try {
    context = await playwright.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs });
    const byFolder = new Map<string, typeof runnable>();
    for (const c of runnable) {
      const folder = dirname(resolve(c.file));
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), c]);
    }
    for (const [folder, lessons] of byFolder) {
      const server = await serve(folder);
      try {
        for (const c of lessons) {
          const page = await context.newPage();
          try {
            problems.push(...(await runLesson(page, `${server.url}${basename(c.file, ".md")}.html`, c)));
          } finally {
            await page.close();
          }
        }
      } finally {
        await server.close();
      }
    }
  } catch (error) {
    problems.push({ file: "lesson check", line: 0, column: 0, severity: "error", code: "runtime", message: `the headless run failed: ${(error as Error).message}` });
  } finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
  }
  return problems;
}

/** Opens one lesson, lets it settle and turns its failed cells into problems. */
async function runLesson(page: Page, url: string, { file, lesson }: CheckedLesson & { lesson: Lesson }): Promise<Problem[]> {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  let lastResponse = -Infinity;
  page.on("requestfinished", () => (lastResponse = Date.now()));
  const failed = (message: string): Problem[] => [{ file, line: 1, column: 1, severity: "error", code: "runtime", message }];
  const response = await page.goto(url).catch((error: Error) => error);
  if (response instanceof Error || !response?.ok()) {
    return failed(`the lesson page did not load (${response instanceof Error ? response.message : `HTTP ${response?.status()}`})`);
  }
  try {
    // Not just `"lesson" in window`: an element with id="lesson" is window.lesson until the runtime starts.
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: Partial<LessonApi> }).lesson?.idle === "function", undefined, {
      timeout: startTimeout,
    });
  } catch {
    return failed(`the lesson did not start within ${startTimeout / 1000} s${pageErrors.length ? `: ${pageErrors[0]}` : ""}`);
  }
  const look = (slice: number) =>
    page.evaluate(async (slice) => {
      const api = (window as unknown as { lesson: LessonApi }).lesson;
      const idle = await Promise.race([api.idle().then(() => true), new Promise<boolean>((done) => setTimeout(done, slice, false))]);
      return { idle, states: api.cells() as CellState[] };
    }, slice);
  const { states, waited } = await waitToSettle(look, { quiet: settleQuiet, cap: settleCap, lastActivity: () => lastResponse });
  return reportCells(file, lesson, states, waited);
}
