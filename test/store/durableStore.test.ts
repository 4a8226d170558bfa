import { describe, expect, it } from "vitest";
import { backupKeyOf, loadDurably, saveDurably, type Codec, type StoreNotices } from "../../src/store/durableStore.ts";
import { checksum } from "../../src/store/checksum.ts";
import { siteScope } from "../../src/store/siteScope.ts";
import { FakeStorage } from "./fakeStorage.ts";

// A codec of a list of words, checksummed: enough to see the store keep one good copy.
const codec: Codec<string[]> = {
  encode: (words) => JSON.stringify({ sum: checksum(words.join(",")), words }),
  decode(text) {
    try {
      const { sum, words } = JSON.parse(text);
      return Array.isArray(words) && sum === checksum(words.join(",")) ? { ok: true, state: words } : { ok: false, problem: "corrupt" };
    } catch {
      return { ok: false, problem: "corrupt" };
    }
  },
  isEmpty: (words) => words.length === 0,
};
const notices: StoreNotices = { restored: "restored", unreadable: "unreadable", unavailable: "unavailable", full: "full" };

describe("the durable store", () => {
  it("saves, loads, and removes both copies when the value is empty", () => {
    const storage = new FakeStorage();
    expect(saveDurably(storage, "k", codec, ["a"], notices)).toBeUndefined();
    expect(saveDurably(storage, "k", codec, ["a", "b"], notices)).toBeUndefined();
    expect(loadDurably(storage, "k", codec, [], notices)).toEqual({ state: ["a", "b"] });
    expect(storage.getItem(backupKeyOf("k"))).toBe(codec.encode(["a"]));
    saveDurably(storage, "k", codec, [], notices);
    expect([...storage.items.keys()]).toEqual([]);
  });

  it("leaves a good copy whichever write tears", () => {
    for (let failAt = 1; failAt <= 3; failAt++) {
      const storage = new FakeStorage();
      saveDurably(storage, "k", codec, ["a"], notices);
      saveDurably(storage, "k", codec, ["b"], notices);
      storage.failOnWrite = storage.writes + failAt;
      storage.tear = true;
      saveDurably(storage, "k", codec, ["c"], notices);
      expect([["b"], ["c"]]).toContainEqual(loadDurably(storage, "k", codec, [], notices).state);
    }
  });

  it("says so when storage is full, refused, or unreadable", () => {
    const storage = new FakeStorage();
    storage.failOnWrite = 1;
    expect(saveDurably(storage, "k", codec, ["a"], notices)).toBe("full");
    storage.error = "SecurityError";
    storage.failOnWrite = 2;
    expect(saveDurably(storage, "k", codec, ["a"], notices)).toBe("unavailable");
    expect(loadDurably(undefined, "k", codec, [], notices)).toEqual({ state: [], notice: "unavailable" });
    storage.items.set("k", "garbage");
    expect(loadDurably(storage, "k", codec, [], notices)).toEqual({ state: [], notice: "unreadable" });
    storage.items.set(backupKeyOf("k"), codec.encode(["x"]));
    expect(loadDurably(storage, "k", codec, [], notices)).toEqual({ state: ["x"], notice: "restored" });
  });
});

describe("siteScope", () => {
  it("gives every page of a site the same scope, and two sites different ones", () => {
    expect(siteScope("http://h/course/lesson.html")).toBe("/course/");
    expect(siteScope("http://h/course/index.html")).toBe("/course/");
    expect(siteScope("http://h/course/")).toBe("/course/");
    expect(siteScope("http://h/other/lesson.html")).toBe("/other/");
    expect(siteScope("http://h/lesson.html?x=1#share=abc")).toBe("/");
    expect(siteScope("not a url")).toBe("/");
  });
});
