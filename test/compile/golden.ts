// Golden files: compare output with test/output/<name>, write <name>-changed beside it on a mismatch.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));

/**
 * Checks `actual` against test/output/<file>. A missing golden fails on CI; locally it is created
 * only with UPDATE_GOLDENS=1 (which also accepts changes). A mismatch writes <name>-changed.<ext>.
 */
export function assertGolden(file: string, actual: string): void {
  mkdirSync(outputDir, { recursive: true });
  const path = outputDir + file;
  const changed = path.replace(/(\.[^.]+)$/, "-changed$1");
  const update = process.env.UPDATE_GOLDENS === "1" && !process.env.CI;
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`missing golden test/output/${file}, run with UPDATE_GOLDENS=1 locally`);
    if (!update) throw new Error(`missing golden test/output/${file}; run with UPDATE_GOLDENS=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, "utf8");
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  if (update) {
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `test/output/${file} differs; the new output is in ${file.replace(/(\.[^.]+)$/, "-changed$1")}`).toBe(expected);
}

/**
 * The files in test/output that are not in `produced` (the goldens the fixtures check), `-changed`
 * files aside: an orphan is a golden nothing compares any more, so it would pass review unread.
 */
export function findOrphanGoldens(produced: readonly string[]): string[] {
  const known = new Set(produced);
  return readdirSync(outputDir)
    .filter((file) => !known.has(file) && !/-changed\.[^.]+$/.test(file))
    .sort();
}
