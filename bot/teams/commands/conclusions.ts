/** conclusies [maand]: R16, the conclusions card of the (latest) consultation, to read or confirm. */
import { botMessages } from '../../../shared/messages/bot';
import type { YearMonth } from '../../../shared/rules/types';
import { baseViewer, userViewer } from '../../cards/views';
import { assertReadsPartner, renderConclusions, viewUserIds } from '../render';
import { replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';
import { namedPartner, partnerAndMonth } from './agenda';

export async function conclusions(turn: Turn, known: KnownTurn, args: string[]): Promise<void> {
  const { words, month } = partnerAndMonth(args, turn.rt.today());
  const { partner: named, refusal } = await namedPartner(turn, known, words);
  if (refusal) return replyText(turn, refusal);
  const scope = scopeOf(turn, known, named);
  if (!scope.ok) return replyText(turn, scope.message);
  if (!scope.partnerId) return replyText(turn, botMessages.notLinked);
  const partnerId = scope.partnerId;

  // Checked as the reader first: a member of another partner gets "not found".
  assertReadsPartner(known.ctx, partnerId);
  let shownMonth: YearMonth | undefined = month;
  if (!shownMonth) {
    const all = await known.ports.consultations.listByPartner(partnerId);
    shownMonth = [...all].reverse().find((c) => c.status === 'conclusions-sent' || c.status === 'confirmed')?.month;
  }
  if (!shownMonth) return replyText(turn, botMessages.conclusions.none);
  const viewer = turn.shared ? baseViewer(true) : userViewer(known.user, false);
  const userIds = turn.shared ? await viewUserIds(turn.rt, known.landlord.id, known.link, partnerId) : [];
  const card = await renderConclusions(turn.rt, { landlord: known.landlord, partnerId, month: shownMonth, viewer, userIds });
  if (!card) return replyText(turn, botMessages.conclusions.none);
  await replyCard(turn, card, { kind: 'conclusions', partnerId, month: shownMonth });
}
