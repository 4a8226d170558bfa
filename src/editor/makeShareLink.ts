// Making a share link: the edited cells and the inputs' current values, in the URL's hash.

import type { LessonApi } from "../runtime/types.ts";
import { collectInputs } from "./collectInputs.ts";

/** The link for the page at `href` with `cells` (sources by cell id) and the current input values; undefined when too large. */
export async function makeShareLink(
  href: string,
  lessonKey: string,
  cells: Record<string, string>,
  api: LessonApi,
  inputNames: string[],
): Promise<string | undefined> {
  const inputs = await collectInputs(api, inputNames);
  const { encodeShare } = await import("./share.ts");
  const hash = encodeShare({ v: 1, lesson: lessonKey, cells, inputs });
  return hash && href.split("#")[0] + hash;
}
