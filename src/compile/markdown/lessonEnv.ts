// The per-compile state the markdown-it rules share through `env` (markdown-it's convention).

import type { Cell, Diagnostic } from "../types.ts";

/** What the rules of one compile read and write. */
export interface LessonEnv {
  /** The .md file's lines, normalized like markdown-it's input (LF, NUL → U+FFFD). */
  lines: string[];
  diagnostics: Diagnostic[];
  cells: Cell[];
  /** Cache for the inline math rule: the unescaped `$` offsets of the inline text last seen. */
  mathSource?: string;
  mathDollars?: number[];
  /** The inline text in which a `${` was left unclosed: later `${` in it are plain text. */
  unclosedSource?: string;
}

/** The lesson state in a markdown-it `env` (markdown-it types env loosely). */
export function readEnv(env: object): LessonEnv {
  return env as LessonEnv;
}
