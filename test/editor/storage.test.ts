import { describe, expect, it } from "vitest";
import { decodeSaved, encodeSaved, type SavedLesson } from "../../src/editor/saved.ts";
import { backupKey, loadEdits, openStorage, refusedKey, saveEdits, storageKey, type EditStorage } from "../../src/editor/storage.ts";
import { FakeStorage } from "../store/fakeStorage.ts";

const lesson = "derivatives";
const state = (source: string): SavedLesson => ({
  version: 1,
  lesson,
  cells: { abc123: { source, authorSource: "x = 1", savedAt: 1_700_000_000_000, index: 0, outputs: ["x"] } },
});

describe("the saved-edits codec", () => {
  it("round-trips a state", () => {
    const decoded = decodeSaved(encodeSaved(state("x = 2")), lesson);
    expect(decoded).toEqual({ ok: true, state: state("x = 2") });
  });

  it("refuses corrupt JSON, a wrong version, a foreign lesson, a bad checksum and wrong types", () => {
    const good = encodeSaved(state("x = 2"));
    expect(decodeSaved("{not json", lesson)).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeSaved(good.slice(0, 40), lesson)).toEqual({ ok: false, problem: "corrupt" });
    expect(decodeSaved(good.replace('"version":1', '"version":2'), lesson)).toEqual({ ok: false, problem: "version" });
    expect(decodeSaved(good, "another-lesson")).toEqual({ ok: false, problem: "foreign" });
    expect(decodeSaved(good.replace("x = 2", "x = 3"), lesson)).toEqual({ ok: false, problem: "corrupt" });
    // A bad entry is refused on its own (set aside), the copy's other entries are kept.
    for (const cells of [{ abc: { source: 1, authorSource: "", savedAt: 0 } }, { "a b": { source: "", authorSource: "", savedAt: 0 } }]) {
      const text = encodeSaved({ version: 1, lesson, cells } as unknown as SavedLesson);
      expect(decodeSaved(text, lesson)).toEqual({ ok: true, state: { version: 1, lesson, cells: {} }, refused: { text: JSON.stringify(cells), count: 1 } });
    }
    expect(decodeSaved(encodeSaved({ version: 1, lesson, cells: [] } as unknown as SavedLesson), lesson).ok).toBe(false);
    expect(decodeSaved("null", lesson).ok).toBe(false);
    expect(decodeSaved('"text"', lesson).ok).toBe(false);
  });

  it("keeps the mark of code that came from a share link, and refuses any other mark", () => {
    const marked = { version: 1 as const, lesson, cells: { abc123: { ...state("x = 2").cells.abc123!, from: "link" as const } } };
    expect(decodeSaved(encodeSaved(marked), lesson)).toEqual({ ok: true, state: marked });
    const forged = encodeSaved({ version: 1, lesson, cells: { abc123: { ...state("x = 2").cells.abc123!, from: "author" } } } as unknown as SavedLesson);
    expect(decodeSaved(forged, lesson)).toMatchObject({ ok: true, state: { cells: {} }, refused: { count: 1 } });
  });

  it("keeps an id such as __proto__ as plain data", () => {
    const text = encodeSaved({ version: 1, lesson, cells: JSON.parse('{"__proto__": {"source": "a", "authorSource": "b", "savedAt": 1}}') });
    const decoded = decodeSaved(text, lesson);
    expect(decoded.ok && Object.getPrototypeOf(decoded.state.cells)).toBe(Object.prototype);
    expect(decoded.ok && Object.keys(decoded.state.cells)).toEqual(["__proto__"]);
  });
});

