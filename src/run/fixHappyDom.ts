// Four things happy-dom 21 does differently from browsers that lessons meet at once; each fix
// brings back the browsers' rule, and test/e2e/run.test.ts (the chapter's values against
// Chromium's) or test/e2e/prerender.test.ts (prerendered outputs against the live page's) fails if
// a new happy-dom breaks them again.
import { PropertySymbol } from "happy-dom";

/** Installs the fixes on the registered window's classes. */
export function fixHappyDom(): void {
  fixStepMismatch();
  fixSelectedness();
  fixNullStyleValues();
  fixCompatMode();
}

/**
 * happy-dom 21 has no `document.compatMode`, which KaTeX reads as it loads: anything but
 * "CSS1Compat" (a page with `<!doctype html>`, as every built page) makes every `tex` fail with
 * "KaTeX doesn't work in quirks mode".
 */
function fixCompatMode(): void {
  // On the document itself: its class is not the window's `Document`, and returns null.
  Object.defineProperty(document, "compatMode", {
    configurable: true,
    get(this: Document) {
      return this.doctype?.name.toLowerCase() === "html" ? "CSS1Compat" : "BackCompat";
    },
  });
}

/**
 * `style.setProperty(name, null)` removes the property (CSSOM: null converts to ""), where
 * happy-dom 21 writes the word "null": Inputs sets `--input-width` to its width option, null
 * by default, so every prerendered input read `style="--input-width: null;"`.
 */
function fixNullStyleValues(): void {
  const prototype = CSSStyleDeclaration.prototype;
  const setProperty = prototype.setProperty;
  prototype.setProperty = function (this: CSSStyleDeclaration, name: string, value: string | null, priority?: string) {
    if (value === null || value === undefined) {
      this.removeProperty(name);
      return;
    }
    setProperty.call(this, name, value, priority);
  };
}

/**
 * happy-dom 21 decides `validity.stepMismatch` with `value % step`, so 3 with step 0.1 is a
 * mismatch (3 % 0.1 ≈ 0.0999) and Inputs.range([-4, 4], {step: 0.1, value: 3}) never yields a
 * value. This is HTML's rule instead: steps count from `min` (else the `value` attribute, else 0),
 * and a value within floating-point noise of a step matches it.
 */
function fixStepMismatch(): void {
  Object.defineProperty(ValidityState.prototype, "stepMismatch", {
    configurable: true,
    get(this: { element: HTMLInputElement }) {
      const input = this.element;
      if (input.localName !== "input" || (input.type !== "number" && input.type !== "range") || input.value === "") return false;
      const stepAttribute = input.getAttribute("step");
      if (stepAttribute?.trim().toLowerCase() === "any") return false;
      const parsed = Number(stepAttribute);
      const step = stepAttribute !== null && parsed > 0 ? parsed : 1;
      const baseAttribute = input.getAttribute("min") ?? input.getAttribute("value");
      const base = baseAttribute !== null && Number.isFinite(Number(baseAttribute)) ? Number(baseAttribute) : 0;
      const steps = (Number(input.value) - base) / step;
      return Math.abs(steps - Math.round(steps)) > 1e-9 * Math.max(1, Math.abs(steps));
    },
  });
}

/**
 * When more than one option of a single-choice select is selected (an option appended with
 * `selected` after the first, which was selected by default: how htl builds Inputs.select),
 * HTML keeps the last one selected; happy-dom keeps the option at the index `count − 1` (the
 * second), so Inputs.select(menu, {value: menu[3]}) starts at menu[1].
 */
function fixSelectedness(): void {
  type Select = HTMLSelectElement & Record<symbol, unknown>;
  type Option = HTMLOptionElement & Record<symbol, unknown>;
  const prototype = HTMLSelectElement.prototype as unknown as Record<symbol, (this: Select, option?: Option) => void>;
  const update = prototype[PropertySymbol.updateSelectedness]!;
  prototype[PropertySymbol.updateSelectedness] = function (this: Select, option?: Option) {
    const options = option || this.multiple ? [] : (Array.from(this.querySelectorAll("option")) as Option[]);
    const selected = options.filter((o) => o[PropertySymbol.selectedness]);
    update.call(this, option);
    if (selected.length < 2) return;
    const last = selected[selected.length - 1]!;
    for (const o of options) o[PropertySymbol.selectedness] = o === last;
    this[PropertySymbol.selectedIndex] = options.indexOf(last);
  };
}
