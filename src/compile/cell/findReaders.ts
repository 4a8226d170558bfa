// The cells that read what other cells define, directly or through other cells: the cells an edit
// can break (the page's type checker), the cells whose output could differ from the build's (the
// prerender's static outputs).

/** A cell as far as who reads whom: the names it reads and the names it defines. */
export interface ReadingCell {
  id: string;
  inputs: readonly string[];
  outputs: readonly string[];
}

/** `ids` and the cells that read their outputs, directly or through other cells. */
export function findReaders(cells: readonly ReadingCell[], ids: readonly string[]): Set<string> {
  const found = new Set(ids.filter((id) => cells.some((cell) => cell.id === id)));
  const names = new Set(cells.filter((cell) => found.has(cell.id)).flatMap((cell) => cell.outputs));
  for (let grown = true; grown; ) {
    grown = false;
    for (const cell of cells) {
      if (found.has(cell.id) || !cell.inputs.some((input) => names.has(input))) continue;
      found.add(cell.id);
      cell.outputs.forEach((output) => names.add(output));
      grown = true;
    }
  }
  return found;
}
