/**
 * R4: for a difficult trajectory whose contact log the consultation switched on, the supporting
 * organisation records each home contact held, and each planned one that did not take place with its
 * reason. The agenda shows the counts since the previous consultation. The entry and its audit entry
 * commit together.
 *
 * `entryId` is an optional idempotency key: a repeat with the same key answers the stored entry and
 * writes nothing.
 */
import { authorize } from '../rules/access';
import { isAfter, isBefore } from '../rules/dates';
import { DomainError, isDomainError } from '../rules/errors';
import type { ContactLogEntry, IsoDate } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { actorOf, todayOf, type ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import { invalid, optionalId, optionalText, requireBoolean, requireDate, requireInput } from './validate';

export interface LogContactInput {
  dossierId: string;
  date: IsoDate;
  held: boolean;
  /** Required when the contact did not take place (never audited). */
  reasonMissed?: string;
  entryId?: string;
}

export interface LogContactResult {
  entry: ContactLogEntry;
  changed: boolean;
}

const sameEntry = (a: ContactLogEntry, b: ContactLogEntry): boolean =>
  a.dossierId === b.dossierId && a.date === b.date && a.held === b.held && a.reasonMissed === b.reasonMissed && a.loggedBy === b.loggedBy;

export async function logContact(ctx: ServiceContext, input: LogContactInput): Promise<LogContactResult> {
  requireInput(input);
  const loaded = await loadAuthorized(ctx, input.dossierId, 'contactlog.write');
  const date = requireDate(input.date, 'date');
  const held = requireBoolean(input.held, 'held');
  const reasonMissed = optionalText(input.reasonMissed, 'reasonMissed', 'contactReasonMissed');
  if (!held && !reasonMissed) throw invalid('reasonMissed', msg.reasonMissedRequired);
  if (held && reasonMissed) throw invalid('reasonMissed', msg.reasonMissedOnlyWhenMissed);
  const today = todayOf(ctx);
  if (isAfter(date, today)) throw invalid('date', msg.contactInFuture(today));
  const key = optionalId(input.entryId, 'entryId');
  const entry: ContactLogEntry = {
    id: key ?? ctx.ids(),
    dossierId: loaded.id,
    date,
    held,
    ...(reasonMissed ? { reasonMissed } : {}),
    loggedBy: actorOf(ctx),
  };

  const repeatOf = async (): Promise<ContactLogEntry | undefined> => {
    if (!key) return undefined;
    const existing = (await ctx.ports.contactLog.listByDossier(loaded.id)).find((e) => e.id === key);
    if (existing && !sameEntry(existing, entry)) throw new DomainError('validation', msg.contactIdTaken, { fields: ['entryId'] });
    return existing;
  };
  const earlier = await repeatOf();
  if (earlier) return { entry: earlier, changed: false };

  try {
    await ctx.ports.unitOfWork.inDossier(loaded.id, (w) => {
      authorize(ctx.user, 'contactlog.write', w.dossier);
      if (!w.dossier.contactLogActive) throw new DomainError('conflict', msg.contactLogInactive); // R4
      if (w.dossier.leaseStart && isBefore(date, w.dossier.leaseStart)) throw invalid('date', msg.contactBeforeLease(w.dossier.leaseStart));
      w.addContactLogEntry(entry);
      w.appendAudit(auditEntry(ctx, 'contactlog.add', { dossierId: loaded.id, basis: 'role', details: { entryId: entry.id, date, held } }));
    });
  } catch (err) {
    const winner = isDomainError(err) && err.code === 'conflict' && key ? await repeatOf() : undefined;
    if (winner) return { entry: winner, changed: false };
    throw err;
  }
  return { entry, changed: true };
}
