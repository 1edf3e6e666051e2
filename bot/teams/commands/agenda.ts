/**
 * agenda [organisatie] [maand]: R13-R15, the agenda card. In a shared chat the linked partner's (the
 * everyone view, with user-specific views for the landlord and the partner's members); in a personal
 * chat the member's own organisation's, or for the landlord the organisation it names.
 */
import { botMessages } from '../../../shared/messages/bot';
import { partnerNotFound } from '../../../shared/rules/access';
import { getAgenda } from '../../../shared/services';
import { isLandlordRole } from '../../../shared/services/roles';
import { baseViewer, userViewer } from '../../cards/views';
import { renderAgenda, viewUserIds } from '../render';
import { matchPartners, partnerList, replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';
import { monthArg } from './parse';

/** Splits "de vaart 2025-11" into the partner words and the month. */
export function partnerAndMonth(args: string[]): { words: string; month?: string } {
  const month = monthArg(args[args.length - 1]);
  const words = (month ? args.slice(0, -1) : args).join(' ');
  return { words, ...(month ? { month } : {}) };
}

export async function agenda(turn: Turn, known: KnownTurn, args: string[]): Promise<void> {
  const { words, month } = partnerAndMonth(args);
  const partners = await known.ports.partners.list();
  let named;
  if (!turn.shared && words) {
    const matches = matchPartners(partners, words);
    if (matches.length !== 1) throw partnerNotFound();
    named = matches[0];
  }
  const scope = scopeOf(turn, known, named);
  if (!scope.ok) return replyText(turn, scope.message);
  if (!scope.partnerId) return replyText(turn, isLandlordRole(known.user) ? botMessages.agendaWhich(partnerList(partners.slice(0, 2))) : botMessages.notLinked);

  // In a shared chat the card is everyone's view, but the asking user must be allowed to read it.
  if (turn.shared) await getAgenda(known.ctx, { partnerId: scope.partnerId, ...(month ? { month } : {}) });
  const viewer = turn.shared ? baseViewer(true) : userViewer(known.user, false);
  const userIds = turn.shared ? await viewUserIds(turn.rt, known.landlord.id, known.link, scope.partnerId) : [];
  const { card, agenda: shown } = await renderAgenda(turn.rt, {
    landlord: known.landlord,
    partnerId: scope.partnerId,
    ...(month ? { month } : {}),
    viewer,
    userIds,
  });
  await replyCard(turn, card, { kind: 'agenda', partnerId: shown.partnerId, month: shown.month });
}
