/**
 * Repair on retry. A change stored outside the partition of its audit entry cannot commit with it:
 * a failure between the two leaves the change without its entry. The repeat of the step (which the
 * service answers as unchanged) calls this to write the entry when it is still missing, so every
 * stored change ends up audited exactly once.
 */
import { nextMonth } from '../rules/calendar';
import type { AuditEntry, Instant, YearMonth } from '../rules/types';
import type { ServiceContext } from './context';

/** Only the audit log is read and written: the CLI's use cases (import, purge) pass `{ ports }`. */
type AuditContext = Pick<ServiceContext, 'ports'>;

/**
 * Writes `entry` unless the log already holds one that `same` recognises: the dossier's log when the
 * entry names a dossier; else the landlord's log of `months`, or by default only what was written for
 * the moment of `entry.at` (the stored change's own moment: one small read, not a month's log).
 */
export async function appendUnlessLogged(
  ctx: AuditContext,
  entry: AuditEntry,
  same: (logged: AuditEntry) => boolean,
  months?: readonly YearMonth[],
): Promise<void> {
  const { audit } = ctx.ports;
  const log = entry.dossierId
    ? await audit.listByDossier(entry.dossierId)
    : months
      ? (await Promise.all(months.map((m) => audit.listWithoutDossier(m)))).flat()
      : await audit.listWithoutDossier(entry.at.slice(0, 7), { at: entry.at });
  if (!log.some(same)) await audit.append(entry);
}

/**
 * How far back the landlord's log is searched for a record's newest entry (partners, users: their
 * records keep no moment of their last change, so the month of its entry is unknown).
 */
export const LOG_MONTHS_BACK = 24;

/** The newest entry `of` recognises in the landlord's log, from the month of `now` back (bounded). */
export async function newestLogged(ctx: AuditContext, of: (logged: AuditEntry) => boolean, now: Instant, monthsBack = LOG_MONTHS_BACK): Promise<AuditEntry | undefined> {
  let month: YearMonth = now.slice(0, 7);
  for (let i = 0; i < monthsBack; i++, month = nextMonth(month, -1)) {
    const hits = (await ctx.ports.audit.listWithoutDossier(month)).filter(of);
    if (hits.length > 0) return hits[hits.length - 1];
  }
  return undefined;
}
