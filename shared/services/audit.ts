/**
 * Audit entries of the use cases (DESIGN, Security): who (the user's object id), what, when, and on
 * which basis information passed ('consent', 'safety') or a change was made ('role'). Details hold
 * ids, enums, dates, counts and flags only: never a name, an address or text somebody typed.
 */
import type { AuditEntry } from '../rules/types';
import { actorOf, type ServiceContext } from './context';

export const AUDIT_ACTIONS = [
  'dossier.create',
  'dossier.read',
  'contactletter.read',
  'dossier.list',
  'dossier.sign',
  'consent.record',
  'consent.withdraw',
  'trajectory.activate',
  'trajectory.extend',
  'trajectory.close',
  'trajectory.stop',
  'transfer.request',
  'transfer.accept',
  'transfer.reject',
  'transfer.cancel',
  'transfer.list',
  'absence.report',
  'flag.create',
  'flag.withdraw',
  'flag.transfer',
  'signal.raise',
  'signal.read',
  'info.request',
  'info.answer',
  'info.handover',
  'info.lapse',
  'contactlog.add',
  'visit.record',
  'conclusions.record',
  'conclusions.apply',
  'conclusions.confirm',
  'partner.create',
  'partner.update',
  'user.create',
  'user.update',
  'user.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The default window of read coalescing (AUDIT_READ_WINDOW_MINUTES): a reader's repeated reads of a dossier within it are one entry. */
export const READ_AUDIT_WINDOW_MS = 10 * 60_000;

export type AuditDetails = Record<string, string | number | boolean>;

export interface AuditFields {
  dossierId?: string;
  partnerId?: string;
  basis: NonNullable<AuditEntry['basis']>;
  details?: AuditDetails;
}

export function auditEntry(ctx: ServiceContext, action: AuditAction, fields: AuditFields): AuditEntry {
  const entry: AuditEntry = { at: ctx.now, actor: actorOf(ctx), action, basis: fields.basis };
  if (fields.dossierId) entry.dossierId = fields.dossierId;
  if (fields.partnerId) entry.partnerId = fields.partnerId;
  if (fields.details && Object.keys(fields.details).length > 0) entry.details = fields.details;
  return entry;
}
