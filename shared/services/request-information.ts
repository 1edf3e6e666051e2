/**
 * R7, R10: the landlord asks the supporting organisation how a trajectory is going. Only on the basis
 * of the tenant's consent (refused with the Dutch reason otherwise, nothing written). The request and
 * its audit entry (basis 'consent') commit together; the partner is told at once. The request stays
 * open until answered (reminders: a job, R10).
 *
 * `requestId` is an optional idempotency key: a repeat answers the stored request and writes nothing.
 */
import { authorize } from '../rules/access';
import { DomainError } from '../rules/errors';
import { checkInformationRequestAllowed } from '../rules/information';
import type { InformationRequest } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import { optionalId, requireInput, requireText } from './validate';

export interface RequestInformationInput {
  dossierId: string;
  /** Free text: stored with the request, never audited. */
  question: string;
  requestId?: string;
}

export interface RequestInformationResult {
  request: InformationRequest;
  changed: boolean;
}

export async function requestInformation(ctx: ServiceContext, input: RequestInformationInput): Promise<RequestInformationResult> {
  requireInput(input);
  const loaded = await loadAuthorized(ctx, input.dossierId, 'info.request');
  const question = requireText(input.question, 'question', 'question');
  const id = optionalId(input.requestId, 'requestId') ?? ctx.ids();
  const today = todayOf(ctx);

  const result = await ctx.ports.unitOfWork.inDossier(loaded.id, async (w) => {
    authorize(ctx.user, 'info.request', w.dossier);
    const existing = await w.getInformationRequest(id);
    if (existing) {
      if (existing.question !== question || existing.askedBy !== actorOf(ctx)) {
        throw new DomainError('validation', msg.requestIdTaken, { fields: ['requestId'] });
      }
      return { request: existing, changed: false };
    }
    checkInformationRequestAllowed(w.dossier, today); // R7, R10
    const request: InformationRequest = {
      id,
      dossierId: w.dossier.id,
      partnerId: w.dossier.supportingPartnerId,
      question,
      askedBy: actorOf(ctx),
      askedAt: ctx.now,
    };
    w.putInformationRequest(request);
    w.appendAudit(
      auditEntry(ctx, 'info.request', { dossierId: request.dossierId, partnerId: request.partnerId, basis: 'consent', details: { requestId: id } }),
    );
    return { request, changed: true };
  });

  if (result.changed) {
    await notify(ctx, 'informationRequested', (n) =>
      n.informationRequested({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: actorOf(ctx),
        dossierId: result.request.dossierId,
        requestId: result.request.id,
        partnerId: result.request.partnerId,
      }),
    );
  }
  return result;
}
