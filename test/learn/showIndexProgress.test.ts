// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { createRecord } from "../../src/learn/record/index.ts";
import { showIndexProgress } from "../../src/learn/showIndexProgress.ts";
import { FakeStorage } from "../store/fakeStorage.ts";

/** An index of three cards: a started lesson, an untouched one, and a page with nothing to learn. */
function renderIndex(): Document {
  document.body.innerHTML = ["a.md", "b.md", "reference.md"]
    .map((file) => {
      const items = file === "reference.md" ? [] : [["blank", "b1"], ["blank", "b2"]];
      return `<li data-lesson-file="${file}" data-learning-items='${JSON.stringify(items)}'><a class="ll-index-link" href="#">${file}</a></li>`;
    })
    .join("");
  return document;
}

describe("the index's progress", () => {
  it("shows a meter inside the card of a started lesson only", () => {
    const storage = new FakeStorage();
    const scope = new URL("./", location.href).pathname;
    const record = createRecord({ lesson: { file: "a.md", title: "A", version: "v1", activity: "http://localhost/a.html" }, storage, scope });
    record.record("blank", "b1", "answered", { result: { response: "3", success: true } });

    const doc = renderIndex();
    showIndexProgress(doc, storage);
    const entry = (file: string) => doc.querySelector<HTMLElement>(`li[data-lesson-file="${file}"]`)!;
    expect(entry("a.md").dataset.progress).toBe("0.5");
    expect(entry("a.md").querySelector(".ll-index-link > progress.ll-index-progress")?.getAttribute("aria-label")).toBe("Your progress: 50%");
    expect(entry("b.md").dataset.progress).toBe("0");
    expect(entry("b.md").querySelector("progress")).toBeNull();
    expect(entry("reference.md").querySelector("progress")).toBeNull();
  });
});
