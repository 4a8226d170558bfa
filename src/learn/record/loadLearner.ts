// The learner's id for a site: made once (a random UUID, no personal data), kept in the browser,
// shared by every lesson of the site so one learner is one xAPI actor.

import type { KeyValueStorage } from "../../store/durableStore.ts";
import { isItemId, isRecord } from "./entry.ts";
import { learnerKey } from "./recordKeys.ts";

/** A learner: their id, and the name they chose to put in their records, if any. */
export interface Learner {
  id: string;
  name?: string;
}

/** The learner stored for `scope`, or a new one (stored when storage allows). Never throws. */
export function loadLearner(storage: KeyValueStorage | undefined, scope: string, newId: () => string): Learner {
  const key = learnerKey(scope);
  try {
    const raw: unknown = JSON.parse(storage?.getItem(key) ?? "null");
    if (isRecord(raw) && isItemId(raw.id)) return { id: raw.id, ...(typeof raw.name === "string" && raw.name.length <= 200 ? { name: raw.name } : {}) };
  } catch {
    // Unreadable: a new id below (records already made keep the id they were made with).
  }
  const learner: Learner = { id: newId() };
  try {
    storage?.setItem(key, JSON.stringify(learner));
  } catch {
    // Full or refused: the id lives as long as the page.
  }
  return learner;
}
