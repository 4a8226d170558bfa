// A Storage in memory that can be told to fail: on a given write, after writing part of it, or always.
import type { KeyValueStorage } from "../../src/store/durableStore.ts";

export class FakeStorage implements KeyValueStorage {
  items = new Map<string, string>();
  writes = 0;
  failOnWrite?: number;
  tear = false;
  error = "QuotaExceededError";
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.writes++;
    if (this.failOnWrite === this.writes) {
      // A crash mid-write: half the value lands, then the write fails.
      if (this.tear) this.items.set(key, value.slice(0, value.length >> 1));
      throw Object.assign(new Error("write failed"), { name: this.error });
    }
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
