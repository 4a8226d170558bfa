// The lesson-wide bar after the lesson: "Show all code", "Share" and "Reset all edits", a polite
// notice line, and the last share link in a read-only field the reader can copy, with what it carries.

import { showAllCode } from "./showAllCode.ts";

/** What the bar's buttons do. */
export interface LessonBarActions {
  share: () => void;
  resetAll: () => void;
}

/** The bar at the end of the lesson. */
export interface LessonBar {
  element: HTMLElement;
  notify(text: string): void;
  /** Shows the share link, and what it carries in words. */
  showLink(url: string, carries: string): void;
  setHasEdits(hasEdits: boolean): void;
  /** Shows a button next to the notice (one at a time); it goes away once pressed. */
  offer(label: string, action: () => void): void;
  destroy(): void;
}

let bars = 0;

/**
 * Creates the bar as the last child of `root`: the lesson comes first, its title before anything
 * about editing it (notices still reach screen readers through the status line).
 */
export function createLessonBar(root: HTMLElement, actions: LessonBarActions): LessonBar {
  const doc = root.ownerDocument;
  const element = doc.createElement("div");
  element.className = "lesson-edits";
  element.setAttribute("role", "region");
  element.setAttribute("aria-label", "Your edits");
  const button = (label: string, action: () => void) => {
    const node = doc.createElement("button");
    node.type = "button";
    node.textContent = label;
    node.addEventListener("click", action);
    return node;
  };
  const showCode = button("Show all code", () => {
    const show = showCode.getAttribute("aria-pressed") !== "true";
    showCode.setAttribute("aria-pressed", String(show));
    showAllCode(root, show);
  });
  showCode.setAttribute("aria-pressed", "false");
  const share = button("Share", actions.share);
  share.title = "Make a link with your edits and input values";
  const resetAll = button("Reset all edits", actions.resetAll);
  resetAll.disabled = true;
  const notice = doc.createElement("p");
  notice.className = "lesson-edits-notice";
  notice.setAttribute("role", "status");
  const link = doc.createElement("input");
  link.type = "text";
  link.readOnly = true;
  link.className = "lesson-edits-link";
  link.setAttribute("aria-label", "Share link");
  link.hidden = true;
  const carries = doc.createElement("p");
  carries.className = "lesson-edits-carries";
  carries.hidden = true;
  link.setAttribute("aria-describedby", (carries.id = `lesson-edits-carries-${++bars}`));
  let offered: HTMLButtonElement | undefined;
  element.append(showCode, share, resetAll, link, carries, notice);
  root.append(element);

  return {
    element,
    notify(text) {
      notice.textContent = text;
    },
    showLink(url, text) {
      link.value = url;
      link.hidden = false;
      carries.textContent = text;
      carries.hidden = false;
      link.select();
    },
    setHasEdits(hasEdits) {
      resetAll.disabled = !hasEdits;
    },
    offer(label, action) {
      offered?.remove();
      const node = (offered = button(label, () => {
        node.remove();
        action();
      }));
      notice.after(node);
    },
    destroy() {
      element.remove();
    },
  };
}
