// Saving at the last moment: a save that waits for a pause (slider positions, unfinished typing)
// is made at once when the page is hidden or goes away (`pagehide`: a reload, a link, a closed tab,
// the last event a closing page is sure to get; hidden: a background tab the browser may discard).

/** Calls `save` whenever the page `doc` shows is hidden or goes away; returns what stops it. */
export function onPageHidden(doc: Document, save: () => void): () => void {
  const view = doc.defaultView;
  const onVisibility = (): void => {
    if (doc.visibilityState === "hidden") save();
  };
  view?.addEventListener("pagehide", save);
  doc.addEventListener("visibilitychange", onVisibility);
  return () => {
    view?.removeEventListener("pagehide", save);
    doc.removeEventListener("visibilitychange", onVisibility);
  };
}
