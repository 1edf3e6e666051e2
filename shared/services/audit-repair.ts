/**
 * Repair on retry. A change stored outside the partition of its audit entry cannot commit with it:
 * a failure between the two leaves the change without its entry. The repeat of the step (which the
 * service answers as unchanged) calls this to write the entry when it is still missing, so every
 * stored change ends up audited exactly once.
 */
import type { AuditEntry, YearMonth } from '../rules/types';
import type { ServiceContext } from './context';

/**
 * Writes `entry` unless the log already holds one that `same` recognises: the dossier's log when the
 * entry names a dossier, else the landlord's log of `months` (default: the month of `entry.at`).
 */
export async function appendUnlessLogged(
  ctx: ServiceContext,
  entry: AuditEntry,
  same: (logged: AuditEntry) => boolean,
  months: readonly YearMonth[] = [entry.at.slice(0, 7)],
): Promise<void> {
  const { audit } = ctx.ports;
  const log = entry.dossierId
    ? await audit.listByDossier(entry.dossierId)
    : (await Promise.all(months.map((m) => audit.listWithoutDossier(m)))).flat();
  if (!log.some(same)) await audit.append(entry);
}
