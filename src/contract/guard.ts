// The loop guard's constants, shared by the compile-time transform that inserts the guard calls
// and the runtime function they call (neither imports the other).

/** The name of the guard function instrumented code calls. */
export const GUARD_NAME = "__guard";

/** The budget of one uninterrupted stretch of a cell, in milliseconds. */
export const GUARD_BUDGET_MS = 1000;

/** The message a stopped cell shows. */
export const STOP_MESSAGE = "Stopped: this cell ran for more than 1 s (an endless loop?)";

/** The message a cell that overflowed the call stack shows. */
export const RECURSION_MESSAGE =
  "Stopped: this cell recursed too deeply (a function that calls itself without end?)";
