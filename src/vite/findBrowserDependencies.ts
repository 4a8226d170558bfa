// The npm packages lesson pages may load, found by following imports through this package's
// browser code, for Vite to pre-bundle before the first page view.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// Import declarations and re-exports (not `import type`), side-effect imports, and import().
const importPattern = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\sfrom\s*)?["']([^"'`$\s]+)["']|\bimport\(\s*["']([^"'`$\s]+)["']\s*\)/gm;

/**
 * Every bare specifier reachable from `entries` (static and dynamic imports, CSS left out) that
 * is installed in a node_modules folder above `root`, where Vite resolves pre-bundled deps from.
 * Pre-bundling them up front matters: a dependency Vite discovers only while a page runs (say
 * the editor's acorn, on the first edit) makes it re-optimize and reload that page.
 */
export function findBrowserDependencies(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const specifiers = new Set<string>();
  const queue = entries.filter(existsSync);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith(".")) {
        const target = resolveRelative(join(dirname(file), specifier));
        if (target) queue.push(target);
      } else if (!/^(node:|live-lesson(\/|$))/.test(specifier) && !/\.css$/.test(specifier)) {
        specifiers.add(specifier);
      }
    }
  }
  return [...specifiers].filter((specifier) => isInstalledAbove(root, packageName(specifier))).sort();
}

function resolveRelative(path: string): string | undefined {
  return [path, `${path}.ts`, join(path, "index.ts")].find((candidate) => /\.[mc]?[jt]s$/.test(candidate) && existsSync(candidate));
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function isInstalledAbove(dir: string, name: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, "node_modules", name, "package.json"))) return true;
    if (dirname(current) === current) return false;
  }
}
