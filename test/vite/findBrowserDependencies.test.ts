import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findBrowserDependencies } from "../../src/vite/findBrowserDependencies.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));

describe("findBrowserDependencies", () => {
  it("follows relative imports and collects installed bare ones, types and CSS left out", () => {
    const dir = mkdtempSync(join(repo, "node_modules", ".find-deps-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(
      join(dir, "entry.ts"),
      [
        'import { a } from "./sub/a.ts";',
        'import type { Foo } from "fast-check";',
        'export { b } from "./sub";',
        'import "katex/dist/katex.min.css";',
        'const lazy = () => import("d3");',
        'import { x } from "live-lesson/math";',
        'import { y } from "node:fs";',
        'import { z } from "not-installed-anywhere";',
      ].join("\n"),
    );
    writeFileSync(join(dir, "sub", "a.ts"), 'import {\n  parse,\n} from "acorn";\nexport const a = 1;');
    writeFileSync(join(dir, "sub", "index.ts"), 'export * from "@observablehq/runtime";\nexport const b = 2;');
    try {
      expect(findBrowserDependencies(dir, [join(dir, "entry.ts")])).toEqual(["@observablehq/runtime", "acorn", "d3"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds what the runtime and the editor load", () => {
    const found = findBrowserDependencies(join(repo, "lessons"), [join(repo, "src/runtime/index.ts"), join(repo, "src/editor/index.ts")]);
    expect(found).toEqual(expect.arrayContaining(["@observablehq/runtime", "@observablehq/plot", "d3"]));
  });
});
