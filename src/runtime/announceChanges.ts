// Announces what a reader's input changed, politely: once an input settles, the sentences whose
// inline `${…}` values changed are read out through one `aria-live="polite"` region. The prose
// gives the numbers their meaning ("At w = 2.00 the loss is 8.00."), so it is read whole, not the
// bare values. Only inputs the reader moves (input events) announce: loading and animations don't.

import type { StatusBoard } from "./status.ts";

/** Quiet time after the last input event before announcing, in milliseconds. */
export const ANNOUNCE_DELAY_MS = 600;

// At most this many sentences (blocks) per announcement: a summary, not the whole page.
const MAX_BLOCKS = 3;
const block = "p, li, dd, dt, td, th, caption, figcaption, h1, h2, h3, h4, h5, h6";

// Input events dispatched inside withoutAnnouncing: the page moving an input back, not the reader.
let quiet = 0;

/**
 * Runs `change` without announcing the input events it dispatches synchronously (`lesson.set`
 * dispatches one): a slider position the page restores from storage at load is not the reader's move.
 */
export function withoutAnnouncing<T>(change: () => T): T {
  quiet++;
  try {
    return change();
  } finally {
    quiet--;
  }
}

/** Adds the live region after `root` and announces changed inline values after each input. */
export function announceChanges(root: HTMLElement, board: StatusBoard): HTMLElement {
  const doc = root.ownerDocument;
  const region = doc.createElement("div");
  region.className = "visually-hidden lesson-announcer";
  region.setAttribute("aria-live", "polite");
  region.setAttribute("role", "status");
  root.after(region);

  let before: Map<Element, string> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => new Map([...root.querySelectorAll(".cell-inline[data-cell]")].map((el) => [el, el.textContent ?? ""]));

  const announce = (tries: number): void => {
    // Wait (a little) for the recomputation the input started to finish.
    if (board.countPending() > 0 && tries > 0) {
      timer = setTimeout(() => announce(tries - 1), 100);
      return;
    }
    const changed = new Set<Element>();
    for (const [element, text] of before ?? []) {
      if (element.isConnected && element.textContent !== text) changed.add(element.closest(block) ?? element);
    }
    before = undefined;
    timer = undefined;
    const text = [...changed]
      .slice(0, MAX_BLOCKS)
      .map((element) => readVisibleText(element).replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .join(" ");
    if (text) region.textContent = text;
  };

  root.addEventListener("input", () => {
    if (quiet) return;
    before ??= read();
    clearTimeout(timer);
    timer = setTimeout(() => announce(20), ANNOUNCE_DELAY_MS);
  });
  return region;
}

/** The text a reader sees: hidden parts (a blank's live answer) are left out, so they are not read out. */
function readVisibleText(element: Element): string {
  if (!element.querySelector("[hidden]")) return element.textContent ?? "";
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll("[hidden]")) hidden.remove();
  return copy.textContent ?? "";
}
