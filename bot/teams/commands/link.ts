/**
 * koppel <organisatie>, ontkoppel, alarmkanaal: the coordinator links a shared conversation to a
 * partner (where its agenda and conclusions go) or makes it the landlord's alert channel (R9).
 * The two are exclusive: a partner's chat never receives the landlord's alerts.
 */
import { botMessages } from '../../../shared/messages/bot';
import { authorize } from '../../../shared/rules/access';
import type { BotLink } from '../conversations';
import { forgetMembers } from '../render';
import { matchPartners, partnerList, replyText } from '../reply';
import type { KnownTurn, Turn } from '../turn';

async function save(known: KnownTurn, turn: Turn, change: (link: BotLink) => BotLink): Promise<BotLink> {
  forgetMembers(known.landlord.id, turn.conversationId);
  const saved = (await known.ports.conversations.save(turn.conversationId, (cur) => change({ ...(cur ?? known.link) } as BotLink))) as BotLink;
  known.link = saved;
  return saved;
}

export async function link(turn: Turn, known: KnownTurn, args: string[]): Promise<void> {
  authorize(known.user, 'conversation.link');
  if (!turn.shared) return replyText(turn, botMessages.linkNotInPersonalChat);
  if (known.link.isLandlordAlertChannel) return replyText(turn, botMessages.linkIsAlertChannel);
  const partners = await known.ports.partners.list();
  const typed = args.join(' ');
  if (!typed) return replyText(turn, botMessages.linkWhich(partnerList(partners.slice(0, 1))));
  const matches = matchPartners(partners, typed);
  if (matches.length === 0) return replyText(turn, botMessages.linkUnknownPartner(typed.slice(0, 60), partnerList(partners)));
  if (matches.length > 1) return replyText(turn, botMessages.linkAmbiguous(partnerList(matches)));
  const partner = matches[0] as (typeof matches)[number];
  if (known.link.partnerId === partner.id) return replyText(turn, botMessages.alreadyLinked(partner.name));
  await save(known, turn, (l) => ({ ...l, partnerId: partner.id }));
  turn.rt.deps.logger.info({ conversation: turn.conversationId, partnerId: partner.id }, 'teams: conversation linked');
  await replyText(turn, botMessages.linked(partner.name));
}

export async function unlink(turn: Turn, known: KnownTurn): Promise<void> {
  authorize(known.user, 'conversation.link');
  if (!known.link.partnerId && !known.link.isLandlordAlertChannel) return replyText(turn, botMessages.notLinkedNothingToUnlink);
  await save(known, turn, (l) => {
    const next = { ...l };
    delete next.partnerId;
    delete next.isLandlordAlertChannel;
    return next;
  });
  turn.rt.deps.logger.info({ conversation: turn.conversationId }, 'teams: conversation unlinked');
  await replyText(turn, botMessages.unlinked);
}

export async function alertChannel(turn: Turn, known: KnownTurn): Promise<void> {
  authorize(known.user, 'conversation.link');
  if (known.link.partnerId) return replyText(turn, botMessages.alertChannelIsLinked);
  if (known.link.isLandlordAlertChannel) return replyText(turn, botMessages.alertChannelAlready);
  await save(known, turn, (l) => ({ ...l, isLandlordAlertChannel: true }));
  turn.rt.deps.logger.info({ conversation: turn.conversationId }, 'teams: alert channel set');
  await replyText(turn, botMessages.alertChannelSet);
}
