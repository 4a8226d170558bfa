import { describe, expect, it } from "vitest";
import { matchPage } from "../../src/site/matchPage.ts";

describe("matchPage", () => {
  it("names the index by the empty path, index and index.html", () => {
    for (const path of ["", "/", "index", "index.html"]) expect(matchPage(path), path).toEqual({ kind: "index" });
  });

  it("names a lesson by its slug, with or without .html, escapes decoded", () => {
    expect(matchPage("a")).toEqual({ kind: "lesson", slug: "a" });
    expect(matchPage("/a.html")).toEqual({ kind: "lesson", slug: "a" });
    expect(matchPage("caf%C3%A9.html")).toEqual({ kind: "lesson", slug: "café" });
  });

  it("keeps every page inside the folder: no sub-folders, drafts, dot files or bad escapes", () => {
    for (const path of ["sub/a.html", "a%2Fb.html", "..%2Fsecret", "a%5Cb", "_draft.html", ".hidden", "%E0%A4%A.html", "a%00.html"]) {
      expect(matchPage(path), path).toBeNull();
    }
  });
});
