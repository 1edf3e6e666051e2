/**
 * agenda [organisatie] [maand]: R13-R15, the agenda card. In a shared chat the linked partner's (the
 * everyone view, with user-specific views for the landlord and the partner's members); in a personal
 * chat the member's own organisation's, or for the landlord the organisation it names.
 */
import { botMessages } from '../../../shared/messages/bot';
import type { Partner } from '../../../shared/rules/types';
import { isLandlordRole } from '../../../shared/services/roles';
import { baseViewer, userViewer } from '../../cards/views';
import { renderAgenda, viewUserIds } from '../render';
import { matchPartners, partnerList, replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';
import { trailingMonth } from './parse';

/** Splits "de vaart 2025-11" or "woonkracht november" into the partner words and the month. */
export function partnerAndMonth(args: string[], today: string): { words: string; month?: string } {
  const { month, used } = trailingMonth(args, today);
  const words = args.slice(0, args.length - used).join(' ');
  return { words, ...(month ? { month } : {}) };
}

/**
 * The organisation a personal-chat command names, or a refusal that says what was not understood:
 * an unknown or ambiguous name (the landlord gets the names to choose from; a member only its own).
 */
export async function namedPartner(turn: Turn, known: KnownTurn, words: string): Promise<{ partner?: Partner; refusal?: string }> {
  if (turn.shared || !words) return {};
  const partners = await known.ports.partners.list();
  const matches = matchPartners(partners, words);
  if (matches.length === 1) return { partner: matches[0] as Partner };
  const choices = isLandlordRole(known.user) ? partners : partners.filter((p) => p.id === known.user.partnerId);
  if (matches.length > 1 && isLandlordRole(known.user)) return { refusal: botMessages.linkAmbiguous(partnerList(matches)) };
  return { refusal: botMessages.unknownPartnerOrMonth(words, partnerList(choices)) };
}

export async function agenda(turn: Turn, known: KnownTurn, args: string[]): Promise<void> {
  const { words, month } = partnerAndMonth(args, turn.rt.today());
  // The partner list only when a partner is named or has to be asked for, not on every agenda.
  const partners = () => known.ports.partners.list();
  const { partner: named, refusal } = await namedPartner(turn, known, words);
  if (refusal) return replyText(turn, refusal);
  const scope = scopeOf(turn, known, named);
  if (!scope.ok) return replyText(turn, scope.message);
  if (!scope.partnerId) return replyText(turn, isLandlordRole(known.user) ? botMessages.agendaWhich(partnerList((await partners()).slice(0, 2))) : botMessages.notLinked);

  const viewer = turn.shared ? baseViewer(true) : userViewer(known.user, false);
  const userIds = turn.shared ? await viewUserIds(turn.rt, known.landlord.id, known.link, scope.partnerId) : [];
  const { card, agenda: shown } = await renderAgenda(turn.rt, {
    landlord: known.landlord,
    partnerId: scope.partnerId,
    ...(month ? { month } : {}),
    viewer,
    userIds,
    // In a shared chat the card is everyone's view, but read as the asking user: they must be allowed to read it.
    ...(turn.shared ? { readAs: known.ctx } : {}),
  });
  await replyCard(turn, card, { kind: 'agenda', partnerId: shown.partnerId, month: shown.month });
}
