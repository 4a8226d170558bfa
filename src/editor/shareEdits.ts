// The "Share" button: a link with the reader's edits and input values, shown and copied.

import { findInputNames } from "./collectInputs.ts";
import type { EditorState } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { makeShareLink } from "./makeShareLink.ts";
import { notifyReader } from "./notifyReader.ts";

/** Makes a share link of the edits of cells in the page, shows it in the bar and copies it; undefined when too large. */
export async function shareEdits(state: EditorState): Promise<string | undefined> {
  const { saved, doc } = state;
  const cells = Object.fromEntries([...state.slots.keys()].flatMap((id) => (saved.cells[id] ? [[id, saved.cells[id]!.source]] : [])));
  const window = doc.defaultView!;
  const url = await makeShareLink(window.location.href, state.lessonKey, cells, state.handle.api, findInputNames(findCurrentDefinitions(state)));
  if (!url) {
    notifyReader(state, "Your edits are too large to fit in a link.");
    return undefined;
  }
  state.bar.showLink(url);
  try {
    await window.navigator.clipboard.writeText(url);
    notifyReader(state, "Share link copied.");
  } catch {
    notifyReader(state, "Copy the share link from the field above.");
  }
  return url;
}
