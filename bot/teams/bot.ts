/**
 * The activity handler. Before any handler: the tenant allowlist and the service URL (guard.ts),
 * the activity handled once (its id claimed through ExactlyOnce: a redelivery does nothing again),
 * and who the user is (resolve-user). A user the system does not know gets a short Dutch explanation
 * and no data. Every handler's error becomes a Dutch answer; logs carry ids and codes only.
 */
import {
  INVOKE_RESPONSE_KEY,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from 'botbuilder';
import { botMessages } from '../../shared/messages/bot';
import { rateLimitKey } from '../../shared/rules/rate-limit';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/card';
import { noticeCard } from '../cards/message-cards';
import { handleAction } from './actions';
import { handleMessage } from './commands';
import { dialogResponse } from './dialog';
import { isShared, kindOf, remember, storedReference, type BotLink } from './conversations';
import { loggableType, refusalOf, tenantOf } from './guard';
import { forgetMembers } from './render';
import { replyText } from './reply';
import { userContext, type BotRuntime } from './runtime';
import { describeError, setTurn, turnOf, type KnownTurn, type Turn } from './turn';

function isRemoval(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'installationUpdate') return typeof a.action === 'string' && a.action.startsWith('remove');
  return a.type === 'conversationUpdate' && (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
}

const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> });

