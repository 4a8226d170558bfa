// Sections reached: the first time a section's heading comes into view, the record says so
// (ADL's "experienced"). A heading inside a prediction's hidden part is reached once it is shown.

import type { LearningContext } from "./learningContext.ts";

/** Watches the lesson's section headings; returns a function that stops watching. */
export function trackSections(context: LearningContext): () => void {
  const { root, record, learning } = context;
  const Observer = root.ownerDocument.defaultView?.IntersectionObserver;
  if (!Observer) return () => {};
  const byElement = new Map<Element, string>();
  for (const section of learning.sections) {
    if (record.item("section", section.id).reached) continue;
    const heading = root.ownerDocument.getElementById(section.anchor);
    if (heading && root.contains(heading)) byElement.set(heading, section.id);
  }
  const observer = new Observer((entries) => {
    for (const entry of entries) {
      const id = byElement.get(entry.target);
      if (!entry.isIntersecting || id === undefined) continue;
      observer.unobserve(entry.target);
      byElement.delete(entry.target);
      if (!record.item("section", id).reached) record.record("section", id, "experienced");
    }
  });
  for (const heading of byElement.keys()) observer.observe(heading);
  return () => observer.disconnect();
}
