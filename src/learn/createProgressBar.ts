// The lesson's progress in its header: a meter, what is behind it (blanks right, predictions made,
// sections reached), "Download my record" and "Reset my progress" (after a confirmation), and a
// polite line for notices (storage full, a record that could not be read). The page HTML carries
// the bar already (renderProgressBar, its buttons disabled until a script adopts it), so it takes
// its room before the first paint and the lesson below it never moves when the runtime starts.

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

const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const describe = (fraction: number, summary: string) => `Progress: ${Math.round(fraction * 100)}%${summary ? ` (${summary})` : ""}`;

/**
 * The bar's HTML. `placeholder`: as the page HTML carries it before any script runs (marked
 * `data-placeholder`, buttons disabled; learn.css hides it when scripting is off).
 */
export function renderProgressBar({ fraction, summary }: { fraction: number; summary: string }, { placeholder = false } = {}): string {
  const rounded = Math.round(fraction * 1000) / 1000;
  const disabled = placeholder ? " disabled" : "";
  return `<div class="learning-bar" role="region" aria-label="Your progress" data-progress="${rounded}"${placeholder ? " data-placeholder" : ""}>\
<label for="learning-progress" class="learning-summary">${escapeText(describe(fraction, summary))}</label>\
<progress max="1" value="${rounded}" id="learning-progress"></progress>\
<button type="button" data-action="download" title="Save what you answered and reached in this lesson, as xAPI statements (JSON)"${disabled}>Download my record</button>\
<button type="button" data-action="reset"${disabled}>Reset my progress</button>\
<p class="learning-notice" role="status"></p></div>`;
}

/**
 * Creates the bar just before `root` (outside it, so the runtime never replaces it), or adopts the
 * placeholder the page HTML put there.
 */
export function createProgressBar(root: HTMLElement, actions: ProgressBarActions): ProgressBar {
  const doc = root.ownerDocument;
  let element = root.previousElementSibling as HTMLElement | null;
  if (element?.matches(".learning-bar[data-placeholder]")) {
    element.removeAttribute("data-placeholder");
  } else {
    const template = doc.createElement("template");
    template.innerHTML = renderProgressBar({ fraction: 0, summary: "" });
    element = template.content.firstElementChild as HTMLElement;
    root.before(element);
  }
  const bar = element;
  const meter = bar.querySelector("progress") as HTMLProgressElement;
  const label = bar.querySelector("label") as HTMLLabelElement;
  const notice = bar.querySelector(".learning-notice") as HTMLElement;
  for (const button of bar.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
    button.disabled = false;
    button.addEventListener("click", button.dataset.action === "download" ? actions.download : actions.reset);
  }
  return {
    element: bar,
    show({ fraction, summary }) {
      const rounded = Math.round(fraction * 1000) / 1000;
      bar.dataset.progress = String(rounded);
      meter.value = rounded;
      label.textContent = describe(fraction, summary);
    },
    notify(text) {
      notice.textContent = text;
    },
    destroy() {
      bar.remove();
    },
  };
}
