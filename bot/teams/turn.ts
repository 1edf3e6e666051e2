/**
 * One activity as the handlers see it: who (resolved through resolve-user), where (the kind of
 * conversation, its stored link: linked partner or alert channel), when, and a service context.
 */
import type { TurnContext } from 'botbuilder';
import type { ConversationLink, Instant, LandlordConfig, Partner, User } from '../../shared/rules/types';
import type { ServiceContext } from '../../shared/services/context';
import type { LandlordPorts } from '../../shared/services/ports';
import { isDomainError } from '../../shared/rules/errors';
import { botMessages } from '../../shared/messages/bot';
import type { BotLink } from './conversations';
import type { BotRuntime } from './runtime';

export interface KnownTurn {
  user: User;
  landlord: LandlordConfig;
  partner?: Partner;
  ports: LandlordPorts;
  ctx: ServiceContext;
  link: BotLink;
}

export interface Turn {
  rt: BotRuntime;
  context: TurnContext;
  now: Instant;
  tenantId: string;
  conversationId: string;
  kind: ConversationLink['kind'];
  /** Seen by several people: least personal data, only the linked partner's dossiers. */
  shared: boolean;
  /** The same activity came before (a redelivery): no side effects, only what is already there. */
  duplicate: boolean;
  known?: KnownTurn;
}

const TURN_KEY = Symbol('woonbegeleiding.turn');

export const setTurn = (context: TurnContext, turn: Turn): void => void context.turnState.set(TURN_KEY, turn);
export const turnOf = (context: TurnContext): Turn => {
  const turn = context.turnState.get(TURN_KEY) as Turn | undefined;
  if (!turn) throw new Error('turn state missing');
  return turn;
};

/** A user-facing Dutch sentence for any error; the error itself is logged by code or name only. */
export function describeError(rt: BotRuntime, error: unknown, what: string): string {
  if (isDomainError(error)) {
    if (error.code === 'unavailable') rt.deps.logger.warn({ what, code: error.code }, 'teams: storage unavailable');
    return error.message;
  }
  rt.deps.logger.error({ what, error: error instanceof Error ? error.name : 'error' }, 'teams: handler failed');
  return botMessages.unexpected;
}
