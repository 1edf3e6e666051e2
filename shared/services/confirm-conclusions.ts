/**
 * R16: a member of the partner confirms the conclusions of its consultation, optionally with a
 * remark. Until then they stay "awaiting confirmation" ('conclusions-sent'). The same confirmation
 * again writes nothing; a different one after the first is refused.
 */
import { authorizeForPartner } from '../rules/access';
import { DomainError } from '../rules/errors';
import type { Consultation, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { actorOf, notify, type ServiceContext } from './context';
import { memberPartnerId } from './roles';
import { LIMITS, optionalId, optionalText, requireInput, requireMonth } from './validate';

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
  const remark = optionalText(input.remark, 'remark', LIMITS.text, true);
  const by = actorOf(ctx);

  const result = await ctx.ports.unitOfWork.inConsultation(partnerId, month, (w) => {
    const current = w.consultation;
    if (!current || (current.status !== 'conclusions-sent' && current.status !== 'confirmed')) {
      throw new DomainError('conflict', msg.noConclusionsToConfirm);
    }
    if (current.status === 'confirmed' && current.confirmation) {
      if (current.confirmation.by === by && current.confirmation.remark === remark) return { consultation: current, changed: false };
      throw new DomainError('conflict', msg.alreadyConfirmed(current.confirmation.at));
    }
    const next: Consultation = { ...current, status: 'confirmed', confirmation: { by, at: ctx.now, ...(remark ? { remark } : {}) } };
    w.setConsultation(next);
    return { consultation: next, changed: true };
  });

  if (result.changed) {
    await ctx.ports.audit.append(
      auditEntry(ctx, 'conclusions.confirm', { partnerId, basis: 'role', details: { month, withRemark: remark !== undefined } }),
    );
    await notify(ctx, 'conclusionsConfirmed', (n) =>
      n.conclusionsConfirmed({ landlordId: ctx.ports.landlordId, at: ctx.now, actor: by, partnerId, month, withRemark: remark !== undefined }),
    );
  }
  return result;
}
