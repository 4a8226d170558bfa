// Finding the cell a saved edit belongs to, also after the author changed that cell (which gives
// it a new id): by id first, then by outputs and position.

import type { SavedEdit } from "./saved.ts";

/** The part of a cell that matching looks at. */
export interface MatchableCell {
  id: string;
  source: string;
  outputs: string[];
}

/** A saved edit and the current cell it applies to. */
export interface EditMatch {
  /** The current author id of the cell. */
  id: string;
  /** The key the edit was saved under. */
  savedId: string;
  edit: SavedEdit;
  /** True when the author's version changed since the reader edited the cell. */
  authorChanged: boolean;
}

/**
 * Matches saved edits to `cells` (the lesson's editable cells, in order). An edit whose id still
 * exists matches that cell. Others go to the best unclaimed cell that shares outputs with the
 * author's old version, or sits at the same position; an edit with no plausible cell is an orphan
 * (kept in storage, never dropped silently).
 */
export function matchEdits(
  saved: Record<string, SavedEdit>,
  cells: MatchableCell[],
): { matches: EditMatch[]; orphans: string[] } {
  const index = new Map(cells.map((cell, position) => [cell.id, position]));
  const claimed = new Set<string>();
  const matches: EditMatch[] = [];
  const pending: [string, SavedEdit][] = [];
  for (const [savedId, edit] of Object.entries(saved)) {
    const position = index.get(savedId);
    if (position === undefined) {
      pending.push([savedId, edit]);
      continue;
    }
    const cell = cells[position]!;
    claimed.add(cell.id);
    matches.push({ id: cell.id, savedId, edit, authorChanged: cell.source !== edit.authorSource });
  }

  const candidates: { savedId: string; edit: SavedEdit; cell: MatchableCell; score: number }[] = [];
  for (const [savedId, edit] of pending) {
    cells.forEach((cell, position) => {
      if (claimed.has(cell.id)) return;
      const score = scoreMatch(edit, cell, position, cells.length);
      if (score >= 3) candidates.push({ savedId, edit, cell, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  const placed = new Set<string>();
  for (const { savedId, edit, cell } of candidates) {
    if (placed.has(savedId) || claimed.has(cell.id)) continue;
    placed.add(savedId);
    claimed.add(cell.id);
    matches.push({ id: cell.id, savedId, edit, authorChanged: cell.source !== edit.authorSource });
  }
  const orphans = pending.map(([savedId]) => savedId).filter((savedId) => !placed.has(savedId));
  return { matches, orphans };
}

function scoreMatch(edit: SavedEdit, cell: MatchableCell, position: number, count: number): number {
  let score = 0;
  const outputs = edit.outputs ?? [];
  if (outputs.length > 0 && cell.outputs.length > 0) {
    const shared = outputs.filter((name) => cell.outputs.includes(name)).length;
    if (shared === outputs.length && shared === cell.outputs.length) score += 4;
    else if (shared > 0) score += 2;
    else score -= 3;
  }
  if (edit.index !== undefined) {
    if (edit.index === position) score += count > 0 ? 3 : 0;
    else if (Math.abs(edit.index - position) <= 2) score += 1;
  }
  return score;
}
