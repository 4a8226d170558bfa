// The dev server's way to collect the checker's files: the same files, from a worker thread.
import { describe, expect, test } from "vitest";
import { collectCheckerFiles } from "../../src/check/collectCheckerFiles.ts";
import { collectCheckerFilesOffThread } from "../../src/check/collectCheckerFilesOffThread.ts";

const lessons = new URL("../../lessons", import.meta.url).pathname;

describe("collectCheckerFilesOffThread", () => {
  test("collects what collectCheckerFiles collects", { timeout: 180_000 }, async () => {
    const off = await collectCheckerFilesOffThread(lessons, ["d3"]);
    const here = collectCheckerFiles(lessons, ["d3"]);
    expect(Object.keys(off.files)).toEqual(Object.keys(here.files));
    expect(off).toEqual(here);
  });
});
