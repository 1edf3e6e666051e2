/**
 * A thin layer over one TableClient: point reads that answer undefined for 404, writes with ETags,
 * complete queries, transactions, and one place that turns "storage is down" into DomainError
 * 'unavailable'. 404/409/412 stay visible to the callers, which decide what they mean.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { DomainError, isDomainError } from '../rules/errors';
import { storeMessages } from '../messages/store';
import type { Entity, StoredEntity } from './codec';

export interface StoreLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export const statusOf = (err: unknown): number | undefined =>
  typeof err === 'object' && err !== null ? (err as { statusCode?: number }).statusCode : undefined;

/** Network failures carry no HTTP status; throttling and server trouble answer 5xx (408/429 too). */
export function isUnavailable(err: unknown): boolean {
  if (isDomainError(err) || typeof err !== 'object' || err === null) return false;
  const { name, statusCode } = err as { name?: string; statusCode?: number };
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AbortError') return true;
  if (name === 'RestError') return statusCode === undefined || statusCode >= 500 || statusCode === 408 || statusCode === 429;
  return false;
}

export class Table {
  constructor(
    readonly client: TableClient,
    private readonly log: StoreLogger,
  ) {}

  get name(): string {
    return this.client.tableName;
  }

  /** Runs one SDK call; storage trouble becomes 'unavailable' (ids only in the log, never content). */
  async io<T>(op: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUnavailable(err)) {
        const e = err as { name?: string; code?: string; statusCode?: number };
        this.log.warn({ table: this.name, op, error: e.name, code: e.code, status: e.statusCode }, 'storage unavailable');
        throw new DomainError('unavailable', storeMessages.unavailable, { code: e.code ?? e.statusCode ?? e.name });
      }
      throw err;
    }
  }

  create(): Promise<void> {
    return this.io('createTable', () => this.client.createTable());
  }

  async get(partitionKey: string, rowKey: string): Promise<StoredEntity | undefined> {
    try {
      return (await this.io('get', () => this.client.getEntity<Entity>(partitionKey, rowKey))) as StoredEntity;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Insert; throws the SDK's 409 when the entity exists. Answers the new ETag. */
  async insert(entity: Entity): Promise<string> {
    return (await this.io('insert', () => this.client.createEntity(entity))).etag ?? '';
  }

  /** Replace only if unchanged since `etag` was read; throws the SDK's 412 otherwise. */
  async replace(entity: Entity, etag: string): Promise<string> {
    return (await this.io('replace', () => this.client.updateEntity(entity, 'Replace', { etag }))).etag ?? '';
  }

  /** Unconditional create-or-replace: only for records derived from another (copies, indexes). */
  async upsert(entity: Entity): Promise<void> {
    await this.io('upsert', () => this.client.upsertEntity(entity, 'Replace'));
  }

  /** Delete; a missing entity is fine (idempotent). With an etag, only if unchanged. */
  async delete(partitionKey: string, rowKey: string, etag?: string): Promise<void> {
    try {
      await this.io('delete', () => this.client.deleteEntity(partitionKey, rowKey, etag ? { etag } : {}));
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }

  /** Every entity matching `filter` (an `odata` template result), all pages. */
  query(filter: string): Promise<StoredEntity[]> {
    return this.io('query', async () => {
      const out: StoredEntity[] = [];
      for await (const e of this.client.listEntities<Entity>({ queryOptions: { filter } })) out.push(e as StoredEntity);
      return out;
    });
  }

  /** One partition, all or nothing. Throws the SDK's 409/412/404 of the failing action. */
  async submit(actions: TransactionAction[]): Promise<void> {
    if (actions.length === 0) return;
    if (actions.length > 100) throw new DomainError('validation', storeMessages.tooManyWrites);
    if (actions.length === 1) {
      // A single write needs no batch envelope (cheaper, and clearer errors).
      const [kind, entity, , options] = actions[0] as [string, Entity, unknown, { etag?: string } | undefined];
      if (kind === 'create') await this.insert(entity);
      else if (kind === 'update' && options?.etag) await this.replace(entity, options.etag);
      else if (kind === 'upsert') await this.upsert(entity);
      else await this.io('submit', () => this.client.submitTransaction(actions));
      return;
    }
    await this.io('submit', () => this.client.submitTransaction(actions));
  }
}

export interface RetryPolicy {
  /** Attempts in all (first try included) before DomainError 'conflict'. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Full jitter: spreads clashing writers so they stop colliding. */
export const backoff = (policy: RetryPolicy, attempt: number): Promise<void> =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)),
  );

/**
 * Runs `attempt` until it succeeds. A 412 (someone wrote first) or 409 (someone created first)
 * means: read again and re-apply. Gives up with 'conflict'.
 */
export async function withRetry<T>(policy: RetryPolicy, log: StoreLogger, what: string, attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const s = statusOf(err);
      if (s !== 412 && s !== 409) throw err;
      if (i + 1 >= policy.attempts) {
        log.warn({ what, attempts: i + 1 }, 'write conflict: giving up');
        throw new DomainError('conflict', storeMessages.conflict);
      }
      log.debug({ what, attempt: i + 1, status: s }, 'write conflict: retrying');
      await backoff(policy, i);
    }
  }
}

/**
 * Runs tasks with the same key one after another inside this process. Two users changing the same
 * record through one server instance then never clash; ETags still settle clashes between
 * instances. Only for read-mutate-write of one record: its `mutate` is pure, so it cannot wait on
 * the queue itself.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
