/**
 * Repeated reads counted on one audit row per window, so a reader clicking (or a script reading) one
 * dossier again and again cannot flood its history. The row's key is the window's start and a digest
 * of who read what on which basis: identical reads of one window meet on one row, a different reader,
 * basis or set of signals shown gets a row of its own. The first read creates the row (count 1);
 * each next one adds one to `details.reads` and moves `details.lastReadAt`, conditional on the ETag: two
 * readers at once, one retries; no read goes uncounted. The count is the audit: every disclosure is
 * still in it.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../rules/types';
import { encode, fromChunks } from './codec';
import type { StoreContext } from './context';
import { joinKey, sortableInstant } from './keys';
import { withRetry, type Table } from './table';

/** Who read what on which basis; never stored readable (the entry itself carries the fields). */
function readDigest(entry: AuditEntry): string {
  const { actor, action, basis, details } = entry;
  return createHash('sha256')
    .update(JSON.stringify([actor, action, basis ?? '', entry.partnerId ?? '', details ?? {}]))
    .digest('hex')
    .slice(0, 32);
}

/** The row key of a read: `prefix|<window start>|reads|<digest>` (sorted with the other rows by time). */
export function readRowKey(prefix: string[], entry: AuditEntry, windowMs: number): string {
  const windowStart = Math.floor(Date.parse(entry.at) / windowMs) * windowMs;
  return joinKey(...prefix, sortableInstant(new Date(windowStart).toISOString()), 'reads', readDigest(entry));
}

export async function coalesceRead(ctx: StoreContext, table: Table, partitionKey: string, rowKey: string, entry: AuditEntry): Promise<AuditEntry> {
  // Within this process the reads of one row queue up; between instances the ETag decides.
  return ctx.queue.run(JSON.stringify([table.name, partitionKey, rowKey]), () =>
    withRetry(ctx.retry, ctx.log, 'audit.read', async () => {
      const existing = await table.get(partitionKey, rowKey);
      if (!existing) {
        const first: AuditEntry = { ...entry, details: { ...entry.details, reads: 1, lastReadAt: entry.at } };
        await table.insert(encode(partitionKey, rowKey, first)); // 409: created meanwhile: read again
        return first;
      }
      const current = fromChunks<AuditEntry>(existing);
      const lastAt = String(current.details?.lastReadAt ?? current.at);
      const next: AuditEntry = {
        ...current,
        details: { ...current.details, reads: Number(current.details?.reads ?? 1) + 1, lastReadAt: Date.parse(entry.at) > Date.parse(lastAt) ? entry.at : lastAt },
      };
      await table.replace(encode(partitionKey, rowKey, next), existing.etag); // 412: counted meanwhile: read again
      return next;
    }),
  );
}
