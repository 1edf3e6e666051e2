/** "Dossier toevoegen ter bespreking" and "Agendering intrekken" (R15, R13b) from the agenda card, and "Conclusies noteren" (R16). */
import { agendaMessages } from '../../../shared/messages/agenda';
import { authorizeForPartner } from '../../../shared/rules/access';
import { monthCalendar } from '../../../shared/rules/calendar';
import { flagDossier, withdrawFlag } from '../../../shared/services';
import { isLandlordRole } from '../../../shared/services/roles';
import type { AdaptiveCard, CardRef } from '../../cards/card';
import type { KnownTurn, Turn } from '../turn';
import { str, type ActionData } from './data';
import { renderFor } from './refresh';

type AgendaRef = Extract<CardRef, { kind: 'agenda' }>;

export async function flagFromCard(turn: Turn, known: KnownTurn, ref: AgendaRef, data: ActionData): Promise<AdaptiveCard> {
  const result = await flagDossier(known.ctx, {
    dossierId: str(data, 'dossierId') ?? '',
    problem: str(data, 'problem') ?? '',
    month: ref.month,
    // The landlord flags for the consultation of the card's partner; a member always for its own.
    ...(isLandlordRole(known.user) ? { partnerId: ref.partnerId } : {}),
    source: 'teams',
  });
  const meetingDate = monthCalendar(result.flag.month, known.ctx.calendar).meetingDate;
  const text = result.outcome === 'created' ? agendaMessages.flagCreated(meetingDate) : agendaMessages.alreadyFlagged(meetingDate);
  return renderFor(turn, known, ref, { notice: { tone: 'good', text } });
}

/** R15: "Agendering intrekken" (after its confirmation card): the same service and messages as the add-in. */
export async function withdrawFromCard(turn: Turn, known: KnownTurn, ref: AgendaRef, data: ActionData): Promise<AdaptiveCard> {
  const result = await withdrawFlag(known.ctx, {
    dossierId: str(data, 'dossierId') ?? '',
    month: ref.month,
    ...(isLandlordRole(known.user) ? { partnerId: ref.partnerId } : {}),
  });
  const meetingDate = monthCalendar(result.flag.month, known.ctx.calendar).meetingDate;
  return renderFor(turn, known, ref, { notice: { tone: 'good', text: agendaMessages.flagWithdrawn(meetingDate) } });
}

export async function conclusionsForm(turn: Turn, known: KnownTurn, ref: { partnerId: string; month: string }): Promise<AdaptiveCard> {
  authorizeForPartner(known.user, 'conclusions.record', { landlordId: known.landlord.id, partnerId: ref.partnerId });
  return renderFor(turn, known, { kind: 'conclusions-form', partnerId: ref.partnerId, month: ref.month });
}
