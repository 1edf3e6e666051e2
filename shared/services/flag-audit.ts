/**
 * A flag lives with its consultation, its audit entry with the dossier: two partitions, so no one
 * transaction. The entry carries the flag's own moment and actor, and a repeat of the step (the
 * user's retry after a storage failure between the two writes) writes the entry when it is missing.
 * So every stored flag change ends up audited exactly once.
 */
import type { AuditEntry, Flag } from '../rules/types';
import { auditEntry, type AuditDetails } from './audit';
import type { ServiceContext } from './context';

type FlagAction = 'flag.create' | 'flag.withdraw';

function entryFor(ctx: ServiceContext, action: FlagAction, flag: Flag, at: string, actor: string, details: AuditDetails): AuditEntry {
  return { ...auditEntry(ctx, action, { dossierId: flag.dossierId, partnerId: flag.partnerId, basis: 'role', details }), at, actor };
}

/** After the change was stored: its audit entry. */
export const auditFlagChange = (ctx: ServiceContext, action: FlagAction, flag: Flag, at: string, actor: string, details: AuditDetails) =>
  ctx.ports.audit.append(entryFor(ctx, action, flag, at, actor, details));

/** On a repeat: the entry of the stored change, written now if a failure left it out. */
export async function ensureFlagChangeAudited(ctx: ServiceContext, action: FlagAction, flag: Flag, at: string, actor: string, details: AuditDetails) {
  const entries = await ctx.ports.audit.listByDossier(flag.dossierId);
  if (!entries.some((e) => e.action === action && e.at === at && e.details?.month === flag.month)) {
    await auditFlagChange(ctx, action, flag, at, actor, details);
  }
}
