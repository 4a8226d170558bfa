// The lesson's progress in its header: a meter, what is behind it (blanks right, predictions made,
// sections reached), "Download my record" and "Reset my progress" (after a confirmation), and a
// polite line for notices (storage full, a record that could not be read).

/** What the bar's buttons do. */
export interface ProgressBarActions {
  download(): void;
  reset(): void;
}

/** The progress bar of a lesson page. */
export interface ProgressBar {
  element: HTMLElement;
  show(progress: { fraction: number; summary: string }): void;
  notify(text: string): void;
  destroy(): void;
}

/** Creates the bar just before `root` (outside it, so the runtime never replaces it). */
export function createProgressBar(root: HTMLElement, actions: ProgressBarActions): ProgressBar {
  const doc = root.ownerDocument;
  const element = doc.createElement("div");
  element.className = "learning-bar";
  element.setAttribute("role", "region");
  element.setAttribute("aria-label", "Your progress");
  element.dataset.progress = "0";
  const meter = doc.createElement("progress");
  meter.max = 1;
  meter.value = 0;
  meter.id = "learning-progress";
  const label = doc.createElement("label");
  label.htmlFor = meter.id;
  label.className = "learning-summary";
  const button = (text: string, action: () => void) => {
    const node = doc.createElement("button");
    node.type = "button";
    node.textContent = text;
    node.addEventListener("click", action);
    return node;
  };
  const download = button("Download my record", actions.download);
  download.title = "Save what you answered and reached in this lesson, as xAPI statements (JSON)";
  const reset = button("Reset my progress", actions.reset);
  const notice = doc.createElement("p");
  notice.className = "learning-notice";
  notice.setAttribute("role", "status");
  element.append(label, meter, download, reset, notice);
  root.before(element);
  return {
    element,
    show({ fraction, summary }) {
      const rounded = Math.round(fraction * 1000) / 1000;
      element.dataset.progress = String(rounded);
      meter.value = rounded;
      label.textContent = `Progress: ${Math.round(fraction * 100)}%${summary ? ` (${summary})` : ""}`;
    },
    notify(text) {
      notice.textContent = text;
    },
    destroy() {
      element.remove();
    },
  };
}
