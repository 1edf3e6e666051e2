/**
 * Renders any card of the bot for the person who asks (Teams' refresh for user-specific views, a
 * redelivered invoke, the card behind a refusal). No side effects.
 */
import { botMessages } from '../../../shared/messages/bot';
import type { AdaptiveCard, CardRef } from '../../cards/card';
import { absenceFormCard, newFormId, signalFormCard } from '../../cards/form-cards';
import { noticeCard } from '../../cards/message-cards';
import { userViewer, type Notice } from '../../cards/views';
import { dossierChoices } from '../commands/forms';
import { renderAgenda, renderConclusions, renderConclusionsForm } from '../render';
import type { KnownTurn, Turn } from '../turn';

export async function renderFor(
  turn: Turn,
  known: KnownTurn,
  ref: CardRef,
  options: { notice?: Notice; values?: Record<string, string>; formId?: string } = {},
): Promise<AdaptiveCard> {
  const viewer = userViewer(known.user, turn.shared);
  const notice = options.notice ? { notice: options.notice } : {};
  const values = options.values ? { values: options.values } : {};
  switch (ref.kind) {
    case 'agenda':
      return (await renderAgenda(turn.rt, { landlord: known.landlord, partnerId: ref.partnerId, month: ref.month, viewer, ...notice, ...values })).card;
    case 'conclusions':
      return (
        (await renderConclusions(turn.rt, { landlord: known.landlord, partnerId: ref.partnerId, month: ref.month, viewer, ...notice })) ??
        noticeCard({ tone: 'default', text: botMessages.conclusions.none })
      );
    case 'conclusions-form': {
      // R16: once sent, the form is never offered again: the card shows what was sent and who confirmed.
      const sent = await renderConclusions(turn.rt, { landlord: known.landlord, partnerId: ref.partnerId, month: ref.month, viewer, ...notice });
      return sent ?? renderConclusionsForm(turn.rt, known.ctx, { partnerId: ref.partnerId, month: ref.month, ...values, ...notice });
    }
    case 'signal-form':
    case 'absence-form': {
      const partnerId = known.user.partnerId ?? '';
      const supportingOnly = ref.kind === 'absence-form';
      const dossiers = partnerId ? await dossierChoices(turn, known, partnerId, supportingOnly) : [];
      const input = { dossiers, formId: options.formId ?? newFormId(), ...notice, ...values };
      return ref.kind === 'signal-form' ? signalFormCard(input) : absenceFormCard(input);
    }
  }
}
