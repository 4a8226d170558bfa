// The "Share" button: a link with the reader's edits and input values (never what a password field
// holds), shown with what it carries, and copied.

import { findInputNames, findSecretInputs } from "./collectInputs.ts";
import type { EditorState } from "./editorState.ts";
import { findCurrentDefinitions } from "./findCurrentDefinitions.ts";
import { makeShareLink, type ShareLink } from "./makeShareLink.ts";
import { notifyReader } from "./notifyReader.ts";

/** Makes a share link of the edits of cells in the page, shows it in the bar and copies it; undefined when too large. */
export async function shareEdits(state: EditorState): Promise<string | undefined> {
  const { saved, doc } = state;
  const cells = Object.fromEntries([...state.slots.keys()].flatMap((id) => (saved.cells[id] ? [[id, saved.cells[id]!.source]] : [])));
  const window = doc.defaultView!;
  const definitions = findCurrentDefinitions(state);
  const link = await makeShareLink(window.location.href, state.lessonKey, cells, state.handle.api, findInputNames(definitions), findSecretInputs(state.root, definitions));
  if (!link) {
    notifyReader(state, "Your edits are too large to fit in a link.");
    return undefined;
  }
  state.bar.showLink(link.url, describeLink(link, state));
  try {
    await window.navigator.clipboard.writeText(link.url);
    notifyReader(state, "Share link copied.");
  } catch {
    notifyReader(state, "Copy the share link from the field above.");
  }
  return link.url;
}

/** What the link carries, in a sentence: the reader should know what they hand over. */
function describeLink(link: ShareLink, state: EditorState): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = Object.keys(link.cells).map((id) => state.slots.get(id)?.author.line).filter((line) => line !== undefined);
  const cells = lines.length ? `your code for ${count(lines.length, "cell")} (line${lines.length === 1 ? "" : "s"} ${lines.join(", ")})` : "no code";
  const inputs = Object.entries(link.inputs);
  const values = inputs.length ? `${count(inputs.length, "input value")}: ${inputs.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(", ")}` : "no input values";
  // A cell showing a password field has all its names left out: which of them holds the secret is
  // not known, and leaving out too much is the safe side.
  const left = link.secret.length ? ` Left out, from a cell with a password field: ${link.secret.join(", ")}.` : "";
  return `This link carries ${cells} and ${values}.${left}`;
}
