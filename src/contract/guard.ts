// The loop guard's constants, shared by the compile-time transform that inserts the guard calls
// and the runtime function they call (neither imports the other).

/** The name of the guard function instrumented code calls. */
export const GUARD_NAME = "__guard";

/** The budget of one uninterrupted stretch of a reader's edit, in milliseconds. */
export const GUARD_BUDGET_MS = 1000;

/**
 * The budget of one uninterrupted stretch of an author's cell, in milliseconds. Larger than an
 * edit's: the author's cells are trusted and checked by `lesson check`'s headless run, so the guard
 * only catches an author's mistake while writing, and legitimate bounded work (the chapter's Hiker)
 * must not be stopped merely because a student's laptop or a loaded machine is several times slower.
 */
export const AUTHOR_GUARD_BUDGET_MS = 5000;

/** The message a cell stopped after `budgetMs` shows. */
export function stopMessage(budgetMs: number): string {
  return `Stopped: this cell ran for more than ${budgetMs / 1000} s (an endless loop?)`;
}

/** The message a stopped edit shows. */
export const STOP_MESSAGE = stopMessage(GUARD_BUDGET_MS);

/** The message a cell that overflowed the call stack shows. */
export const RECURSION_MESSAGE =
  "Stopped: this cell recursed too deeply (a function that calls itself without end?)";
