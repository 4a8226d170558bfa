// Making a share link: the edited cells and the inputs' current values, in the URL's hash. Secrets
// (what a password field holds) stay out, and the link says what it carries.

import type { LessonApi } from "../runtime/types.ts";
import { collectInputs } from "./collectInputs.ts";
import type { SharedValue } from "./sharedValue.ts";

/** A link and what it carries. */
export interface ShareLink {
  url: string;
  cells: Record<string, string>;
  inputs: Record<string, SharedValue>;
  /** Inputs left out because they are secret. */
  secret: string[];
}

/**
 * The link for the page at `href` with `cells` (sources by cell id) and the current values of the
 * inputs named, `secret` ones left out; undefined when too large.
 */
export async function makeShareLink(
  href: string,
  lessonKey: string,
  cells: Record<string, string>,
  api: LessonApi,
  inputNames: string[],
  secret: ReadonlySet<string> = new Set(),
): Promise<ShareLink | undefined> {
  const inputs = await collectInputs(api, inputNames.filter((name) => !secret.has(name)));
  const { encodeShare } = await import("./share.ts");
  const hash = encodeShare({ v: 1, lesson: lessonKey, cells, inputs });
  return hash ? { url: href.split("#")[0] + hash, cells, inputs, secret: inputNames.filter((name) => secret.has(name)) } : undefined;
}
