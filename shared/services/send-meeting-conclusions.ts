/**
 * R16: closing the meeting's list sends the conclusions noted in the side panel for confirmation,
 * through the one use case that records conclusions (record-conclusions: the decisions are applied to
 * the dossiers, the partner is told, the card in its chat asks for confirmation). When someone noted
 * another conclusion meanwhile, nothing is sent and the list is to be looked at again. A repeat after
 * the list was sent completes an interrupted call, as record-conclusions does.
 */
import { authorizeForPartner } from '../rules/access';
import type { YearMonth } from '../rules/types';
import type { ServiceContext } from './context';
import { recordConclusions, type RecordConclusionsResult } from './record-conclusions';
import { requireId, requireInput, requireMonth } from './validate';

export interface SendMeetingConclusionsInput {
  partnerId: string;
  month: YearMonth;
}

export async function sendMeetingConclusions(ctx: ServiceContext, input: SendMeetingConclusionsInput): Promise<RecordConclusionsResult> {
  requireInput(input);
  const partnerId = requireId(input.partnerId, 'partnerId');
  const month = requireMonth(input.month);
  authorizeForPartner(ctx.user, 'conclusions.record', { landlordId: ctx.ports.landlordId, partnerId });
  const stored = await ctx.ports.consultations.get(partnerId, month);
  if (stored && (stored.status === 'conclusions-sent' || stored.status === 'confirmed')) {
    return recordConclusions(ctx, { partnerId, month, conclusions: stored.conclusions });
  }
  const notes = stored?.draftConclusions ?? [];
  return recordConclusions(ctx, { partnerId, month, conclusions: notes, expectNotes: notes });
}
