// Opening a share link: decode and validate it, show what it would change, and apply it only if
// the reader agrees. Nothing from the link runs before that, and the hash is cleared either way.
// A page inside a frame answers no link at all.

import type { LessonApi } from "../runtime/types.ts";
import type { SharedChanges } from "./askToRunShared.ts";
import { collectInputs } from "./collectInputs.ts";
import { isSameCode } from "./isSameCode.ts";
import { isShareHash } from "./sharedValue.ts";

/** What answering a link needs from the page. */
export interface ShareTarget {
  doc: Document;
  lessonKey: string;
  api: LessonApi;
  /** The editable cells by id: their line in the .md file and the code they show now. */
  cells: Map<string, { line: number; text: string }>;
  /** The names of the lesson's inputs (the only names a link may set). */
  inputNames: string[];
  /** Puts `source` in the cell and runs it (saving it); resolves false when it failed. */
  apply(id: string, source: string): Promise<boolean>;
  notify(text: string): void;
}

/** Answers the share link in the page's URL, if there is one. */
export async function answerShareLink(target: ShareTarget): Promise<void> {
  const { doc, api, notify } = target;
  const window = doc.defaultView;
  if (!window || !isShareHash(window.location.hash)) return;
  if (isFramed(window)) {
    // Another site can frame the page invisibly and catch a click meant for its own button
    // (a <meta> policy cannot forbid framing): the dialog is only ever shown in a tab of its own.
    notify("This page is inside a frame, so it runs no code from a share link. Open the link in a tab of its own.");
    return;
  }
  const hash = window.location.hash;
  const clearHash = () => window.history.replaceState(null, "", window.location.pathname + window.location.search);

  // The codec and the dialog load only when a link is there.
  const { decodeShare } = await import("./share.ts");
  const decoded = decodeShare(hash, target.lessonKey);
  if (!decoded.ok) {
    clearHash();
    notify(`${decoded.reason} Nothing from it was run.`);
    return;
  }
  const changes: SharedChanges = { cells: [], inputs: [], ignored: [] };
  const edits: [string, string][] = [];
  for (const [id, source] of Object.entries(decoded.state.cells)) {
    const cell = target.cells.get(id);
    if (!cell) changes.ignored.push(`a cell this lesson does not have (${id})`);
    else if (!isSameCode(source, cell.text)) {
      changes.cells.push({ line: cell.line, before: cell.text, after: source });
      edits.push([id, source]);
    }
  }
  const inputNames = new Set(target.inputNames);
  const values = await collectInputs(api, [...inputNames]);
  for (const [name, value] of Object.entries(decoded.state.inputs)) {
    if (!inputNames.has(name)) changes.ignored.push(`an input this lesson does not have (${name})`);
    else if (JSON.stringify(values[name]) !== JSON.stringify(value)) changes.inputs.push({ name, value });
  }
  if (changes.cells.length === 0 && changes.inputs.length === 0) {
    clearHash();
    notify("This share link changes nothing here.");
    return;
  }

  const { askToRunShared } = await import("./askToRunShared.ts");
  const agreed = await askToRunShared(doc, changes);
  clearHash();
  if (!agreed) {
    notify("The shared code was not run.");
    return;
  }
  // Cells first: an input may be defined by an edited cell.
  const results = await Promise.all(edits.map(([id, source]) => target.apply(id, source)));
  for (const { name, value } of changes.inputs) {
    results.push(await api.set(name, value).then(() => true, () => false));
  }
  notify(results.every(Boolean) ? "Applied the shared edits." : "Applied the shared edits; some have errors, shown in place.");
}

/** True when the page is not the top-level page of its tab (a cross-origin top throws on some reads: framed too). */
function isFramed(window: Window): boolean {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
}
