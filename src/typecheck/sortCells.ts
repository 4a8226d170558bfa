// Dependency order of cells: a cell comes after every cell whose outputs it reads.
import type { Cell } from "../compile/index.ts";

/**
 * The cells in topological order of their inputs and outputs (Kahn's algorithm, ties broken by
 * source order). Cells caught in a cycle keep their source order, after the others.
 */
export function sortCells<C extends Pick<Cell, "inputs" | "outputs">>(cells: readonly C[]): C[] {
  const provider = new Map<string, number>();
  cells.forEach((cell, i) => {
    for (const name of cell.outputs) if (!provider.has(name)) provider.set(name, i);
  });
  const dependents: number[][] = cells.map(() => []);
  const waiting = cells.map(() => 0);
  cells.forEach((cell, i) => {
    const from = new Set<number>();
    for (const name of cell.inputs) {
      const j = provider.get(name);
      if (j !== undefined && j !== i) from.add(j);
    }
    for (const j of from) dependents[j]!.push(i);
    waiting[i] = from.size;
  });
  const order: number[] = [];
  const done = new Set<number>();
  // Always take the earliest ready cell, so independent cells keep the author's order.
  for (;;) {
    let next = -1;
    for (let i = 0; i < cells.length; i++) if (!done.has(i) && waiting[i] === 0) { next = i; break; }
    if (next < 0) break;
    done.add(next);
    order.push(next);
    for (const k of dependents[next]!) waiting[k]!--;
  }
  cells.forEach((_, i) => { if (!done.has(i)) order.push(i); });
  return order.map((i) => cells[i]!);
}
