// The build's type checker keeps its answers between processes, and reuses one only while nothing it read changed.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { readCachedAnswer, writeCachedAnswer } from "../../src/check/cacheTypeAnswers.ts";
import { createTypeChecker } from "../../src/check/createTypeChecker.ts";
import { compileLesson } from "../../src/compile/index.ts";

vi.mock("../../src/check/cacheTypeAnswers.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/check/cacheTypeAnswers.ts")>();
  return { ...real, readCachedAnswer: vi.fn(real.readCachedAnswer) };
});

// Inside the repository (.scratch/ is ignored), not in /tmp, whose modified time changes all the time.
const dir = join(new URL("../..", import.meta.url).pathname, ".scratch", `cache-${process.pid}`);
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cacheTypeAnswers", () => {
  test("gives an answer back for the same question while the files it read and their folders are unchanged", () => {
    const place = join(dir, "a.md");
    const read = join(dir, "helpers.d.ts");
    writeFileSync(read, "export declare const x: number;\n");
    writeCachedAnswer(place, { question: 1 }, ["answer"], [read]);
    expect(readCachedAnswer(place, { question: 1 })).toEqual(["answer"]);
    expect(readCachedAnswer(place, { question: 2 })).toBeUndefined();
    // A file it read changed.
    writeFileSync(read, "export declare const x: string;\n");
    utimesSync(read, new Date(), new Date(Date.now() + 5000));
    expect(readCachedAnswer(place, { question: 1 })).toBeUndefined();
    // A file added beside the lesson (an import might resolve to it now).
    writeCachedAnswer(place, { question: 1 }, ["answer"], [read]);
    expect(readCachedAnswer(place, { question: 1 })).toEqual(["answer"]);
    writeFileSync(join(dir, "helpers.ts"), "export const x = 1;\n");
    utimesSync(dir, new Date(), new Date(Date.now() + 10000));
    expect(readCachedAnswer(place, { question: 1 })).toBeUndefined();
    // A package installed where the lesson's imports resolve.
    writeCachedAnswer(place, { question: 1 }, ["answer"], [read]);
    expect(readCachedAnswer(place, { question: 1 })).toEqual(["answer"]);
    mkdirSync(join(dir, "node_modules"));
    expect(readCachedAnswer(place, { question: 1 })).toBeUndefined();
  });

  test("keeps no answer saying a module cannot be found (it may be written anywhere next)", () => {
    const place = join(dir, "b.md");
    writeCachedAnswer(place, { question: 1 }, [{ message: "Cannot find module './helpers' or its corresponding type declarations." }], []);
    expect(readCachedAnswer(place, { question: 1 })).toBeUndefined();
  });

  test("a new type checker answers a lesson checked before from the cache, with the same diagnostics", { timeout: 120_000 }, async () => {
    const file = join(dir, "typed.md");
    writeFileSync(file, "---\ntitle: t\n---\n\n```ts\nconst a: string = 1;\n```\n");
    const lesson = compileLesson("---\ntitle: t\n---\n\n```ts\nconst a: string = 1;\n```\n", { file });
    const first = createTypeChecker({ cache: true });
    const checked = await first.check(lesson, { file });
    await first.close();
    expect(checked.map((d) => [d.line, d.code])).toEqual([[6, "type"]]);
    const read = vi.mocked(readCachedAnswer);
    read.mockClear();
    const second = createTypeChecker({ cache: true });
    try {
      expect(await second.check(lesson, { file })).toEqual(checked);
      expect(read.mock.results.map((r) => r.value)).toEqual([checked]);
      // Another cell: another question, answered by the worker.
      const changed = compileLesson("---\ntitle: t\n---\n\n```ts\nconst a: string = \"1\";\n```\n", { file });
      expect(await second.check(changed, { file })).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
