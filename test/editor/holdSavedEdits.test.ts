// @vitest-environment happy-dom
// Holding saved edits back when they may have broken the last load (the page test is in
// test/e2e/security.test.ts: an edit that empties the page does not come back).
import { describe, expect, it } from "vitest";
import { findReasonToHold, loadingKey, markLoaded, markLoadedWhenLeft, markLoadedWhenSettled, markLoading, NO_EDITS_HASH } from "../../src/editor/holdSavedEdits.ts";
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

  it("clears the flag when the reader leaves a page that ran the edits and still holds the lesson", () => {
    // A reload before the lesson was idle (the exercise browser test reloads, then opens the page
    // again at once) is not a failed load: the next load must run the edits.
    const storage = new FakeStorage();
    const root = document.createElement("main");
    const bar = { element: document.createElement("div") };
    root.append(bar.element);
    document.body.append(root);
    const state = { storage, lessonKey: "lesson.md", root, bar, doc: document } as unknown as Parameters<typeof markLoadedWhenLeft>[0];
    let ran = true;
    const stop = markLoadedWhenLeft(state, () => ran);
    const leave = () => window.dispatchEvent(new Event("pagehide"));

    markLoading(state);
    leave();
    expect(findReasonToHold(state, href)).toBeUndefined();

    // A page an edit emptied keeps the flag when left: the next load holds the edits back.
    markLoading(state);
    root.remove();
    leave();
    expect(findReasonToHold(state, href)).toMatch(/did not finish loading last time/);

    // A load that held the edits back proved nothing about them: leaving it keeps the flag.
    document.body.append(root);
    ran = false;
    leave();
    expect(findReasonToHold(state, href)).toMatch(/did not finish loading last time/);

    ran = true;
    stop();
    leave();
    expect(storage.getItem(loadingKey("lesson.md"))).not.toBeNull();
    root.remove();
  });

  it("survives storage that throws", () => {
    const refusing = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("SecurityError"); }, removeItem: () => { throw new Error("SecurityError"); } };
    const state = { storage: refusing, lessonKey: "lesson.md" };
    expect(() => markLoading(state)).not.toThrow();
    expect(findReasonToHold(state, href)).toBeUndefined();
  });
});
