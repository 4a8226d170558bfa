import { describe, expect, it } from "vitest";
import { findAsyncBodyLine, findSyncBodyLine, lineInFunction, mapBodyLine, readCallSites, readOwnSite } from "../../src/runtime/locateError.ts";

// Bodies laid out as compile/cell/transpileCell.ts does: the cell's code starts on the second line.
const syncBody = (0, eval)('(function () {"use strict";\nconst a = 1;\nconst b = null;\nreturn b.x + a;\n})') as () => unknown;
const asyncBody = (0, eval)('(async function () {"use strict";\nawait null;\nnull.y;\n})') as () => Promise<unknown>;

function callBody(body: () => unknown): number | undefined {
  try {
    body();
  } catch (error) {
    return findSyncBodyLine(readCallSites(error), readOwnSite());
  }
  return undefined;
}

describe("locateError", () => {
  it("finds the body line of a synchronous error from the frame above the caller", () => {
    expect(callBody(syncBody)).toBe(4);
  });

  it("finds the body line of an error thrown after an await from the last frame", async () => {
    // Through `.catch`, as the runtime consumes a body's promise: awaiting it would add our frame.
    const error = await new Promise((resolve) => void asyncBody().catch(resolve));
    expect(findAsyncBodyLine(readCallSites(error))).toBe(3);
  });

  it("offers the call sites again after the stack was formatted once", () => {
    const error = new Error("x");
    const sites = readCallSites(error);
    expect(typeof error.stack).toBe("string");
    expect(readCallSites(error)).toBe(sites);
    expect(lineInFunction(sites?.[0])).toBeGreaterThan(0);
  });

  it("maps body lines into the cell and refuses lines outside it", () => {
    expect(mapBodyLine(2, 40, "a\nb\nc")).toBe(40);
    expect(mapBodyLine(4, 40, "a\nb\nc")).toBe(42);
    expect(mapBodyLine(5, 40, "a\nb\nc")).toBeUndefined();
    expect(mapBodyLine(1, 40, "a")).toBeUndefined();
    expect(mapBodyLine(undefined, 40, "a")).toBeUndefined();
  });

  it("ignores values that are not errors", () => {
    expect(readCallSites("boom")).toBeUndefined();
    expect(findSyncBodyLine(undefined, undefined)).toBeUndefined();
  });
});
