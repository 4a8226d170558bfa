// The worker's browser: happy-dom's window installed as the worker's globals, so the runtime, Plot,
// Inputs and htl find `document`, `window`, `requestAnimationFrame`, `matchMedia` where a page has
// them. Only ever called inside the runner's worker thread: the globals never reach the caller.
//
// Why happy-dom rather than linkedom: the runtime and the lessons need a whole window, not only a
// document: events (inputs dispatch `input`), `requestAnimationFrame` (generators, animations),
// `matchMedia`, `getComputedStyle` (the `width` builtin), `CSS.escape`, `MutationObserver`. linkedom
// is a faster document but has none of these; happy-dom has them all and already runs the editor's
// unit tests.
import { GlobalRegistrator } from "@happy-dom/global-registrator";
import { watchListeners } from "./findStaticOutputs.ts";
import { fixHappyDom } from "./fixHappyDom.ts";

/**
 * Installs the window. `prefers-reduced-motion: reduce` lets animations that honour it (the
 * chapter's Hiker) show their end state at once, which is what a page rendered ahead shows.
 */
export function installDom(): void {
  GlobalRegistrator.register({
    url: "http://localhost/",
    width: 1000,
    height: 800,
    settings: {
      device: { prefersReducedMotion: "reduce" },
      // No network: a lesson that fetches gets an error, as an offline page would.
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  fixHappyDom();
  // Before any library loads, so every listener an output gets is seen (which outputs are static).
  watchListeners();
  // The document of a built page: standards mode (KaTeX refuses to render in quirks mode).
  if (!document.doctype) document.insertBefore(document.implementation.createDocumentType("html", "", ""), document.documentElement);
}

/**
 * The lesson's root, `main#lesson`, whose content box is `width` pixels wide: happy-dom lays
 * nothing out, so the runtime's `width` builtin (clientWidth less padding) reads this instead.
 */
export function createRoot(width: number): HTMLElement {
  const root = document.createElement("main");
  root.id = "lesson";
  Object.defineProperty(root, "clientWidth", { value: width });
  // No stylesheet here: the padding the builtin subtracts must read as a number (0), not "".
  root.style.padding = "0";
  document.body.append(root);
  return root;
}
