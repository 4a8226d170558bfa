// "Show all code": opens every hidden cell's code (and shows the hidden cells that display nothing,
// which the page leaves out until asked), or closes what it opened.

/** Shows (or hides again) the code of every hidden cell under `root`. */
export function showAllCode(root: HTMLElement, show: boolean): void {
  root.toggleAttribute("data-show-code", show);
  for (const details of root.querySelectorAll<HTMLDetailsElement>(".cell > details.cell-code")) {
    if (show && !details.open) {
      details.dataset.openedByShowAll = "";
      details.open = true;
    } else if (!show && details.dataset.openedByShowAll !== undefined) {
      delete details.dataset.openedByShowAll;
      details.open = false;
    }
  }
}
