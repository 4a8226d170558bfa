// @vitest-environment happy-dom
// Holding saved edits back when they may have broken the last load (the page test is in
// test/e2e/security.test.ts: an edit that empties the page does not come back).
import { describe, expect, it } from "vitest";
import { findReasonToHold, loadingKey, markLoaded, markLoadedWhenSettled, markLoading, NO_EDITS_HASH } from "../../src/editor/holdSavedEdits.ts";
import { FakeStorage } from "../store/fakeStorage.ts";

const href = "http://localhost/course/lesson.html";

describe("holdSavedEdits", () => {
  it("holds nothing back on a first load, and everything after a load that never finished", () => {
    const state = { storage: new FakeStorage(), lessonKey: "lesson.md" };
    expect(findReasonToHold(state, href)).toBeUndefined();
    markLoading(state);
    expect(findReasonToHold(state, href)).toMatch(/did not finish loading last time/);
    markLoaded(state);
    expect(findReasonToHold(state, href)).toBeUndefined();
  });

  it("holds them back with #no-edits, whatever happened before", () => {
    const state = { storage: new FakeStorage(), lessonKey: "lesson.md" };
    expect(findReasonToHold(state, href + NO_EDITS_HASH)).toMatch(/#no-edits/);
  });

  it("clears the flag only when the lesson is still in the page once idle", async () => {
    const storage = new FakeStorage();
    const root = document.createElement("main");
    const bar = { element: document.createElement("div") };
    root.append(bar.element);
    document.body.append(root);
    const state = { storage, lessonKey: "lesson.md", root, bar, doc: document } as unknown as Parameters<typeof markLoadedWhenSettled>[0];
    markLoading(state);
    root.remove(); // As `document.body.innerHTML = ""` in an edit does.
    await markLoadedWhenSettled(state, () => Promise.resolve());
    expect(storage.getItem(loadingKey("lesson.md"))).not.toBeNull();
    document.body.append(root);
    await markLoadedWhenSettled(state, () => Promise.resolve());
    expect(storage.getItem(loadingKey("lesson.md"))).toBeNull();
    root.remove();
  });

  it("survives storage that throws", () => {
    const refusing = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("SecurityError"); }, removeItem: () => { throw new Error("SecurityError"); } };
    const state = { storage: refusing, lessonKey: "lesson.md" };
    expect(() => markLoading(state)).not.toThrow();
    expect(findReasonToHold(state, href)).toBeUndefined();
  });
});
