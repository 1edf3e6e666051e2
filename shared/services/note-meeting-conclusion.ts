/**
 * R16 (with R4, R18, R19, R20): during the consultation the coordinator notes, per dossier, what was
 * concluded and decided (the meeting side panel). The note is checked as the conclusions are when
 * they are sent (the dossier is one of this partner's, the decision passes its rule on the meeting
 * day), so closing the list later cannot fail on a rule that the note already broke. A second note on
 * the same dossier replaces the first; nothing changes on the dossier until the list is closed
 * (send-meeting-conclusions). Two people noting at once on one consultation: the unit of work
 * re-reads on an ETag clash, so each note lands.
 */
import { authorizeForPartner } from '../rules/access';
import { monthCalendar } from '../rules/calendar';
import { DomainError } from '../rules/errors';
import type { Consultation, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import type { ServiceContext } from './context';
import { loadPartner } from './dossier-access';
import { assertMeetingDayCame, checkConclusion, conclusionOf, heldConsultation } from './record-conclusions';
import { requireId, requireInput, requireMonth } from './validate';

export interface NoteMeetingConclusionInput {
  partnerId: string;
  month: YearMonth;
  /** `{ dossierId, summary, decision }`, as in record-conclusions. */
  conclusion: unknown;
}

export async function noteMeetingConclusion(ctx: ServiceContext, input: NoteMeetingConclusionInput): Promise<Consultation> {
  requireInput(input);
  const partnerId = requireId(input.partnerId, 'partnerId');
  const month = requireMonth(input.month);
  authorizeForPartner(ctx.user, 'conclusions.record', { landlordId: ctx.ports.landlordId, partnerId });
  const partner = await loadPartner(ctx, partnerId);
  const note = conclusionOf(input.conclusion);
  const meetingDate = assertMeetingDayCame(ctx, await ctx.ports.consultations.get(partnerId, month), month);
  await checkConclusion(ctx, partnerId, month, note, meetingDate);

  return ctx.ports.unitOfWork.inConsultation(partnerId, month, (w) => {
    const current = w.consultation;
    if (current && (current.status === 'conclusions-sent' || current.status === 'confirmed')) throw new DomainError('conflict', msg.conclusionsAlreadySent);
    const base = current ?? heldConsultation(partner, monthCalendar(month, ctx.calendar));
    const notes = (base.draftConclusions ?? []).filter((n) => n.dossierId !== note.dossierId);
    const next: Consultation = { ...base, draftConclusions: [...notes, note] };
    w.setConsultation(next);
    return next;
  });
}
