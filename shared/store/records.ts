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
    return e && fromChunks<T>(e);
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

  /** Create-or-change with the same guarantees: a concurrent create shows up as 409 and is retried. */
  save(partitionKey: string, rowKey: string, change: (current: T | undefined) => T): Promise<T> {
    return this.serial(partitionKey, rowKey, async () => {
      const e = await this.table.get(partitionKey, rowKey);
      const next = change(e && fromChunks<T>(e));
      if (e) await this.table.replace(this.entity(partitionKey, rowKey, next, revOf(e) + 1), e.etag);
      else await this.table.insert(this.entity(partitionKey, rowKey, next, 1));
      return next;
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
