import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { findSubsetModule, loadSubsetModule, markSubsetModule, resolveInSubset, shareIdCounters, sharedIdsModule } from "../../src/vite/isolateSubsets.ts";

/** A plugin context whose resolve answers from a table (source → resolution), recording each call. */
function contextOf(table: Record<string, { id: string; external?: boolean; moduleSideEffects?: boolean | null } | null>) {
  const calls: [string, string | undefined][] = [];
  return {
    calls,
    resolve: async (source: string, importer?: string) => {
      calls.push([source, importer]);
      const found = table[source];
      return found ? { external: false, moduleSideEffects: null, ...found } : null;
    },
  } as never as Parameters<typeof resolveInSubset>[0] & { calls: [string, string | undefined][] };
}

describe("isolateSubsets", () => {
  it("marks a module as one page's copy and reads the mark back", () => {
    const id = markSubsetModule("/r/node_modules/d3-geo/src/index.js", "worked-example");
    expect(findSubsetModule(id)).toEqual({ path: "/r/node_modules/d3-geo/src/index.js", slug: "worked-example" });
    expect(findSubsetModule("/r/node_modules/d3-geo/src/index.js")).toBeUndefined();
    expect(findSubsetModule(undefined)).toBeUndefined();
  });

  it("resolves a script from the real importer to the page's copy, keeping the package's side effects", async () => {
    const ctx = contextOf({ "d3-array": { id: "/r/node_modules/d3-array/src/index.js", moduleSideEffects: false } });
    const resolved = await resolveInSubset(ctx, "d3-array", "/r/node_modules/@observablehq/plot/src/plot.js", "page");
    expect(resolved).toMatchObject({ id: "/r/node_modules/d3-array/src/index.js?live-lesson-subset=page", moduleSideEffects: false });
    expect(ctx.calls).toEqual([["d3-array", "/r/node_modules/@observablehq/plot/src/plot.js"]]);
  });

  it("resolves a package the page leaves out to its stub, and no other", async () => {
    const ctx = contextOf({ "d3-geo": { id: "/r/node_modules/d3-geo/src/index.js" }, "d3-array": { id: "/r/node_modules/d3-array/src/index.js" } });
    expect(await resolveInSubset(ctx, "d3-geo", "/r/node_modules/d3/src/index.js", "page", ["d3-geo"])).toEqual({ id: "\0virtual:live-lesson/stub/d3-geo" });
    expect((await resolveInSubset(ctx, "d3-array", "/r/node_modules/d3/src/index.js", "page", ["d3-geo"]))?.id).toBe("/r/node_modules/d3-array/src/index.js?live-lesson-subset=page");
  });

  it("leaves virtual, external, non-script, whole-builtin and unresolved imports shared", async () => {
    const ctx = contextOf({
      helper: { id: "\0rolldown/runtime.js" },
      url: { id: "https://example.com/x.js", external: true },
      style: { id: "/r/node_modules/lib/style.css" },
      htl: { id: "/r/node_modules/htl/src/index.js" },
    });
    // htl is a builtin's whole library (html, svg): the page may load it anyway.
    expect((await resolveInSubset(ctx, "htl", "/r/node_modules/@observablehq/inputs/dist/index.js", "page"))?.id).toBe("/r/node_modules/htl/src/index.js");
    expect((await resolveInSubset(ctx, "helper", "/r/a.js", "page"))?.id).toBe("\0rolldown/runtime.js");
    expect((await resolveInSubset(ctx, "url", "/r/a.js", "page"))?.id).toBe("https://example.com/x.js");
    expect((await resolveInSubset(ctx, "style", "/r/a.js", "page"))?.id).toBe("/r/node_modules/lib/style.css");
    expect(await resolveInSubset(ctx, "missing", "/r/a.js", "page")).toBeNull();
  });

  it("loads a copy from its file, as JavaScript", () => {
    const file = join(mkdtempSync(join(tmpdir(), "isolate-")), "module.mjs");
    writeFileSync(file, "export const answer = 42;\n");
    expect(loadSubsetModule(markSubsetModule(file, "page"))).toEqual({ code: "export const answer = 42;\n", moduleType: "js" });
    expect(loadSubsetModule(file)).toBeNull();
  });

  describe("shareIdCounters", () => {
    const style = join(process.cwd(), "node_modules/@observablehq/plot/src/style.js");

    /** Runs a counting module's `getClipId` as the bundle would, its shared module given. */
    function clipIdsOf(code: string, shared: { nextId(key: string, prefix: string): number }) {
      const body = code.replace(/^import \{ nextId as __liveLessonNextId \} from "[^"]+"; /, "");
      const match = /export function getClipId\(\) \{[\s\S]*?\n\}/.exec(body);
      expect(match).not.toBeNull();
      return new Function("__liveLessonNextId", `${match![0].replace("export ", "")}; return getClipId;`)(shared.nextId) as () => string;
    }

    it("has two copies of Plot's style.js (a page's subset and the whole library) count clip ids with one counter", () => {
      const code = readFileSync(style, "utf8");
      const copy = shareIdCounters(code, markSubsetModule(style, "a-page"));
      const whole = shareIdCounters(code, style);
      expect(copy).toMatch(/^import \{ nextId as __liveLessonNextId \} from "virtual:live-lesson\/ids"; /);
      expect(copy).not.toMatch(/\+\+nextClipId|let nextClipId/);
      // Lines stay where they were.
      expect(copy!.split("\n").length).toBe(code.split("\n").length);
      const shared = loadSharedIds();
      const ids = [clipIdsOf(copy!, shared)(), clipIdsOf(whole!, shared)(), clipIdsOf(copy!, shared)()];
      expect(ids).toEqual(["plot-clip-1", "plot-clip-2", "plot-clip-3"]);
    });

    it("counts on after the ids a built page's prerendered charts already have, so a live chart never takes one", () => {
      const code = readFileSync(style, "utf8");
      const copy = shareIdCounters(code, markSubsetModule(style, "a-page"))!;
      // The document as a built page has it: prerendered charts numbered by the build's run.
      const prerendered = ["plot-clip-1", "plot-clip-4", "plot-clip-2", "plot-clip-x", "plot-pattern-9"];
      const document = { querySelectorAll: (selector: string) => prerendered.filter((id) => selector === '[id^="plot-clip-"]' && id.startsWith("plot-clip-")).map((id) => ({ id })) };
      const shared = loadSharedIds(document);
      const getClipId = clipIdsOf(copy, shared);
      expect([getClipId(), getClipId()]).toEqual(["plot-clip-5", "plot-clip-6"]);
    });

    /** The shared counters' module as the bundle runs it, with `document` as the page's (none in Node). */
    function loadSharedIds(document?: unknown): { nextId(key: string, prefix: string): number } {
      return new Function("document", `${sharedIdsModule.replaceAll("export ", "")}; return { nextId };`)(document);
    }

    it("leaves other modules alone, and fails loudly when a listed module lost its counter", () => {
      expect(shareIdCounters("let nextClipId = 0;", "/x/node_modules/d3-array/src/max.js")).toBeNull();
      expect(() => shareIdCounters("export const x = 1;", style)).toThrow(/nextClipId.*idCounters/);
    });

    it("covers Plot's markers and Inputs' ids", () => {
      for (const [file, name] of [["@observablehq/plot/src/marker.js", "nextMarkerId"], ["@observablehq/inputs/dist/index.js", "nextId"]]) {
        const path = join(process.cwd(), "node_modules", file!);
        const shared = shareIdCounters(readFileSync(path, "utf8"), path);
        expect(shared).not.toMatch(new RegExp(`\\+\\+${name}\\b`));
        expect(shared).toMatch(new RegExp(`__liveLessonNextId\\("/node_modules/${file}#${name}", "(plot-marker|inputs-3a86ea)-"\\)`));
      }
    });
  });
});
