// The editing chrome of one cell: Run and Reset buttons, the "edited" badge, status text, errors in
// place, and the "the author changed this cell" flag. All text goes in as text nodes.

/** What the controller does when the reader presses a cell's buttons. */
export interface CellViewActions {
  run: () => void;
  reset: () => void;
  /** Keep the reader's version and stop flagging the author's change. */
  keep: () => void;
}

/** The chrome of one cell's editor; the code editor itself mounts in `host`. */
export interface CellView {
  container: HTMLElement;
  host: HTMLElement;
  /** Shows the "edited" badge; `from` "link" says the code came from a share link. */
  setEdited(edited: boolean, from?: "link"): void;
  setAuthorChange(change: { before: string; after: string } | undefined): void;
  setStatus(text: string): void;
  showProblems(problems: string[]): void;
  destroy(): void;
}

/** Creates the chrome for the cell at `line`, placed right after its code listing. */
export function createCellView(listing: Element, id: string, line: number, actions: CellViewActions): CellView {
  const doc = listing.ownerDocument;
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const button = (label: string, title: string, action: () => void) => {
    const node = element("button", "cell-editor-button", label);
    node.type = "button";
    node.title = title;
    node.addEventListener("click", action);
    return node;
  };

  const container = element("div", "cell-editor");
  container.dataset.editor = id;
  container.setAttribute("role", "group");
  container.setAttribute("aria-label", `Cell at line ${line}`);
  const bar = element("div", "cell-editor-bar");
  const badge = element("span", "cell-edited-badge", "edited");
  badge.hidden = true;
  const status = element("span", "cell-editor-status");
  status.setAttribute("role", "status");
  bar.append(
    button("Run", "Run this cell (Shift-Enter)", actions.run),
    button("Reset", "Go back to the author's version of this cell", actions.reset),
    badge,
    status,
  );

  const flag = element("div", "cell-author-changed");
  flag.hidden = true;
  const host = element("div", "cell-editor-code");
  let problems: HTMLElement | undefined;
  // The code comes before its buttons, in the page and in the Tab order (listing or editor, then Run).
  container.append(flag, host, bar);
  listing.after(container);

  return {
    container,
    host,
    setEdited(edited, from) {
      badge.hidden = !edited;
      badge.textContent = from === "link" ? "edited, from a share link" : "edited";
      container.classList.toggle("cell-edited", edited);
    },
    setAuthorChange(change) {
      flag.replaceChildren();
      flag.hidden = !change;
      if (!change) return;
      // The diff library loads only when the reader asks for the diff.
      const diff = element("div", "cell-author-diff");
      diff.hidden = true;
      diff.id = `cell-author-diff-${id}`;
      const show = button("Show the author's changes", "Show what the author changed in this cell", async () => {
        if (!diff.firstChild) {
          const { renderDiff } = await import("./renderDiff.ts");
          diff.append(renderDiff(doc, change.before, change.after));
        }
        diff.hidden = !diff.hidden;
        show.setAttribute("aria-expanded", String(!diff.hidden));
      });
      show.setAttribute("aria-expanded", "false");
      show.setAttribute("aria-controls", diff.id);
      flag.append(
        element("span", "", "The author changed this cell since you edited it; your version is kept. "),
        show,
        button("Keep my version", "Stop showing this notice", actions.keep),
        diff,
      );
    },
    setStatus(text) {
      status.textContent = text;
    },
    showProblems(list) {
      problems?.remove();
      problems = undefined;
      if (list.length === 0) return;
      problems = element("div", "cell-error");
      problems.setAttribute("role", "alert");
      for (const text of list) problems.append(element("div", "cell-error-line", text));
      container.append(problems);
      // The checker's list of problems found while typing (typecheck/renderTypeProblems.ts) may
      // already hold a syntax error this box now shows: it is said once, here.
      const shown = new Set(list);
      const typeList = container.querySelector(":scope > .cell-type-problems");
      for (const item of typeList?.querySelectorAll("li") ?? []) if (shown.has(item.textContent ?? "")) item.remove();
      if (typeList && !typeList.querySelector("li")) typeList.remove();
    },
    destroy() {
      container.remove();
    },
  };
}

/** The accessible name of a cell's code editor. */
export function editorLabel(line: number): string {
  return `Edit cell at line ${line}`;
}
