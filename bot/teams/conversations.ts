/**
 * Conversation references (issue: Conversations). Stored on install and refreshed on every activity of
 * a known user (the service URL can change), removed on uninstall. The bot keeps a few facts of its
 * own on the stored link (the store keeps the whole record as JSON):
 *   tenantId   the Entra tenant of the conversation (per-tenant rate limit, refresh views)
 *   goneAt     a send answered 403/404: the bot was removed; cleared when someone talks to it again
 *   cards      the agenda and conclusions cards posted there, to update them in place
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationLink, Instant, YearMonth } from '../../shared/rules/types';
import type { ConversationRepository } from '../../shared/services/ports';
import type { SendTarget } from './sender';

export type TrackedCardKind = 'agenda' | 'conclusions';

export interface TrackedCard {
  kind: TrackedCardKind;
  partnerId: string;
  month: YearMonth;
  activityId: string;
  at: Instant;
}

export type BotLink = ConversationLink & { tenantId?: string; goneAt?: Instant; cards?: TrackedCard[] };

/** Cards remembered per conversation: the newest ones (older cards are simply no longer updated). */
export const MAX_TRACKED_CARDS = 30;

export function kindOf(activity: Partial<Activity>): ConversationLink['kind'] {
  const type = activity.conversation?.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'channel') return 'channel';
  const channelData = activity.channelData as { meeting?: unknown } | undefined;
  // A meeting's chat is a group chat with a meeting id ("19:meeting_...").
  if (channelData?.meeting || /^19:meeting_/.test(activity.conversation?.id ?? '')) return 'meeting';
  return 'groupChat';
}

export const isShared = (kind: ConversationLink['kind']): boolean => kind !== 'personal';

/** What is kept of a reference: where to send, no names (the last user's name is personal data). */
export function storedReference(reference: Partial<ConversationReference>, kind: ConversationLink['kind']): Record<string, unknown> {
  const { activityId: _activityId, user, locale: _locale, ...rest } = reference;
  const conversation = rest.conversation ? { ...rest.conversation, name: undefined } : undefined;
  const bot = rest.bot ? { id: rest.bot.id, name: rest.bot.name } : undefined;
  return JSON.parse(
    JSON.stringify({
      ...rest,
      conversation,
      bot,
      // A personal chat has one user: keep their ids (never the name) to address them.
      ...(kind === 'personal' && user ? { user: { id: user.id, aadObjectId: user.aadObjectId } } : {}),
    }),
  ) as Record<string, unknown>;
}

export function targetOf(link: BotLink, landlordId: string): SendTarget | undefined {
  const serviceUrl = link.reference.serviceUrl;
  if (typeof serviceUrl !== 'string' || link.goneAt) return undefined;
  return { serviceUrl, conversationId: link.conversationId, landlordId, tenantId: link.tenantId ?? '' };
}

/** Saves the reference when new or changed; answers the stored link. */
export async function remember(
  repo: ConversationRepository,
  input: { conversationId: string; kind: ConversationLink['kind']; reference: Record<string, unknown>; tenantId: string },
  current?: BotLink,
): Promise<BotLink> {
  if (current && !current.goneAt && current.reference.serviceUrl === input.reference.serviceUrl && current.kind === input.kind) return current;
  return (await repo.save(
    input.conversationId,
    (cur) => {
      const previous = cur as BotLink | undefined;
      const next: BotLink = { ...(previous ?? {}), conversationId: input.conversationId, kind: input.kind, reference: input.reference, tenantId: input.tenantId };
      delete next.goneAt;
      return next;
    },
    current ? { known: current } : {},
  )) as BotLink;
}

export async function markGone(repo: ConversationRepository, conversationId: string, at: Instant): Promise<void> {
  const current = (await repo.get(conversationId)) as BotLink | undefined;
  if (!current || current.goneAt) return;
  await repo.save(conversationId, (cur) => ({ ...(cur as BotLink), goneAt: at }) as BotLink);
}

/** `known`: the link as this turn read it (its ETag spares a read; a stale one is read again). */
export async function trackCard(repo: ConversationRepository, conversationId: string, card: TrackedCard, known?: BotLink): Promise<void> {
  await repo.save(
    conversationId,
    (cur) => {
      const link = (cur ?? { conversationId, kind: 'groupChat', reference: {} }) as BotLink;
      const others = (link.cards ?? []).filter((c) => c.activityId !== card.activityId);
      return { ...link, cards: [...others, card].slice(-MAX_TRACKED_CARDS) } as BotLink;
    },
    known ? { known } : {},
  );
}

/** Every tracked card of a kind for one partner's month, with where it lives. */
export async function trackedCards(
  repo: ConversationRepository,
  kind: TrackedCardKind,
  partnerId: string,
  month: YearMonth,
): Promise<{ link: BotLink; card: TrackedCard }[]> {
  const links = (await repo.list()) as BotLink[];
  return links.flatMap((link) =>
    link.goneAt ? [] : (link.cards ?? []).filter((c) => c.kind === kind && c.partnerId === partnerId && c.month === month).map((card) => ({ link, card })),
  );
}
