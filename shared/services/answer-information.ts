/**
 * R7, R10: the partner answers an information request. An answer passes information too, so it needs
 * consent in force when it is given. Only the organisation that was asked, or the one that supports
 * the trajectory now (after a transfer, R6), answers. The answer and its audit entry (basis
 * 'consent') commit together; the landlord is told. The same answer again writes nothing; another
 * answer to an answered request is refused.
 */
import { authorize } from '../rules/access';
import { DomainError } from '../rules/errors';
import { checkInformationAnswerAllowed } from '../rules/information';
import type { InformationRequest } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import { requireId, requireInput, requireText } from './validate';

export interface AnswerInformationInput {
  dossierId: string;
  requestId: string;
  /** Free text: stored with the request, never audited. */
  answer: string;
}

export interface AnswerInformationResult {
  request: InformationRequest;
  changed: boolean;
}

export async function answerInformation(ctx: ServiceContext, input: AnswerInformationInput): Promise<AnswerInformationResult> {
  requireInput(input);
  const loaded = await loadAuthorized(ctx, input.dossierId, 'info.answer');
  const requestId = requireId(input.requestId, 'requestId');
  const text = requireText(input.answer, 'answer', 'answer');
  const today = todayOf(ctx);
  const partnerId = ctx.user.partnerId as string;

  const result = await ctx.ports.unitOfWork.inDossier(loaded.id, async (w) => {
    authorize(ctx.user, 'info.answer', w.dossier);
    const request = await w.getInformationRequest(requestId);
    if (!request) throw new DomainError('not-found', msg.requestNotFound);
    if (request.partnerId !== partnerId && w.dossier.supportingPartnerId !== partnerId) {
      throw new DomainError('forbidden', msg.answerOnlyByAskedPartner);
    }
    if (request.answer) {
      if (request.answer.text === text && request.answer.by === actorOf(ctx)) return { request, changed: false };
      throw new DomainError('conflict', msg.requestAlreadyAnswered(request.answer.at));
    }
    if (request.lapsedOn) throw new DomainError('conflict', msg.requestLapsed(request.lapsedOn)); // R7
    checkInformationAnswerAllowed(w.dossier, today); // R7
    const answered: InformationRequest = { ...request, answer: { text, by: actorOf(ctx), at: ctx.now } };
    w.putInformationRequest(answered);
    w.appendAudit(
      auditEntry(ctx, 'info.answer', { dossierId: request.dossierId, partnerId, basis: 'consent', details: { requestId } }),
    );
    return { request: answered, changed: true };
  });

  if (result.changed) {
    await notify(ctx, 'informationAnswered', (n) =>
      n.informationAnswered({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: actorOf(ctx),
        dossierId: result.request.dossierId,
        requestId,
        partnerId,
      }),
    );
  }
  return result;
}
