/**
 * The bot on a real restify server (createServer + createTeamsBot, as shared/server/main.ts wires them), on the
 * run's Azurite with the demo data, a settable clock, and the connector stub as serviceUrl. Tests
 * talk to it only over HTTP: POST /api/messages, and what arrives at the stub.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createTeamsBot, type TeamsBot, type TeamsBotOptions } from '../../../bot/teams';
import { loadConfig } from '../../../shared/config';
import { demoData, PLAYGROUND_TENANT, playgroundUser, type DemoData } from '../../../shared/demo/demo-data';
import { brusselsDate } from '../../../shared/rules/calendar';
import type { User } from '../../../shared/rules/types';
import { createServer } from '../../../shared/server/create-server';
import { seedDemo } from '../../../shared/services/seed-demo';
import type { Store } from '../../../shared/store';
import { createTestStore } from '../../setup/test-store';
import { cardProblems } from '../../unit/bot/card-validator';
import { ConnectorStub } from './connector-stub';

export const BOT_ID = '28:woonbegeleiding-bot';

/** Demo users by role (shared/demo): 0 coordinator, 1 de-vaart, 2 woonkracht, 3 staff, 4 de-linde. */
export const COORDINATOR = 0;
export const DE_VAART = 1;
export const WOONKRACHT = 2;
export const STAFF = 3;
export const DE_LINDE = 4;
export const STRANGER = 9; // not in the demo data

export interface Conversation {
  id: string;
  type: 'personal' | 'groupChat' | 'channel';
}

export const personal = (user: number): Conversation => ({ id: `a:personal-${user}`, type: 'personal' });
export const DE_VAART_CHAT: Conversation = { id: '19:overleg-de-vaart@thread.v2', type: 'groupChat' };
export const WOONKRACHT_MEETING: Conversation = { id: '19:meeting_woonkracht@thread.v2', type: 'groupChat' };
export const ALERTS: Conversation = { id: '19:signalen@thread.tacv2', type: 'channel' };
export const UNLINKED_CHAT: Conversation = { id: '19:los-gesprek@thread.v2', type: 'groupChat' };

export interface Harness {
  url: string;
  /** The bot's log lines (JSON), at debug level. */
  logs: string[];
  store: Store;
  demo: DemoData;
  bot: TeamsBot;
  connector: ConnectorStub;
  setNow(instant: string): void;
  /** POST /api/messages. */
  send(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  message(user: number, text: string, conversation: Conversation, extra?: Record<string, unknown>): Record<string, unknown>;
  invoke(user: number, verb: string, data: Record<string, unknown>, conversation: Conversation, replyToId?: string): Record<string, unknown>;
  installation(user: number, action: 'add' | 'remove', conversation: Conversation): Record<string, unknown>;
  /** Sends a message and waits for background deliveries. */
  say(user: number, text: string, conversation: Conversation): Promise<void>;
  /** Sends an invoke and answers its card (checked valid). */
  click(user: number, verb: string, data: Record<string, unknown>, conversation: Conversation, replyToId?: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

const teamsId = (user: number) => `29:user-${user}`;

export function userOf(demo: DemoData, n: number): User | undefined {
  return demo.users.find((u) => u.objectId === playgroundUser(n));
}

/** `store`: a store of the caller's own (a fault test stops its Azurite) instead of a fresh one on the run's; seeded here either way. */
export async function startHarness(options: { now?: string; env?: Record<string, string>; bot?: TeamsBotOptions; store?: Store } = {}): Promise<Harness> {
  let now = new Date(options.now ?? '2025-11-10T10:00:00+01:00');
  const store = options.store ?? (await createTestStore());
  const today = brusselsDate(now);
  await seedDemo(store, today);
  const demo = demoData(today);
  const config = loadConfig({ WOONBEGELEIDING_MODE: 'local', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...options.env });
  // Every log line of the run, to check that none carries a name or typed text.
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const deps = { config, logger, store, clock: () => now };
  const server: Server = createServer({ logger, storage: store, localOnly: config.WOONBEGELEIDING_MODE === 'local' });
  const bot = createTeamsBot(deps, { sender: { sleep: async () => undefined }, ...options.bot });
  bot.register(server);
  await new Promise<void>((resolve) => server.listen(0, config.host, resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const connector = new ConnectorStub();
  await connector.start();

  // Who is in the shared conversations (for user-specific views).
  const member = (n: number) => ({ id: teamsId(n), name: `Gebruiker ${n}`, aadObjectId: playgroundUser(n), tenantId: PLAYGROUND_TENANT });
  connector.members.set(DE_VAART_CHAT.id, [member(COORDINATOR), member(DE_VAART)]);
  connector.members.set(WOONKRACHT_MEETING.id, [member(COORDINATOR), member(WOONKRACHT)]);
  connector.members.set(ALERTS.id, [member(COORDINATOR), member(STAFF)]);

  const base = (user: number, conversation: Conversation) => ({
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: now.toISOString(),
    from: { id: teamsId(user), name: `Gebruiker ${user}`, aadObjectId: playgroundUser(user) },
    recipient: { id: BOT_ID, name: 'Woonbegeleiding' },
    conversation: { id: conversation.id, conversationType: conversation.type, tenantId: PLAYGROUND_TENANT, ...(conversation.type !== 'personal' ? { isGroup: true } : {}) },
    channelData: { tenant: { id: PLAYGROUND_TENANT } },
    locale: 'nl-BE',
  });

  const send = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  };

  const h: Harness = {
    url,
    logs,
    store,
    demo,
    bot,
    connector,
    setNow: (instant) => {
      now = new Date(instant);
    },
    send,
    message: (user, text, conversation, extra = {}) => ({
      ...base(user, conversation),
      type: 'message',
      text: conversation.type === 'personal' ? text : `<at>Woonbegeleiding</at> ${text}`,
      ...(conversation.type !== 'personal' ? { entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'Woonbegeleiding' }, text: '<at>Woonbegeleiding</at>' }] } : {}),
      ...extra,
    }),
    invoke: (user, verb, data, conversation, replyToId) => ({
      ...base(user, conversation),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...(replyToId ? { replyToId } : {}),
    }),
    installation: (user, action, conversation) => ({ ...base(user, conversation), type: 'installationUpdate', action }),
    say: async (user, text, conversation) => {
      const response = await send(h.message(user, text, conversation));
      expect(response.status).toBe(200);
      await bot.flush();
    },
    click: async (user, verb, data, conversation, replyToId) => {
      const response = await send(h.invoke(user, verb, data, conversation, replyToId));
      expect(response.status).toBe(200);
      await bot.flush();
      const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(body.value)).toEqual([]);
      return body.value;
    },
    stop: async () => {
      await bot.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
    },
  };
  return h;
}

/** The Adaptive Card of a received activity (the first attachment). */
export const cardOf = (body: Record<string, unknown>): Record<string, unknown> | undefined =>
  ((body.attachments as { content?: Record<string, unknown> }[] | undefined)?.[0]?.content) ?? undefined;

/** Every text a received activity shows. */
export const textOf = (body: Record<string, unknown>): string => JSON.stringify(body);

/** Links a shared conversation to a partner, or makes it the alert channel, as the coordinator would. */
export async function setUpConversations(h: Harness): Promise<void> {
  await h.say(COORDINATOR, 'koppel de vaart', DE_VAART_CHAT);
  await h.say(COORDINATOR, 'koppel woonkracht', WOONKRACHT_MEETING);
  await h.say(COORDINATOR, 'alarmkanaal', ALERTS);
  h.connector.clear();
}