export class WoonbegeleidingBot extends TeamsActivityHandler {
  constructor(private readonly rt: BotRuntime) {
    super();
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.removed(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const { rt } = this;
    const activity = context.activity;
    const refusal = refusalOf(activity, rt.deps.config);
    if (refusal) {
      rt.deps.logger.warn({ refusal, type: loggableType(activity.type) }, 'teams: activity refused');
      if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    // Per-user rate limit, before any work (no storage read, nothing claimed): a Dutch answer only.
    const retryAfterSeconds = this.rateLimited(context);
    if (retryAfterSeconds !== undefined) {
      rt.deps.logger.warn({ type: loggableType(activity.type) }, 'teams: rate limit reached');
      const text = botMessages.tooManyActions(retryAfterSeconds);
      if (activity.type === 'message') await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
      else if (activity.name === 'adaptiveCard/action') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: cardResponse(noticeCard({ tone: 'attention', text })) } });
      } else await context.sendActivity({ type: 'invokeResponse', value: { status: 429 } });
      return;
    }
    const conversationId = activity.conversation?.id ?? '';
    const key = `teams-activity|${conversationId}|${activity.id ?? ''}`;
    const now = rt.now();
    const kind = kindOf(activity);
    const turn: Turn = { rt, context, now, tenantId: tenantOf(activity) ?? '', conversationId, kind, shared: isShared(kind), duplicate: false };
    setTurn(context, turn);
    let first = true;
    try {
      // A redelivery (same activity id) is handled once; an invoke still gets its answer (rendered, no effect).
      first = activity.id ? await rt.services.activities.claim(key, now) : true;
      if (!first && activity.type !== 'invoke') {
        rt.deps.logger.debug({ type: loggableType(activity.type) }, 'teams: redelivered activity ignored');
        return;
      }
      turn.duplicate = !first;
      turn.known = await this.identify(turn);
      await super.run(context);
      // After the answer: the claim already keeps a redelivery out for its lease, and should this
      // write be lost, a redelivery after the lease is handled again (as after a crash).
      if (first && activity.id) rt.background.run('activity done', () => rt.services.activities.done(key));
    } catch (error) {
      const text = describeError(rt, error, `turn:${loggableType(activity.type)}`);
      if (first && activity.id) await rt.services.activities.failed(key, error instanceof Error ? error.name : 'error').catch(() => undefined);
      // Whatever failed (storage down, ...), the user gets a Dutch answer; an invoke always gets its response.
      if (activity.type === 'message') await replyText(turn, text).catch(() => undefined);
      if (activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        await context
          .sendActivity({ type: 'invokeResponse', value: { status: 200, body: cardResponse(noticeCard({ tone: 'attention', text })) } })
          .catch(() => undefined);
      }
    }
  }

  /**
   * What a person sent counts against their limit (keyed by tenant and Entra object id): a typed
   * message or a card's refresh as a read, a submitted or executed card action as a write. Other
   * activities (installs, member changes) are Teams' own and not limited. undefined: go on.
   */
  private rateLimited(context: TurnContext): number | undefined {
    const activity = context.activity;
    const objectId = activity.from?.aadObjectId;
    const tenantId = tenantOf(activity);
    if (!objectId || !tenantId || (activity.type !== 'message' && activity.type !== 'invoke')) return undefined;
    const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    const read = activity.type === 'message' ? activity.value === undefined : activity.name !== 'adaptiveCard/action' || verb === 'refresh';
    const taken = this.rt.limiter.take(rateLimitKey(tenantId, objectId), read ? 'read' : 'write', this.rt.deps.clock().getTime());
    return taken.allowed ? undefined : taken.retryAfterSeconds;
  }

  /** resolve-user; for a known user also the conversation link, refreshed when the reference changed. */
  private async identify(turn: Turn): Promise<KnownTurn | undefined> {
    const from = turn.context.activity.from;
    if (!from?.aadObjectId || !turn.tenantId) return undefined;
    const resolved = await this.rt.services.identify({ tenantId: turn.tenantId, objectId: from.aadObjectId });
    if (resolved.status !== 'known') {
      this.rt.deps.logger.info({ reason: resolved.reason }, 'teams: unknown user');
      return undefined;
    }
    const ctx = userContext(this.rt, resolved.landlord, resolved.user);
    const conversations = this.rt.services.conversations(resolved.landlord.id);
    const stored = (await conversations.get(turn.conversationId)) as BotLink | undefined;
    const reference = storedReference(TurnContext.getConversationReference(turn.context.activity), turn.kind);
    const fresh: BotLink = { conversationId: turn.conversationId, kind: turn.kind, reference, tenantId: turn.tenantId };
    // On removal nothing is stored again; otherwise the reference is kept current (the service URL can change).
    const link = isRemoval(turn.context) ? (stored ?? fresh) : await remember(conversations, { ...fresh, tenantId: turn.tenantId }, stored);
    return {
      user: resolved.user,
      landlord: resolved.landlord,
      ...(resolved.partner ? { partner: resolved.partner } : {}),
      ports: ctx.ports,
      ctx,
      link,
    };
  }

  private async message(context: TurnContext): Promise<void> {
    const turn = turnOf(context);
    if (!turn.known) return replyText(turn, botMessages.unknownUser);
    const text = typeof context.activity.text === 'string' ? context.activity.text.slice(0, 1000) : '';
    try {
      await handleMessage(turn, turn.known, text);
    } catch (error) {
      await replyText(turn, describeError(this.rt, error, 'message'));
    }
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = turnOf(context);
    if (!turn.known) return cardResponse(noticeCard({ tone: 'attention', text: botMessages.unknownUser }));
    return cardResponse(await handleAction(turn, turn.known, value.action?.verb, value.action?.data));
  }

  /** A card's "Dossier(s) openen": the dossier pages as a Teams dialog (dialog.ts). */
  protected override async handleTeamsTaskModuleFetch(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const turn = turnOf(context);
    return dialogResponse(this.rt, request?.data, turn.known !== undefined);
  }

  /**
   * A dialog's page closed itself with its result (bot/tab teams-host: dialog.url.submit). The page
   * has already saved through the API, so the bot only lets Teams close the dialog: an empty answer.
   */
  protected override async handleTeamsTaskModuleSubmit(): Promise<TaskModuleResponse> {
    return undefined as unknown as TaskModuleResponse;
  }

  /** Installed in a chat, meeting or team: the reference is stored (identify) and a short welcome. */
  private async installed(context: TurnContext): Promise<void> {
    const turn = turnOf(context);
    if (turn.duplicate) return;
    if (!turn.known) {
      if (!turn.shared) await replyText(turn, botMessages.unknownUser);
      return;
    }
    this.rt.deps.logger.info({ conversation: turn.conversationId, kind: turn.kind }, 'teams: installed');
    await replyText(turn, turn.shared ? botMessages.welcomeShared : botMessages.welcomePersonal);
  }

  /** Uninstalled: the reference is removed (also when someone unknown removed the bot). */
  private async removed(context: TurnContext): Promise<void> {
    const turn = turnOf(context);
    const landlords = turn.known ? [turn.known.landlord] : await this.rt.services.landlords();
    for (const landlord of landlords) {
      forgetMembers(landlord.id, turn.conversationId);
      await this.rt.services
        .conversations(landlord.id)
        .remove(turn.conversationId)
        .catch(() => undefined); // not stored for this landlord
    }
    this.rt.deps.logger.info({ conversation: turn.conversationId, kind: turn.kind }, 'teams: uninstalled, reference removed');
  }

  /** The bot removed from a team or group chat (conversationUpdate): the same as an uninstall. */
  protected override async onTeamsMembersRemoved(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    if ((context.activity.membersRemoved ?? []).some((m) => m.id === botId)) await this.removed(context);
    await super.onTeamsMembersRemoved(context);
  }
}
