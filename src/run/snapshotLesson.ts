// The lesson's DOM as HTML once it has settled: what a page rendered ahead of time shows.
import { isStaticOutput } from "./findStaticOutputs.ts";

/**
 * Writes each form control's current value into its attributes (`value`, `checked`, `selected`,
 * a textarea's text): scripts set the properties, which HTML does not serialise, so without this
 * a slider would come back at its midpoint instead of its default.
 */
export function writeFormState(root: ParentNode): void {
  for (const input of root.querySelectorAll("input")) {
    if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
    else if (input.type !== "file" && input.type !== "password") input.setAttribute("value", input.value);
  }
  for (const textarea of root.querySelectorAll("textarea")) textarea.textContent = textarea.value;
  for (const option of root.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
}

/**
 * The root's inner HTML and each cell output's inner HTML, by cell id, once the elements of
 * `leaveOut` (probe cells) are gone; with `disableControls`, every form control disabled; and the
 * ids of the outputs nothing in which listens for an event (`staticOutputs`). Done last: it writes
 * form state into attributes and removes those elements from the live DOM. One pass over
 * `[data-cell]`: happy-dom's selectors are slow.
 */
export function snapshotLesson(root: HTMLElement, leaveOut: ReadonlySet<string>, options: { disableControls?: boolean } = {}): { html: string; outputs: Record<string, string>; staticOutputs: string[] } {
  writeFormState(root);
  // Static before the controls are disabled: a disabled control still has its listeners.
  const staticOutputs: string[] = [];
  const outputs: Record<string, string> = {};
  const elements = [...root.querySelectorAll<HTMLElement>("[data-cell]")];
  for (const element of elements) if (!leaveOut.has(element.dataset.cell!) && isStaticOutput(element)) staticOutputs.push(element.dataset.cell!);
  if (options.disableControls) for (const control of root.querySelectorAll("input, select, textarea, button")) control.setAttribute("disabled", "");
  for (const element of elements) {
    const id = element.dataset.cell!;
    if (leaveOut.has(id)) element.remove();
    else outputs[id] = element.innerHTML;
  }
  return { html: root.innerHTML, outputs, staticOutputs };
}

/**
 * Resolves once `root` has not changed for `frames` animation frames in a row (animations and
 * generators have run out), or after `budgetMs` (one that never ends, such as a clock).
 */
export function waitForStillness(root: Node, budgetMs: number, frames = 5): Promise<void> {
  return new Promise((resolve) => {
    let still = 0;
    const observer = new MutationObserver(() => (still = 0));
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const deadline = performance.now() + budgetMs;
    const tick = () => {
      if (++still >= frames || performance.now() > deadline) {
        observer.disconnect();
        resolve();
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
