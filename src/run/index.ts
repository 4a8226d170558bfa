// The Node-side lesson runner: a compiled lesson's cells run as its page runs them, in a worker.

export { runLesson, RunnerUnavailableError, DEFAULT_TIMEOUT_MS, DEFAULT_START_TIMEOUT_MS } from "./runLesson.ts";
export { READING_WIDTH, type Probe, type ProbeResult, type RunOptions, type RunResult } from "./types.ts";
export type { Described } from "./toClonable.ts";
export { prerenderLesson, findLeftOut, type LeftOut, type Prerendered } from "./prerenderLesson.ts";
