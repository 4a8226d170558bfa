// Finds what shapes a cell's function: top-level `await` and `yield`, outside nested functions.

import { base, recursive, type RecursiveVisitors } from "acorn-walk";
import type { Node } from "acorn";
import { walkBase } from "./walkBase.ts";

/** Whether a cell awaits or yields at its top level. */
export interface CellFeatures {
  async: boolean;
  generator: boolean;
  /** The offset of an `import.meta`, which a cell's function cannot hold, or -1. */
  importMeta: number;
}

/** What a cell without `await`, `yield` or `import.meta` has: nothing that shapes its function. */
export const noFeatures: Readonly<CellFeatures> = Object.freeze({ async: false, generator: false, importMeta: -1 });

/**
 * True when `code` cannot hold a feature: none of the words `await`, `yield`, `import` appears in it.
 * Exact, not a guess: acorn reads no escaped keyword as one (`aw\u0061it` is a name or an error), so
 * every node findFeatures looks for is spelled out in the text. It spares the walk over most cells.
 */
export function isFeatureFree(code: string): boolean {
  return !code.includes("await") && !code.includes("yield") && !code.includes("import");
}

/** Finds top-level `await` (including `for await`) and `yield` in `root`, skipping nested functions; and `import.meta`. */
export function findFeatures(root: Node): CellFeatures {
  const found: CellFeatures = { async: false, generator: false, importMeta: -1 };
  const visitors: RecursiveVisitors<CellFeatures> = {
    Function(node, state) {
      // Nested functions do not make the cell async or a generator, but `import.meta` counts anywhere.
      const inner = findFeatures(node.body);
      if (inner.importMeta >= 0 && state.importMeta < 0) state.importMeta = inner.importMeta;
    },
    AwaitExpression(node, state, c) {
      state.async = true;
      base.AwaitExpression!(node, state, c);
    },
    ForOfStatement(node, state, c) {
      if (node.await) state.async = true;
      base.ForOfStatement!(node, state, c);
    },
    MetaProperty(node, state) {
      if (node.meta.name === "import" && state.importMeta < 0) state.importMeta = node.start;
    },
    YieldExpression(node, state, c) {
      state.generator = true;
      base.YieldExpression!(node, state, c);
    },
  };
  recursive(root, found, visitors, walkBase as RecursiveVisitors<CellFeatures>);
  return found;
}
