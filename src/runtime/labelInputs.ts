// Gives every control inside a view()'d input an accessible name. Observable Inputs label a
// form's first control (`<label for>` points at the range's number box), so the range slider
// beside it has no name of its own for a screen reader; it gets the label's text.
// An Inputs.table's row checkboxes, shown by any cell, get names too (labelTableRows).

/** Sets `aria-label` on controls in `element` that have no name, from the form's `<label>`. */
export function labelInputs(element: Element): void {
  const controls = element.matches("input, select, textarea") ? [element] : [...element.querySelectorAll("input, select, textarea")];
  if (controls.length === 0) return;
  const text = element.querySelector("label")?.textContent?.trim();
  for (const control of controls) {
    if (isNamed(control)) continue;
    const name = text || control.getAttribute("name") || control.getAttribute("placeholder");
    if (!name) continue;
    const type = control.getAttribute("type");
    // Two controls for one value (a range and its number box): say which one this is.
    control.setAttribute("aria-label", type === "range" && controls.length > 1 ? `${name} (slider)` : name);
  }
}

function isNamed(control: Element): boolean {
  if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby")) return true;
  if (control.closest("label")) return true;
  const id = control.getAttribute("id");
  return Boolean(id && control.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`));
}

/**
 * Names the checkboxes of an `Inputs.table` (a form whose class ends in `-table`): Inputs gives
 * them none, so a screen reader says only "checkbox" (axe's critical `label`). The header's selects
 * every row; a row's says which row of the data it selects. Rows the table adds later (as the
 * reader scrolls or sorts) are named as they come.
 */
export function labelTableRows(node: Node): void {
  if (!(node instanceof Element || node instanceof DocumentFragment)) return;
  // A chart (an <svg>, the output redrawn most often) holds no Inputs form (only a <foreignObject>
  // could): no query over its hundreds of nodes on every change.
  if (node instanceof Element && node.namespaceURI === SVG_NS) return;
  const forms = [...node.querySelectorAll<HTMLFormElement>('form[class$="-table"]')];
  if (node instanceof Element && node.matches('form[class$="-table"]')) forms.push(node as HTMLFormElement);
  const Observer = node.ownerDocument?.defaultView?.MutationObserver;
  for (const form of forms) {
    labelCheckboxes(form);
    const body = form.querySelector("tbody");
    if (body && Observer) new Observer(() => labelCheckboxes(form)).observe(body, { childList: true });
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

function labelCheckboxes(form: Element): void {
  for (const box of form.querySelectorAll('input[type="checkbox"]:not([aria-label])')) {
    const value = Number(box.getAttribute("value"));
    box.setAttribute("aria-label", box.closest("thead") ? "Select all rows" : Number.isInteger(value) ? `Select row ${value + 1}` : "Select this row");
  }
}
