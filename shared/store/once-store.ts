/**
 * Exactly-once keys (table `once`, one partition per key): the claim is an insert, and Azure lets
 * exactly one insert of a key succeed, whichever server instance sends it. Taking over a failed or
 * expired claim is a conditional replace, so again only one caller wins.
 */
import { DomainError, isDomainError } from '../rules/errors';
import type { ClaimOptions, ExactlyOnce, OnceRecord } from '../services/ports';
import { storeMessages } from '../messages/store';
import { encodePart, joinKey } from './keys';
import { statusOf, type Table } from './table';

const ROW = 'once';
const MAX_RESULT = 30_000;

export class OnceStore implements ExactlyOnce {
  constructor(private readonly table: Table) {}

  private pk(key: string): string {
    return joinKey(encodePart(key));
  }

  async claim(key: string, options: ClaimOptions = {}): Promise<boolean> {
    const pk = this.pk(key);
    const claimed = { partitionKey: pk, rowKey: ROW, key, status: 'claimed', ...(options.now && { claimedAt: options.now }) };
    try {
      await this.table.insert({ ...claimed, attempts: 1 });
      return true;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    const e = await this.table.get(pk, ROW);
    if (!e) return false; // just deleted: never happens in normal use, and losing is the safe answer
    const record = toRecord(e);
    const retry = record.status === 'failed' && options.reclaimFailed;
    const expired =
      record.status === 'claimed' &&
      options.leaseMs !== undefined &&
      options.now !== undefined &&
      record.claimedAt !== undefined &&
      Date.parse(record.claimedAt) + options.leaseMs <= Date.parse(options.now);
    if (!retry && !expired) return false;
    try {
      await this.table.replace({ ...claimed, attempts: record.attempts + 1 }, e.etag);
      return true;
    } catch (err) {
      if (statusOf(err) === 412) return false; // someone else took it over first
      throw err;
    }
  }

  async markDone(key: string, result?: unknown): Promise<void> {
    const json = result === undefined ? undefined : JSON.stringify(result);
    if (json && json.length > MAX_RESULT) throw new DomainError('validation', storeMessages.tooLarge);
    await this.finish(key, { status: 'done', ...(json !== undefined && { result: json }) });
  }

  markFailed(key: string, reason: string): Promise<void> {
    return this.finish(key, { status: 'failed', reason: reason.slice(0, 1000) });
  }

  private async finish(key: string, props: Record<string, string>): Promise<void> {
    const pk = this.pk(key);
    // Merge keeps key, attempts and claimedAt; no ETag: the holder of the claim is the only writer.
    await this.table.io('once.finish', () => this.table.client.updateEntity({ partitionKey: pk, rowKey: ROW, ...props }, 'Merge'));
  }

  async get(key: string): Promise<OnceRecord | undefined> {
    const e = await this.table.get(this.pk(key), ROW);
    return e && toRecord(e);
  }

  async run<T>(key: string, effect: () => Promise<T>, options?: ClaimOptions) {
    if (!(await this.claim(key, options))) {
      const record = await this.get(key);
      return { ran: false as const, record: record ?? { key, status: 'claimed' as const, attempts: 0 } };
    }
    let result: T;
    try {
      result = await effect();
    } catch (err) {
      // A code, never the message: messages can hold personal data.
      const reason = isDomainError(err) ? err.code : ((err as Error)?.name ?? 'error');
      await this.markFailed(key, reason).catch(() => undefined);
      throw err;
    }
    await this.markDone(key, result);
    return { ran: true as const, result };
  }
}

function toRecord(e: Record<string, unknown>): OnceRecord {
  return {
    key: String(e.key),
    status: e.status as OnceRecord['status'],
    attempts: Number(e.attempts ?? 1),
    ...(typeof e.claimedAt === 'string' && { claimedAt: e.claimedAt }),
    ...(typeof e.result === 'string' && { result: JSON.parse(e.result) as unknown }),
    ...(typeof e.reason === 'string' && { reason: e.reason }),
  };
}
