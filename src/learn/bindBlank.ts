// One blank in the page: the reader types, presses Enter (or leaves the field), and the answer is
// checked, recorded and shown as right or wrong, with the author's feedback. A formula blank
// shows how the reader's formula was read (KaTeX) while they type. The input's `data-state`
// always comes from the record, so a reload shows what the reader had answered.

import type { Blank } from "../compile/types.ts";
import { checkAnswer } from "./answers/checkAnswer.ts";
import { describeAnswer } from "./describeAnswer.ts";
import type { LearningContext } from "./learningContext.ts";
import { loadFormulas } from "./loadFormulas.ts";
import { readInputs } from "./readInputs.ts";
import { readLiveAnswers } from "./readLiveAnswers.ts";
import { extensions } from "./record/index.ts";

/** A bound blank. */
export interface BoundBlank {
  blank: Blank;
  input: HTMLInputElement;
  /** Shows the state the record holds (after a load, an answer, or a reset, which also empties the input). */
  refresh(reset?: boolean): void;
  /** Shows the reader's guess beside the answer (a prediction was answered or skipped). */
  showBeside(): void;
  destroy(): void;
}

/** Binds the `input[data-blank=id]` of `blank`, if it is in the page. */
export function bindBlank(context: LearningContext, blank: Blank): BoundBlank | undefined {
  const { root, record } = context;
  const input = root.querySelector<HTMLInputElement>(`input[data-blank="${blank.id}"]`);
  if (!input) return undefined;
  const doc = root.ownerDocument;
  const isFormula = blank.answers.some((a) => a.kind === "formula");
  const feedback = doc.createElement("span");
  feedback.className = "blank-feedback";
  feedback.id = `blank-${blank.id}-feedback`;
  feedback.setAttribute("aria-live", "polite");
  const preview = doc.createElement("span");
  preview.className = "blank-preview";
  preview.hidden = true;
  const show = doc.createElement("button");
  show.type = "button";
  show.className = "blank-show";
  show.textContent = "Show answer";
  show.hidden = true;
  input.setAttribute("aria-describedby", feedback.id);
  input.after(...(isFormula ? [preview] : []), feedback, ...(blank.predict ? [] : [show]));

  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  const onInput = () => {
    if (!isFormula) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(async () => {
      const text = input.value.trim();
      if (!text) return void (preview.hidden = true);
      const shown = (await loadFormulas()).preview(text);
      preview.hidden = false;
      if ("html" in shown) {
        preview.innerHTML = `<span class="blank-preview-label">read as </span>${shown.html}`;
      } else preview.textContent = `Cannot read this formula yet: ${shown.error}`;
    }, 150);
  };

  const onChange = async () => {
    const response = input.value.trim();
    if (!response) return;
    const live = readLiveAnswers(blank, root);
    const formulas = isFormula ? await loadFormulas() : undefined;
    const verdict = checkAnswer(blank, response, { live, compareFormulas: formulas?.compareFormulas });
    const isLive = blank.answers.some((a) => a.kind === "live");
    const context_ = isLive ? { [extensions.inputs]: await readInputs(context.api, context.inputs), [extensions.expected]: live as Record<string, number | string> } : undefined;
    record.record("blank", blank.id, "answered", { result: { response, success: verdict.right }, ...(context_ ? { context: context_ } : {}) });
    if (!verdict.right) {
      feedback.textContent = `✗ Not quite.${verdict.feedback ? ` ${verdict.feedback}` : ""}${verdict.reason && !verdict.feedback && verdict.reason !== "empty" ? ` (${verdict.reason})` : ""}`;
    }
  };

  const onShow = () => {
    record.record("blank", blank.id, "skipped");
  };

  input.addEventListener("input", onInput);
  input.addEventListener("change", onChange);
  show.addEventListener("click", onShow);

  const bound: BoundBlank = {
    blank,
    input,
    refresh(reset = false) {
      const state = record.describe("blank", blank.id);
      const item = record.item("blank", blank.id);
      input.dataset.state = state;
      if (reset) input.value = "";
      else if (item.lastResponse !== undefined && input.value.trim() === "") input.value = item.lastResponse;
      if (state === "empty") feedback.textContent = "";
      else if (state === "right") feedback.textContent = "✓ Right";
      else if (state === "revealed") feedback.textContent = `Answer: ${describeAnswer(blank, readLiveAnswers(blank, root))}`;
      else if (!feedback.textContent) {
        // After a reload, the author's feedback for the last answer (static answers only: live ones need the values).
        const again = item.lastResponse !== undefined ? checkAnswer(blank, item.lastResponse, { live: readLiveAnswers(blank, root) }).feedback : undefined;
        feedback.textContent = `✗ Not quite.${again ? ` ${again}` : ""}`;
      }
      show.hidden = state !== "wrong";
    },
    showBeside() {
      const item = record.item("blank", blank.id);
      const answer = describeAnswer(blank, readLiveAnswers(blank, root));
      const guess = item.attempts > 0 ? `Your guess: ${item.entries.find((e) => e.verb === "answered")?.result?.response ?? ""}` : "No guess";
      feedback.textContent = `${item.right ? "✓" : "✗"} ${guess} · the answer: ${answer}`;
    },
    destroy() {
      clearTimeout(previewTimer);
      input.removeEventListener("input", onInput);
      input.removeEventListener("change", onChange);
      feedback.remove();
      preview.remove();
      show.remove();
    },
  };
  return bound;
}
