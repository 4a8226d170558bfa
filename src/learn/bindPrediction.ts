// One prediction in the page: its question's blanks (and guesses on a figure) are answered, or
// the reader chooses "Skip and show", and only then does what it hides open; then each guess is
// shown beside the truth. What it hides is a <details> (the compiler's), so its summary is the
// visible line that says content follows and the skip control at once, and it works without
// JavaScript too.

import type { Prediction } from "../compile/types.ts";
import type { BoundBlank } from "./bindBlank.ts";
import type { LearningContext } from "./learningContext.ts";

/** A bound prediction. */
export interface BoundPrediction {
  prediction: Prediction;
  /** Records "answered" once every blank and guess of the question has an answer. */
  checkAnswered(): void;
  /** Shows the state the record holds. */
  refresh(): void;
  destroy(): void;
}

const SUMMARY_OPEN = "What follows is hidden until you answer above. Skip and show it";
const SUMMARY_SHOWN = "What follows (shown)";

/** Binds `[data-predict=id]` and its hidden part, with the bound blanks of its question. */
export function bindPrediction(context: LearningContext, prediction: Prediction, blanks: Map<string, BoundBlank>): BoundPrediction | undefined {
  const { root, record } = context;
  const element = root.querySelector<HTMLElement>(`[data-predict="${prediction.id}"]`);
  if (!element) return undefined;
  const body = root.querySelector<HTMLDetailsElement>(`details[data-predict-body="${prediction.id}"]`);
  const summary = body?.querySelector<HTMLElement>(":scope > summary");
  const doc = root.ownerDocument;
  const guesses = () => [...element.querySelectorAll<HTMLElement>("[data-guess]")];

  // A question with nothing to answer gets a button that says the reader has made up their mind.
  let ready: HTMLButtonElement | undefined;
  if (!prediction.blanks.length && !prediction.cells.length) {
    ready = doc.createElement("button");
    ready.type = "button";
    ready.className = "predict-ready";
    ready.textContent = "I have my prediction: show me";
    ready.addEventListener("click", () => record.record("predict", prediction.id, "answered", { result: { completion: true } }));
    element.append(ready);
  }

  const onToggle = () => {
    if (!body?.open || record.describe("predict", prediction.id) !== "open") return;
    // Opened by the reader before answering: a skip. The question's unanswered blanks are revealed.
    for (const id of prediction.blanks) if (record.item("blank", id).attempts === 0) record.record("blank", id, "skipped");
    record.record("predict", prediction.id, "skipped");
  };
  body?.addEventListener("toggle", onToggle);

  return {
    prediction,
    checkAnswered() {
      if (record.describe("predict", prediction.id) !== "open") return;
      const answered = prediction.blanks.every((id) => record.item("blank", id).attempts > 0);
      const placed = guesses().every((guess) => guess.dataset.state === "placed");
      if (!answered || !placed || (!prediction.blanks.length && !guesses().length)) return;
      const responses = Object.fromEntries(prediction.blanks.map((id) => [id, record.item("blank", id).entries.find((e) => e.verb === "answered")?.result?.response ?? ""]));
      record.record("predict", prediction.id, "answered", { result: { response: JSON.stringify(responses), completion: true } });
    },
    refresh() {
      const state = record.describe("predict", prediction.id);
      element.dataset.state = state;
      if (ready) ready.hidden = state !== "open";
      if (summary) summary.textContent = state === "open" ? SUMMARY_OPEN : SUMMARY_SHOWN;
      if (state === "open") {
        if (body) body.open = false;
        return;
      }
      if (body && !body.open) body.open = true;
      for (const id of prediction.blanks) blanks.get(id)?.showBeside();
    },
    destroy() {
      body?.removeEventListener("toggle", onToggle);
      ready?.remove();
      if (summary) summary.textContent = SUMMARY_OPEN;
    },
  };
}
