// The checks across a lesson's cells: duplicate names, cycles, undefined names, assignments to inputs.

import { getLineInfo } from "acorn";
import type { Cell, Diagnostic } from "../types.ts";
import { isBuiltin, isBuiltinIn } from "../../contract/builtins.ts";
import { isGlobal } from "../globals.ts";
import { findCellDeclarations, findCellReferences } from "./analyzeCell.ts";
import type { Reference } from "./findReferences.ts";
import { suggestName } from "./suggestName.ts";

/** Finds the problems that involve more than one cell; cells are in document order. */
export function checkCells(cells: readonly Cell[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const definers = new Map<string, Cell>();
  for (const cell of cells) {
    for (const name of cell.outputs) {
      const first = definers.get(name);
      if (!first) definers.set(name, cell);
      else if (first !== cell) {
        // Both places are the name itself, not the cells' first lines: that is where the reader looks.
        const there = locateDeclaration(first, name);
        diagnostics.push({
          ...locateDeclaration(cell, name),
          severity: "error",
          code: "duplicate-definition",
          message: `"${name}" is defined more than once: it is also defined at line ${there.line}, column ${there.column}`,
          cell: cell.id,
        });
      }
    }
  }
  for (const cell of cells) {
    const seen = new Set<string>();
    for (const ref of findCellReferences(cell)) {
      if (isGlobal(ref.name)) continue;
      const definer = definers.get(ref.name);
      if (!definer && !isBuiltinIn(ref.name, cell.exercise ? "exercise" : undefined)) {
        if (!seen.has(ref.name)) {
          const close = suggestName(ref.name, definers.keys());
          const where = close && definers.get(close);
          const scoped = isBuiltin(ref.name) ? ` (it is a builtin only in exercise and check cells)` : "";
          const hint = close && !scoped ? `; did you mean "${close}"${where ? ` (line ${where.line})` : ""}?` : "";
          diagnostics.push(atReference(cell, ref, "undefined-name", `"${ref.name}" is not defined by any cell${scoped}${hint}`));
        }
      } else if (ref.assigned) {
        const where = definer ? `the cell at line ${definer.line}` : "the runtime (a builtin)";
        diagnostics.push(
          atReference(cell, ref, "assign-to-input", `cannot assign to "${ref.name}": it is defined by ${where}; a cell can only change its own variables (use Mutable to share state)`),
        );
      }
      seen.add(ref.name);
    }
  }
  diagnostics.push(...findCycles(cells, definers));
  return diagnostics;
}

function at(cell: Cell, code: string, message: string): Diagnostic {
  return { severity: "error", code, message, line: cell.line, column: cell.column, cell: cell.id };
}

function atReference(cell: Cell, ref: Reference, code: string, message: string): Diagnostic {
  return { severity: "error", code, message, ...locateOffset(cell, ref.node.start), cell: cell.id };
}

/** Where `cell` declares `name` in the .md file (the cell's first line when it cannot tell). */
function locateDeclaration(cell: Cell, name: string): { line: number; column: number } {
  const id = findCellDeclarations(cell).find((d) => d.name === name);
  return id ? locateOffset(cell, id.start) : { line: cell.line, column: cell.column };
}

function locateOffset(cell: Cell, offset: number): { line: number; column: number } {
  const loc = getLineInfo(cell.js, offset);
  return { line: cell.line + loc.line - 1, column: loc.line === 1 ? cell.column + loc.column : loc.column + 1 };
}

/** Reports every cell of every cycle (Tarjan's strongly connected components, iterative). */
function findCycles(cells: readonly Cell[], definers: Map<string, Cell>): Diagnostic[] {
  const position = new Map(cells.map((cell, i) => [cell, i]));
  const edges = cells.map((cell) => {
    const targets = new Set<Cell>();
    for (const name of cell.inputs) {
      const definer = definers.get(name);
      if (definer && definer !== cell) targets.add(definer);
    }
    return [...targets].map((target) => position.get(target)!);
  });
  const components = findComponents(edges);
  const diagnostics: Diagnostic[] = [];
  for (const component of components) {
    if (component.length < 2) continue;
    const members = component.map((i) => cells[i]).sort((a, b) => a.line - b.line || a.column - b.column);
    const inCycle = new Set(members);
    const describe = (cell: Cell) => {
      const names = cell.outputs.filter((name) => [...inCycle].some((c) => c !== cell && c.inputs.includes(name)));
      return `line ${cell.line} (${names.join(", ") || "no names"})`;
    };
    // Name a few cells; a cycle through thousands of cells should not make thousands of long messages.
    const shown = members.slice(0, 6).map(describe);
    if (members.length > 6) shown.push(`and ${members.length - 6} more`);
    const chain = shown.join(", ");
    for (const cell of members) {
      diagnostics.push(at(cell, "cycle", `circular definition: the cells at ${chain} depend on each other`));
    }
  }
  return diagnostics;
}

/** Strongly connected components of a graph given as adjacency lists (Tarjan, without recursion). */
function findComponents(edges: number[][]): number[][] {
  const n = edges.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, next] = frame;
      if (next === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      if (next < edges[v].length) {
        frame[1]++;
        const w = edges[v][next];
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
