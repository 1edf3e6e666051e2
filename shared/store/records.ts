/**
 * Generic record access on one table: JSON records with a revision number, created once, changed
 * only through read-mutate-write with the ETag (retried on a clash), listed with OData filters.
 */
import { DomainError } from '../rules/errors';
import { encode, fromChunks, revOf } from './codec';
import { Table, withRetry, statusOf, type KeyedQueue, type RetryPolicy, type StoreLogger } from './table';

export type Extra<T> = (value: T) => Record<string, string | number | boolean>;

export interface RecordsContext {
  retry: RetryPolicy;
  log: StoreLogger;
  queue: KeyedQueue;
}

/**
 * The ETag and revision each record object was read or written with (by its table, partition and
 * row): a change of a record the caller has just read needs no second read. A stale ETag answers
 * 412, and the change is done again on a fresh read, as for any clash.
 */
const versions = new WeakMap<object, { key: string; etag: string; rev: number }>();

export class Records<T> {
  constructor(
    private readonly ctx: RecordsContext,
    readonly table: Table,
    private readonly notFound: string,
    private readonly exists: string,
    private readonly extra: Extra<T> = () => ({}),
  ) {}

  entity(partitionKey: string, rowKey: string, value: T, rev: number) {
    return encode(partitionKey, rowKey, value, { ...this.extra(value), rev });
  }

  async get(partitionKey: string, rowKey: string): Promise<T | undefined> {
    const e = await this.table.get(partitionKey, rowKey);
    return e && this.remember(fromChunks<T>(e), partitionKey, rowKey, e.etag, revOf(e));
  }

  private recordKey(partitionKey: string, rowKey: string): string {
    return JSON.stringify([this.table.name, partitionKey, rowKey]);
  }

  private remember(value: T, partitionKey: string, rowKey: string, etag: string, rev: number): T {
    if (etag && typeof value === 'object' && value !== null) versions.set(value, { key: this.recordKey(partitionKey, rowKey), etag, rev });
    return value;
  }

  async create(partitionKey: string, rowKey: string, value: T): Promise<T> {
    try {
      await this.table.insert(this.entity(partitionKey, rowKey, value, 1));
      return value;
    } catch (err) {
      if (statusOf(err) === 409) throw new DomainError('conflict', this.exists);
      throw err;
    }
  }

  /** Read, apply the pure `mutate`, write with the ETag; on a clash do it again (bounded). */
  update(partitionKey: string, rowKey: string, mutate: (current: T) => T): Promise<T> {
    return this.serial(partitionKey, rowKey, async () => {
      const e = await this.table.get(partitionKey, rowKey);
      if (!e) throw new DomainError('not-found', this.notFound);
      const next = mutate(fromChunks<T>(e));
      await this.table.replace(this.entity(partitionKey, rowKey, next, revOf(e) + 1), e.etag);
      return next;
    });
  }

  /**
   * Create-or-change with the same guarantees: a concurrent create shows up as 409 and is retried.
   * `known`: the record as this process just read (or wrote) it; its ETag saves the first read.
   */
  save(partitionKey: string, rowKey: string, change: (current: T | undefined) => T, known?: T): Promise<T> {
    const version = typeof known === 'object' && known !== null ? versions.get(known) : undefined;
    let hint = version && version.key === this.recordKey(partitionKey, rowKey) ? { value: known as T, ...version } : undefined;
    return this.serial(partitionKey, rowKey, async () => {
      if (hint) {
        // Once: after a clash (412) the attempt runs again on a fresh read.
        const { value, etag, rev } = hint;
        hint = undefined;
        const next = change(value);
        try {
          const written = await this.table.replace(this.entity(partitionKey, rowKey, next, rev + 1), etag);
          return this.remember(next, partitionKey, rowKey, written, rev + 1);
        } catch (err) {
          // Removed since: decided again on a fresh read (created anew), like any other change.
          if (statusOf(err) !== 404) throw err;
        }
      }
      const e = await this.table.get(partitionKey, rowKey);
      const next = change(e && fromChunks<T>(e));
      const rev = revOf(e) + 1;
      const written = e ? await this.table.replace(this.entity(partitionKey, rowKey, next, rev), e.etag) : await this.table.insert(this.entity(partitionKey, rowKey, next, 1));
      return this.remember(next, partitionKey, rowKey, written, rev);
    });
  }

  /** One at a time per record in this process, retried on clashes with other instances. */
  private serial<R>(partitionKey: string, rowKey: string, attempt: () => Promise<R>): Promise<R> {
    const key = JSON.stringify([this.table.name, partitionKey, rowKey]);
    return this.ctx.queue.run(key, () => withRetry(this.ctx.retry, this.ctx.log, this.table.name, attempt));
  }

  async list(filter: string): Promise<T[]> {
    return (await this.table.query(filter)).map((e) => fromChunks<T>(e));
  }

  remove(partitionKey: string, rowKey: string): Promise<void> {
    return this.table.delete(partitionKey, rowKey);
  }
}
