// The start of the index page: the theme toggle, and nothing of the lesson runtime (the index
// page's module imports only this, so its bundle stays a few hundred bytes).
import { installThemeToggle } from "./themeToggle.ts";

/** Makes the page's `[data-theme-toggle]` button switch the theme. */
export function startIndexPage(doc: Pick<Document, "querySelector"> = document): void {
  const toggle = doc.querySelector<HTMLElement>("[data-theme-toggle]");
  if (toggle) installThemeToggle(toggle);
}
