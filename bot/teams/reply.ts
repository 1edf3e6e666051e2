/** Answers within a turn (through the SDK's TurnContext), and the scope of a command's data. */
import { botMessages } from '../../shared/messages/bot';
import { partnerNotFound } from '../../shared/rules/access';
import type { Partner } from '../../shared/rules/types';
import { isLandlordRole, memberPartnerId } from '../../shared/services/roles';
import { attachment, type AdaptiveCard } from '../cards/card';
import { normalise } from './commands/parse';
import { trackCard, type TrackedCardKind } from './conversations';
import type { KnownTurn, Turn } from './turn';

export async function replyText(turn: Turn, text: string): Promise<void> {
  // Plain text: nothing in an answer is markdown (a typed command is echoed back in some answers).
  await turn.context.sendActivity({ type: 'message', text, textFormat: 'plain' });
}

export async function replyCard(turn: Turn, card: AdaptiveCard, track?: { kind: TrackedCardKind; partnerId: string; month: string }): Promise<string | undefined> {
  const response = await turn.context.sendActivity({ type: 'message', attachments: [attachment(card)] });
  const id = response?.id;
  // Cards that change later (a flag, a confirmation) are remembered to be updated in place.
  if (id && track && turn.known) {
    await trackCard(turn.known.ports.conversations, turn.conversationId, { ...track, activityId: id, at: turn.now }, turn.known.link);
  }
  return id;
}

export type Scope = { ok: true; partnerId: string | undefined } | { ok: false; message: string };

/**
 * Whose data a command may show here. In a shared conversation only the linked partner's (never in
 * an unlinked one or in the landlord's alert channel). In a personal chat: a member's own
 * organisation; the landlord any organisation it names (or all, where a command allows it).
 */
export function scopeOf(turn: Turn, known: KnownTurn, named?: Partner): Scope {
  if (turn.shared) {
    if (known.link.isLandlordAlertChannel) return { ok: false, message: botMessages.alertChannelNoData };
    if (!known.link.partnerId) return { ok: false, message: botMessages.sharedChatNeedsLink };
    return { ok: true, partnerId: known.link.partnerId };
  }
  if (isLandlordRole(known.user)) return { ok: true, partnerId: named?.id };
  const own = memberPartnerId(known.user);
  if (named && named.id !== own) throw partnerNotFound();
  return { ok: true, partnerId: own };
}

/** A partner by what was typed: its id or part of its name. */
export function matchPartners(partners: readonly Partner[], typed: string): Partner[] {
  const wanted = normalise(typed);
  if (!wanted) return [];
  const exact = partners.filter((p) => normalise(p.id.replace(/-/g, ' ')) === wanted || normalise(p.name) === wanted || p.id === wanted);
  if (exact.length > 0) return exact;
  return partners.filter((p) => normalise(p.name).includes(wanted) || normalise(p.id.replace(/-/g, ' ')).includes(wanted));
}

export const partnerList = (partners: readonly Partner[]): string => partners.map((p) => p.id.replace(/-/g, ' ')).join(', ');