describe("loading and saving", () => {
  it("saves and loads", () => {
    const storage = new FakeStorage();
    expect(saveEdits(storage, state("x = 2"))).toBeUndefined();
    expect(loadEdits(storage, lesson)).toEqual({ state: state("x = 2") });
  });

  it("falls back to the previous good copy when a write is torn", () => {
    const storage = new FakeStorage();
    saveEdits(storage, state("x = 2"));
    storage.failOnWrite = storage.writes + 2; // the backup write succeeds, the main write tears
    storage.tear = true;
    expect(saveEdits(storage, state("x = 3"))).toMatch(/full/);
    expect(storage.getItem(storageKey(lesson))).not.toBe(encodeSaved(state("x = 2")));
    const loaded = loadEdits(storage, lesson);
    expect(loaded.state).toEqual(state("x = 2"));
    expect(loaded.notice).toMatch(/earlier copy/);
  });

  it("keeps the main copy when the backup write is torn", () => {
    const storage = new FakeStorage();
    saveEdits(storage, state("x = 2"));
    storage.failOnWrite = storage.writes + 1;
    storage.tear = true;
    saveEdits(storage, state("x = 3"));
    expect(loadEdits(storage, lesson)).toEqual({ state: state("x = 2") });
  });

  it("never lets a torn write at any point leave nothing readable", () => {
    for (let failAt = 1; failAt <= 4; failAt++) {
      const storage = new FakeStorage();
      saveEdits(storage, state("x = 2"));
      saveEdits(storage, state("x = 3"));
      storage.failOnWrite = storage.writes + failAt;
      storage.tear = true;
      saveEdits(storage, state("x = 4"));
      const loaded = loadEdits(storage, lesson).state.cells.abc123?.source;
      expect(["x = 3", "x = 4"]).toContain(loaded);
    }
  });

  it("reports a full storage and goes on", () => {
    const storage = new FakeStorage();
    storage.failOnWrite = 1;
    expect(saveEdits(storage, state("x = 2"))).toMatch(/storage is full/);
  });

  it("survives storage that refuses access (SecurityError)", () => {
    const storage = openStorage(() => {
      throw Object.assign(new Error("denied"), { name: "SecurityError" });
    });
    expect(storage).toBeUndefined();
    expect(loadEdits(storage, lesson).state.cells).toEqual({});
    expect(loadEdits(storage, lesson).notice).toMatch(/does not let the page save/);
    expect(saveEdits(storage, state("x = 2"))).toMatch(/does not let the page save/);
    const throwing: EditStorage = {
      getItem: () => {
        throw Object.assign(new Error("denied"), { name: "SecurityError" });
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(loadEdits(throwing, lesson).state.cells).toEqual({});
    expect(saveEdits(throwing, state("x = 2"))).toMatch(/does not let the page save/);
  });

  it("sets aside corrupt data with a notice, and data for another lesson", () => {
    const storage = new FakeStorage();
    storage.items.set(storageKey(lesson), "\u0000garbage");
    expect(loadEdits(storage, lesson)).toEqual({ state: { version: 1, lesson, cells: {} }, notice: expect.stringMatching(/could not be read/) });
    storage.items.set(storageKey(lesson), encodeSaved({ ...state("x = 2"), lesson: "other" }));
    expect(loadEdits(storage, lesson).state.cells).toEqual({});
  });

  it("forgets everything when no edit is left", () => {
    const storage = new FakeStorage();
    saveEdits(storage, state("x = 2"));
    saveEdits(storage, state("x = 3"));
    saveEdits(storage, { version: 1, lesson, cells: {} });
    expect(storage.getItem(storageKey(lesson))).toBeNull();
    expect(storage.getItem(backupKey(lesson))).toBeNull();
  });

  it("keeps every valid edit when one entry fails validation, and sets that one aside under its own key", () => {
    const storage = new FakeStorage();
    const cells = { ...state("x = 2").cells, bad1: { source: 42, authorSource: "y = 1", savedAt: 1 } };
    storage.items.set(storageKey(lesson), encodeSaved({ version: 1, lesson, cells } as unknown as SavedLesson));
    const loaded = loadEdits(storage, lesson);
    // Before: the one bad entry made the whole copy "set aside", and nothing was kept.
    expect(loaded.state).toEqual(state("x = 2"));
    expect(loaded.notice).toMatch(/1 saved edit could not be read/);
    expect(JSON.parse(storage.getItem(refusedKey(lesson))!)).toEqual({ bad1: { source: 42, authorSource: "y = 1", savedAt: 1 } });
  });

  it("sets an unreadable copy aside, so the next save does not overwrite it", () => {
    const storage = new FakeStorage();
    storage.items.set(storageKey(lesson), "\u0000garbage");
    expect(loadEdits(storage, lesson).notice).toMatch(/could not be read/);
    saveEdits(storage, state("x = 2"));
    saveEdits(storage, state("x = 3"));
    expect(storage.getItem(refusedKey(lesson))).toBe("\u0000garbage");
  });

  it("saves with the limits it loads with: a cell too long to load back is not saved, and the others are", () => {
    const storage = new FakeStorage();
    const long = "x".repeat(250_000);
    const both: SavedLesson = { version: 1, lesson, cells: { ...state("x = 2").cells, big1: { source: long, authorSource: "y = 1", savedAt: 1 } } };
    // Before: it saved silently and was refused on reload, taking the other edits with it.
    expect(saveEdits(storage, both)).toMatch(/too long to save/);
    expect(loadEdits(storage, lesson)).toEqual({ state: state("x = 2") });
  });

  it("keys edits by the site's base path too, so two courses on one origin keep theirs apart", () => {
    // Before: the key was the lesson's file name alone, and course-a/multi.md's edit ran in course-b/multi.md.
    expect(storageKey("multi.md", "/course-a/")).not.toBe(storageKey("multi.md", "/course-b/"));
    expect(storageKey("multi.md", "/course-a/")).toBe("live-lesson:/course-a/multi.md");
    // A site at the root keeps the key edits were saved under before.
    expect(storageKey("multi.md", "/")).toBe("live-lesson:multi.md");
  });
});
