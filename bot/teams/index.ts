/**
 * The Teams bot (issue: Teams bot). Owned by the bot: botbuilder stays inside bot/.
 * `createTeamsBot` builds the adapter, the activity handler and the Notifier that reaches Teams;
 * `register` mounts POST /api/messages on the server.
 */
import type { Server } from 'restify';
import { noopNotifier, type Notifier } from '../../shared/services/notifier';
import type { AppDeps } from '../../shared/server/app-deps';

export interface TeamsBot {
  notifier: Notifier;
  register(server: Server): void;
  /** Stops timers and pending sends on shutdown. */
  close(): Promise<void>;
}

export function createTeamsBot(_deps: AppDeps): TeamsBot {
  return { notifier: noopNotifier, register: () => undefined, close: async () => undefined };
}
