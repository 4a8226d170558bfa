// The index page's progress: each lesson entry `li[data-lesson-file]` carries the lesson's items
// (`data-learning-items`, from the compiler); the lesson's record is read from this browser's
// storage (the index is another page of the same site, so the same keys) and the entry gets
// `data-progress="0..1"` and a small meter. Nothing is written.

import { loadDurably, openStorage, type KeyValueStorage } from "../store/durableStore.ts";
import { siteScope } from "../store/siteScope.ts";
import { deriveItem, measureProgress, recordCodec, recordKey, type Entry, type ItemRef, type StoredRecord } from "./record/index.ts";

const silent = { restored: "", unreadable: "", unavailable: "", full: "" };

/** The progress of the lesson `file` over `items`, from the record kept in `storage`. */
export function readProgress(storage: KeyValueStorage | undefined, scope: string, file: string, items: readonly ItemRef[]): number {
  const empty: StoredRecord = { version: 1, lesson: file, learner: "", entries: [] };
  const { state } = loadDurably(storage, recordKey(scope, file), recordCodec(file), empty, silent);
  const byItem = new Map<string, Entry[]>();
  for (const entry of state.entries) byItem.set(`${entry.kind}/${entry.item}`, [...(byItem.get(`${entry.kind}/${entry.item}`) ?? []), entry]);
  return measureProgress(items, (ref) => deriveItem(ref.kind, ref.id, byItem.get(`${ref.kind}/${ref.id}`) ?? [])).fraction;
}

/**
 * Marks each lesson entry of the index with its progress (`data-progress`), and shows a meter inside
 * its card once the reader has made some: a page with nothing to learn (the math reference) or not
 * yet started gets no empty bar.
 */
export function showIndexProgress(doc: Document = document, storage: KeyValueStorage | undefined = openStorage()): void {
  const scope = siteScope(doc.location?.href);
  for (const entry of doc.querySelectorAll<HTMLElement>("li[data-lesson-file]")) {
    const items = readItems(entry.dataset.learningItems);
    const fraction = Math.round(readProgress(storage, scope, entry.dataset.lessonFile ?? "", items) * 1000) / 1000;
    entry.dataset.progress = String(fraction);
    let meter = entry.querySelector<HTMLProgressElement>("progress.ll-index-progress");
    if (items.length === 0 || fraction === 0) {
      meter?.remove();
      continue;
    }
    if (!meter) {
      meter = doc.createElement("progress");
      meter.className = "ll-index-progress";
      meter.max = 1;
      (entry.querySelector(".ll-index-link") ?? entry).append(meter);
    }
    meter.value = fraction;
    meter.setAttribute("aria-label", `Your progress: ${Math.round(fraction * 100)}%`);
  }
}

function readItems(text: string | undefined): ItemRef[] {
  try {
    const value: unknown = JSON.parse(text ?? "[]");
    if (!Array.isArray(value)) return [];
    return value.flatMap((pair) => (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string" ? [{ kind: pair[0], id: pair[1] }] : []));
  } catch {
    return [];
  }
}
