// The custom events between the dev server and its pages (Vite's HMR channel). Constants only, so
// the server side (src/vite/reportTypeWarnings.ts) imports them without loading the runtime.
import type { Diagnostic } from "../contract/diagnostic.ts";

/** Server → page: a lesson's type warnings. */
export const typeWarningsEvent = "live-lesson:type-warnings";
/** Page → server, once per page: "send me my lesson's type warnings". */
export const typeCheckRequestEvent = "live-lesson:type-check";

/** What typeWarningsEvent carries: `file` as the lesson module names it (from the lessons folder). */
export interface TypeWarnings {
  file: string;
  diagnostics: Diagnostic[];
}
