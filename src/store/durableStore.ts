// Loading and saving one value in Web Storage so that a failed write never loses the last good
// copy and no storage problem ever breaks the page. The reader's edits (src/editor/) and the
// learning record (src/learn/) both keep their data this way, each with a codec of its own.

/** The part of the Web Storage API a store uses (a fake in tests). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * How a value becomes text and back; `decode` validates and never throws. A decode that keeps the
 * valid part of the text returns what it left out as `refused` (text, and how many entries).
 */
export interface Codec<T> {
  encode(state: T): string;
  decode(text: string): { ok: true; state: T; refused?: { text: string; count: number } } | { ok: false; problem: string };
  /** True when there is nothing worth keeping: the store then removes its copies. */
  isEmpty(state: T): boolean;
}

/** What the reader is told when something went wrong, in the words of the data's owner. */
export interface StoreNotices {
  /** The main copy was unreadable; the previous one was restored. */
  restored: string;
  /** Neither copy could be read: the data was set aside. */
  unreadable: string;
  /** The browser refuses storage (SecurityError, disabled cookies, none at all). */
  unavailable: string;
  /** The storage is full (QuotaExceededError). */
  full: string;
  /** Some entries could not be read and were set aside; the rest was kept. */
  partlyRefused?: (count: number, key: string) => string;
}

/** The result of loading: the state to use, and a notice for the reader when something was off. */
export interface Loaded<T> {
  state: T;
  notice?: string;
}

/** The key of the previous good copy, kept while a new one is written. */
export function backupKeyOf(key: string): string {
  return `${key}:previous`;
}

/** The key where refused data is set aside (never run, never overwritten by a save). */
export function refusedKeyOf(key: string): string {
  return `${key}:refused`;
}

/** localStorage, or undefined when the browser refuses it (SecurityError, disabled cookies). */
export function openStorage(get: () => KeyValueStorage | null | undefined = () => globalThis.localStorage): KeyValueStorage | undefined {
  try {
    return get() ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the value at `key`: the main copy if it decodes, else the previous good copy, else `empty`.
 * Never throws; unreadable data yields `empty` and a notice.
 */
export function loadDurably<T>(storage: KeyValueStorage | undefined, key: string, codec: Codec<T>, empty: T, notices: StoreNotices): Loaded<T> {
  if (!storage) return { state: empty, notice: notices.unavailable };
  let main: string | null;
  let backup: string | null;
  try {
    main = storage.getItem(key);
    backup = storage.getItem(backupKeyOf(key));
  } catch {
    return { state: empty, notice: notices.unavailable };
  }
  if (main === null && backup === null) return { state: empty };
  if (main !== null) {
    const decoded = codec.decode(main);
    if (decoded.ok) {
      if (!decoded.refused) return { state: decoded.state };
      setAside(storage, key, decoded.refused.text);
      return { state: decoded.state, notice: notices.partlyRefused?.(decoded.refused.count, refusedKeyOf(key)) ?? notices.unreadable };
    }
    // The next save overwrites the main copy and backs up only a good one: keep this one apart.
    setAside(storage, key, main);
  }
  if (backup !== null) {
    const decoded = codec.decode(backup);
    if (decoded.ok) return { state: decoded.state, notice: notices.restored };
  }
  return { state: empty, notice: notices.unreadable };
}

/**
 * Writes `state` at `key`: first the current main copy, when it decodes, becomes the backup, then
 * the new copy replaces the main one. A crash or an exception at any point leaves at least one
 * good copy. An empty state removes both. Returns a notice when the write failed (the data then
 * lives in memory only).
 */
export function saveDurably<T>(storage: KeyValueStorage | undefined, key: string, codec: Codec<T>, state: T, notices: StoreNotices): string | undefined {
  if (!storage) return notices.unavailable;
  try {
    const current = storage.getItem(key);
    if (current !== null && codec.decode(current).ok) storage.setItem(backupKeyOf(key), current);
    if (codec.isEmpty(state)) {
      storage.removeItem(backupKeyOf(key));
      storage.removeItem(key);
    } else {
      storage.setItem(key, codec.encode(state));
    }
    return undefined;
  } catch (error) {
    return isQuotaError(error) ? notices.full : notices.unavailable;
  }
}

/**
 * Keeps refused text under the refused key, or a timestamped one when that already holds other
 * refused text, so nothing refused is ever overwritten. Storage problems are ignored here: the
 * caller's notice already says the data could not be read.
 */
function setAside(storage: KeyValueStorage, key: string, text: string): void {
  try {
    const existing = storage.getItem(refusedKeyOf(key));
    if (existing === text) return;
    storage.setItem(existing === null ? refusedKeyOf(key) : `${refusedKeyOf(key)}:${Date.now()}`, text);
  } catch {
    // Full or refused: nothing more can be done without losing something else.
  }
}

/** True for the errors browsers throw when storage is full. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED";
}
