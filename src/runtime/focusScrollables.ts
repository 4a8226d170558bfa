// Scrolling regions a mouse can scroll must be reachable by keyboard too (WCAG 2.1.1): a wide
// listing, formula or table that scrolls sideways gets tabindex="0", so Tab focuses it and the
// arrow keys scroll it. Only the ones that overflow now: a tab stop on every listing is noise.

const selector = "pre, .katex-display, table";

/** Makes the lesson's overflowing static regions focusable now and after every resize. */
export function focusScrollables(root: HTMLElement): void {
  const view = root.ownerDocument.defaultView;
  if (!view) return;
  const update = (): void => {
    for (const element of root.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest("[data-cell]")) continue; // Cell outputs belong to their cells.
      const scrolls = element.scrollWidth > element.clientWidth + 1;
      const ours = element.dataset.scrollFocus !== undefined;
      if (scrolls && !element.hasAttribute("tabindex")) {
        element.tabIndex = 0;
        element.dataset.scrollFocus = "";
      } else if (!scrolls && ours) {
        element.removeAttribute("tabindex");
        delete element.dataset.scrollFocus;
      }
    }
  };
  // After layout, then whenever widths may have changed, at most once a frame: the window or the
  // lesson column resizing, and web fonts arriving (KaTeX's fonts load when a formula first needs
  // them, after the load event, and widen formulas and listings without resizing anything).
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    view.requestAnimationFrame(() => ((scheduled = false), update()));
  };
  if (root.ownerDocument.readyState === "complete") schedule();
  else view.addEventListener("load", schedule, { once: true });
  view.addEventListener("resize", schedule);
  const fonts = root.ownerDocument.fonts as FontFaceSet | undefined;
  fonts?.addEventListener?.("loadingdone", schedule);
  void fonts?.ready?.then(schedule);
  // Only a change of the column's width matters; its height changes with every slider move.
  let width = -1;
  const onResize = (entries: ResizeObserverEntry[]): void => {
    const next = entries[entries.length - 1]?.contentRect.width ?? width;
    if (next !== width) ((width = next), schedule());
  };
  if (typeof view.ResizeObserver === "function") new view.ResizeObserver(onResize).observe(root);
}
