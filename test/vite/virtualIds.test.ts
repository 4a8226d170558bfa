import { describe, expect, it } from "vitest";
import { findLibraryOf, findPageSlug, isVirtualId } from "../../src/vite/virtualIds.ts";

describe("virtual ids", () => {
  it("name lessons only by slugs the page matcher accepts", () => {
    expect(findPageSlug("\0virtual:live-lesson/page/a")).toBe("a");
    expect(findLibraryOf("\0virtual:live-lesson/library/plot/a")).toEqual({ name: "plot", slug: "a" });
    for (const slug of ["../secret", "..", "sub/a", "_draft", ".hidden", "a\\b", "a\0b", ""]) {
      expect(findPageSlug(`\0virtual:live-lesson/page/${slug}`), slug).toBeUndefined();
      expect(findLibraryOf(`\0virtual:live-lesson/library/plot/${slug}`), slug).toBeUndefined();
      expect(isVirtualId(`virtual:live-lesson/page/${slug}`), slug).toBe(false);
    }
    expect(findLibraryOf("\0virtual:live-lesson/library/../page/a")).toBeUndefined();
    expect(isVirtualId("virtual:live-lesson/problem/../x")).toBe(false);
    expect(isVirtualId("virtual:live-lesson/problem/3")).toBe(true);
    expect(isVirtualId("virtual:live-lesson/shell")).toBe(true);
  });
});
