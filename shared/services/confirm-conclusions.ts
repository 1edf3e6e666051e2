/**
 * R16: a member of the partner confirms the conclusions of its consultation, optionally with a
 * remark. Until then they stay "awaiting confirmation" ('conclusions-sent'). The same confirmation
 * again writes nothing; a different one after the first is refused.
 * The confirmation lives with the consultation and its audit entry in the landlord's log: two
 * partitions, no one transaction. So the entry carries the confirmation's own moment, and the same
 * confirmation again (the user's retry after a storage failure between the writes) writes the entry
 * when it is missing: every confirmation ends up audited exactly once.
 */
import { authorizeForPartner } from '../rules/access';
import { DomainError } from '../rules/errors';
import type { AuditEntry, Consultation, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { appendUnlessLogged } from './audit-repair';
import { actorOf, notify, type ServiceContext } from './context';
import { memberPartnerId } from './roles';
import { optionalId, optionalText, requireInput, requireMonth } from './validate';

export interface ConfirmConclusionsInput {
  month: YearMonth;
  /** Default: the member's own organisation. */
  partnerId?: string;
  /** Free text for the landlord (stored on the consultation, never audited). */
  remark?: string;
}

export interface ConfirmConclusionsResult {
  consultation: Consultation;
  changed: boolean;
}

export async function confirmConclusions(ctx: ServiceContext, input: ConfirmConclusionsInput): Promise<ConfirmConclusionsResult> {
  requireInput(input);
  const month = requireMonth(input.month);
  const partnerId = optionalId(input.partnerId, 'partnerId') ?? memberPartnerId(ctx.user) ?? '';
  authorizeForPartner(ctx.user, 'conclusions.confirm', { landlordId: ctx.ports.landlordId, partnerId });
  const remark = optionalText(input.remark, 'remark', 'remark');
  const by = actorOf(ctx);

  const result = await ctx.ports.unitOfWork.inConsultation(partnerId, month, (w) => {
    const current = w.consultation;
    if (!current || (current.status !== 'conclusions-sent' && current.status !== 'confirmed')) {
      throw new DomainError('conflict', msg.noConclusionsToConfirm);
    }
    if (current.status === 'confirmed' && current.confirmation) {
      if (current.confirmation.by === by && current.confirmation.remark === remark) return { consultation: current, changed: false as const };
      throw new DomainError('conflict', msg.alreadyConfirmed(current.confirmation.at));
    }
    const next: Consultation = { ...current, status: 'confirmed', confirmation: { by, at: ctx.now, ...(remark ? { remark } : {}) } };
    w.setConsultation(next);
    return { consultation: next, changed: true as const };
  });

  const at = result.consultation.confirmation?.at ?? ctx.now;
  const entry = { ...auditEntry(ctx, 'conclusions.confirm', { partnerId, basis: 'role', details: { month, withRemark: remark !== undefined } }), at };
  if (!result.changed) {
    const same = (e: AuditEntry) => e.action === entry.action && e.at === entry.at && e.partnerId === partnerId && e.details?.month === month;
    await appendUnlessLogged(ctx, entry, same);
    return result;
  }
  await ctx.ports.audit.append(entry);
  await notify(ctx, 'conclusionsConfirmed', (n) =>
    n.conclusionsConfirmed({ landlordId: ctx.ports.landlordId, at: ctx.now, actor: by, partnerId, month, withRemark: remark !== undefined }),
  );
  return result;
}
