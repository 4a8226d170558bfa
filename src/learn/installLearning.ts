// The learning side of a lesson page, the orchestrator of src/learn/'s page modules: opens the
// lesson's record, binds its blanks, predictions, guesses on figures and sections, shows progress
// in the header ("Download my record", "Reset my progress"), and adds `record()` to
// `window.lesson`. Every state it shows is derived from the record, after each new entry.
// The page module passes it to startPage (the runtime does not import src/learn/).

import type { LessonLearning } from "../compile/types.ts";
import type { CellDefinition, LessonHandle } from "../runtime/types.ts";
import { bindBlank, type BoundBlank } from "./bindBlank.ts";
import { bindPrediction, type BoundPrediction } from "./bindPrediction.ts";
import { createProgressBar } from "./createProgressBar.ts";
import { downloadRecord } from "./downloadRecord.ts";
import { learningItems } from "./learningItems.ts";
import { summarizeProgress } from "./summarizeProgress.ts";
import type { LearningContext } from "./learningContext.ts";
import { findInputs } from "./readInputs.ts";
import { createRecord, type LearningRecord, type RecordDocument } from "./record/index.ts";
import { trackSections } from "./trackSections.ts";

/** What the page module hands over besides the mounted lesson. */
export interface LearningOptions {
  /** The lesson's file in its lessons folder (the record's key, as the index reads it). */
  file: string;
  title: string;
  learning: LessonLearning;
  /** The lesson's cells (the inputs a live answer depends on are theirs). */
  cells: readonly CellDefinition[];
  root?: HTMLElement;
  /** Asks before "Reset my progress" (window.confirm by default). */
  confirm?: (question: string) => boolean;
}

/** The installed learning side of a page. */
export interface PageLearning {
  record: LearningRecord;
  destroy(): void;
}

const RESET_QUESTION = "Reset your progress in this lesson? Your answers, predictions and sections reached here will be forgotten.";
const SVG_NS = "http://www.w3.org/2000/svg";

/** Installs blanks, predictions, guesses, sections and progress on a mounted lesson. */
export function installLearning(handle: LessonHandle, options: LearningOptions): PageLearning {
  const root = options.root ?? document.getElementById("lesson") ?? document.body;
  const { learning } = options;
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const activity = new URL(doc.location?.href ?? "http://localhost/").href.replace(/[?#].*$/, "");
  let bar: ReturnType<typeof createProgressBar> | undefined;
  const record = createRecord({
    lesson: { file: options.file, title: options.title, version: learning.version, activity },
    onNotice: (notice) => bar?.notify(notice),
  });
  const context: LearningContext = {
    root,
    learning,
    record,
    api: handle.api,
    inputs: findInputs(options.cells),
  };

  const blanks = new Map<string, BoundBlank>();
  for (const blank of learning.blanks) {
    const bound = bindBlank(context, blank);
    if (bound) blanks.set(blank.id, bound);
  }
  const predictions: BoundPrediction[] = [];
  for (const prediction of learning.predictions) {
    const bound = bindPrediction(context, prediction, blanks);
    if (bound) predictions.push(bound);
  }

  // Guesses on figures live in cells: they appear (and reappear) as cells run.
  const restoreGuesses = () => {
    for (const element of root.querySelectorAll<HTMLElement & { place?: (p: [number, number] | null, o?: { silent?: boolean }) => void }>("[data-guess]")) {
      const id = element.dataset.guess ?? "";
      const item = record.item("guess", id);
      const placed = item.lastResponse !== undefined ? readPoint(item.lastResponse) : undefined;
      if (element.dataset.state === "placed" || !element.place) continue;
      if (placed) element.place(placed, { silent: true });
    }
  };
  const onGuess = (event: Event) => {
    const element = (event.target as Element | null)?.closest?.<HTMLElement & { value?: unknown }>("[data-guess]");
    const id = element?.dataset.guess;
    if (!element || !id || !Array.isArray(element.value)) return;
    if (record.item("guess", id).attempts > 0) return;
    record.record("guess", id, "answered", { result: { response: JSON.stringify(element.value), completion: true } });
  };
  root.addEventListener("input", onGuess);
  // Only a guess appearing matters: an animation rewriting text every frame costs one quick test,
  // and a chart redrawn by a slider none (a guess is an HTML element; an <svg> cannot hold one).
  const isGuess = (node: Node) =>
    node.nodeType === 1 && (node as Element).namespaceURI !== SVG_NS && ((node as Element).matches("[data-guess]") || (node as Element).querySelector("[data-guess]") !== null);
  const observer = view?.MutationObserver
    ? new view.MutationObserver((mutations) => {
        if (!mutations.some((mutation) => [...mutation.addedNodes].some(isGuess))) return;
        restoreGuesses();
        for (const prediction of predictions) prediction.checkAnswered();
      })
    : undefined;
  observer?.observe(root, { childList: true, subtree: true });

  const items = learningItems(learning);
  const summarize = () =>
    summarizeProgress(items, ({ kind, id }) =>
      kind === "blank" ? record.item("blank", id).right : kind === "predict" ? record.describe("predict", id) !== "open" : record.item("section", id).reached,
    );

  const refresh = (reset = false) => {
    for (const blank of blanks.values()) blank.refresh(reset);
    for (const prediction of predictions) prediction.checkAnswered();
    for (const prediction of predictions) prediction.refresh();
    if (reset) for (const element of root.querySelectorAll<HTMLElement & { place?: (p: null, o?: { silent?: boolean }) => void }>("[data-guess]")) element.place?.(null, { silent: true });
    bar?.show({ fraction: record.progress(items).fraction, summary: summarize() });
  };

  let stopSections = trackSections(context);
  bar = createProgressBar(root, {
    download: () => downloadRecord(doc, record.document()),
    reset: () => {
      if (!(options.confirm ?? ((q: string) => view?.confirm(q) ?? false))(RESET_QUESTION)) return;
      record.reset();
    },
  });
  let refreshing = false;
  const unsubscribe = record.subscribe((entry) => {
    // An entry recorded while refreshing (a prediction now answered) refreshes again once done.
    if (refreshing) return queueMicrotask(() => refresh());
    refreshing = true;
    try {
      refresh(entry === null);
    } finally {
      refreshing = false;
    }
    if (entry === null) {
      stopSections();
      stopSections = trackSections(context);
    }
  });
  restoreGuesses();
  refresh();
  (handle.api as { record?: () => RecordDocument }).record = () => record.document();

  return {
    record,
    destroy() {
      unsubscribe();
      stopSections();
      observer?.disconnect();
      root.removeEventListener("input", onGuess);
      for (const blank of blanks.values()) blank.destroy();
      for (const prediction of predictions) prediction.destroy();
      bar?.destroy();
    },
  };
}

function readPoint(text: string): [number, number] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number" && Number.isFinite(v)) ? [value[0], value[1]] : undefined;
  } catch {
    return undefined;
  }
}
