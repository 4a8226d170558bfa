// Gives every control inside a view()'d input an accessible name. Observable Inputs label a
// form's first control (`<label for>` points at the range's number box), so the range slider
// beside it has no name of its own for a screen reader; it gets the label's text.

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
