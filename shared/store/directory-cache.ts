/**
 * In-process copies of the directory's small, rarely written records (landlords, partners, users),
 * read on every request to know who asks. A write through this store forgets its copy at once; a
 * write by another process (a second instance, the CLI) is seen after at most the time to live.
 * Off (0) unless the composition root turns it on: tests and tools read storage every time.
 */

/** The time to live the server uses: a user removed through another process keeps access at most this long. */
export const DIRECTORY_CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

export class DirectoryCache {
  private readonly entries = new Map<string, { value: unknown; until: number }>();
  /** Bumped by every write of a key: a read that started before the write does not keep its answer. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return structuredClone(hit.value as T);
    const generation = this.generations.get(key) ?? 0;
    const value = await load();
    if (value === undefined) this.entries.delete(key);
    else if ((this.generations.get(key) ?? 0) === generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value: structuredClone(value), until: this.now() + this.ttlMs });
    }
    return value;
  }

  /** A write of `key`: its copy is forgotten before and after, so no read keeps the old record. */
  async write<T>(key: string, write: () => Promise<T>): Promise<T> {
    this.forget(key);
    try {
      return await write();
    } finally {
      this.forget(key);
    }
  }

  private forget(key: string): void {
    this.entries.delete(key);
    if (this.ttlMs > 0) this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}
