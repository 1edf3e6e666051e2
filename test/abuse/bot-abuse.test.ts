/**
 * Abuse of the Teams bot, for every bot action taken from the bot's own tables (bot-samples.ts: every
 * chat command, every card verb from every card that carries it, every dialog invoke), over HTTP to
 * /api/messages: a member of another partner, an unknown user and a user of a foreign tenant get
 * nothing of the target (another partner's dossier, conclusions and flag), in a personal chat, their
 * own partner's chat and the target partner's chat, and nothing is written. The target's own people
 * get the same samples answered (so a sample that no longer reaches its handler fails here).
 * Tokens (forged, expired, wrong audience or issuer, another service URL) and the tenant allowlist
 * are checked in azure mode against a stand-in for the Bot Framework's signing keys.
 */
import { randomUUID } from 'node:crypto';
import type { Dossier } from '../../shared/rules/types';
import { WoonbegeleidingBot } from '../../bot/teams/bot';
import { botMessages } from '../../shared/messages/bot';
import { serverMessages } from '../../shared/messages/server';
import { playgroundUser, PLAYGROUND_TENANT } from '../../shared/demo/demo-data';
import { tableClients } from '../../shared/store/connection';
import { encodePart } from '../../shared/store/keys';
import { jose } from '../../shared/api/auth/jose';
import { cardProblems } from '../unit/bot/card-validator';
import { createTestStore, testConnectionString, testPrefix } from '../setup/test-store';
import { tableSnapshot } from '../integration/services/world';
import { startFakeChannelKeys, type FakeChannelKeys } from '../support/fake-channel-keys';
import {
  COORDINATOR,
  DE_VAART,
  DE_VAART_CHAT,
  personal,
  setUpConversations,
  startHarness,
  STRANGER,
  WOONKRACHT,
  WOONKRACHT_MEETING,
  type Conversation,
  type Harness,
} from '../integration/bot/harness';
import { actionSamples, COMMAND_SAMPLES, DIALOG_INVOKES, HANDLER_COVERAGE, type BotTarget } from './bot-samples';

jest.setTimeout(120_000);

const FOREIGN_TENANT = '9e8d7c6b-5a49-4382-b1a0-fedcba987654';
const MONTH = '2025-11';
const SUMMARY = 'Vertrouwelijke conclusie K7Q';
const PROBLEM = 'Vertrouwelijk probleem K7Q';

interface Caller {
  name: string;
  user: number;
  /** Another Entra tenant than the landlord's (the object id is a real member's). */
  tenant?: string;
}

const CALLERS: Caller[] = [
  { name: 'a member of another partner', user: DE_VAART },
  { name: 'an unknown user of the landlord\'s tenant', user: STRANGER },
  { name: 'a foreign tenant with a woonkracht member\'s object id', user: WOONKRACHT, tenant: FOREIGN_TENANT },
];

let h: Harness;
let prefix: string;
let victim: Dossier;
let target: BotTarget;

/** The caller's identity on an activity the harness built. */
function as(caller: Caller, activity: Record<string, unknown>): Record<string, unknown> {
  if (!caller.tenant) return activity;
  const conversation = { ...(activity.conversation as Record<string, unknown>), tenantId: caller.tenant };
  return { ...activity, conversation, channelData: { tenant: { id: caller.tenant } } };
}

const conversationsOf = (caller: Caller): Conversation[] => [personal(caller.user), DE_VAART_CHAT, WOONKRACHT_MEETING];

/** What must never reach anyone but woonkracht and the landlord. */
const secrets = (): string[] => [victim.number, victim.tenant.name, ...(victim.tenant.address ? [victim.tenant.address] : []), SUMMARY, PROBLEM];
const disclosed = (text: string): string[] => secrets().filter((s) => text.includes(s));

/**
 * Every entity of this run's tables, without the claims of handled activities (every activity claims
 * its id, also a refused one: that is what makes a redelivery do nothing).
 */
const snapshot = () => tableSnapshot(prefix, (table, e) => table === 'once' && String(e.key).startsWith('teams-activity|'));

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

/**
 * The changes a caller may cause: the audit of what it was shown of its own organisation (every
 * disclosure is audited) and the cards the bot tracks in the caller's own chats. Anything else, and
 * anything that names the target, is returned.
 */
async function unexplained(keys: string[], caller: Caller): Promise<string[]> {
  const client = tableClients({ connectionString: testConnectionString() });
  const own = new Set([personal(caller.user).id, ...(caller.user === DE_VAART && !caller.tenant ? [DE_VAART_CHAT.id] : [])].map((id) => encodePart(id)));
  const out: string[] = [];
  for (const key of keys) {
    const [table, partitionKey, rowKey] = JSON.parse(key) as [string, string, string];
    const entity = await client(prefix + table).getEntity<Record<string, unknown>>(partitionKey, rowKey).catch(() => undefined);
    const text = JSON.stringify(entity ?? {});
    const aboutTarget = text.includes(victim.id) || text.includes('woonkracht') || disclosed(text).length > 0;
    const ownAudit = table === 'audit' && entity !== undefined && text.includes(playgroundUser(caller.user)) && !caller.tenant;
    const ownChat = table === 'conversations' && entity !== undefined && own.has(rowKey);
    if (aboutTarget || !(ownAudit || ownChat)) out.push(`${key}: ${text.slice(0, 200)}`);
  }
  return out;
}

async function invoke(activity: Record<string, unknown>) {
  const response = await h.send(activity);
  await h.bot.flush();
  return response;
}

beforeAll(async () => {
  prefix = testPrefix();
  h = await startHarness({ now: '2025-11-27T16:00:00+01:00', store: await createTestStore({ tablePrefix: prefix }) });
  await setUpConversations(h);
  await h.bot.postAgendas(MONTH);
  // The target: woonkracht's conclusions of this month (awaiting confirmation) and a flag for next month.
  const woonkrachtForm = { card: { kind: 'conclusions-form', partnerId: 'woonkracht', month: MONTH } };
  const form = await h.click(COORDINATOR, 'conclusions.form', woonkrachtForm, personal(COORDINATOR));
  const ids = (form.actions as { data?: { dossierIds?: string[] } }[])[0]?.data?.dossierIds ?? [];
  victim = h.demo.dossiers.find((d) => ids.includes(d.id) && d.supportingPartnerId === 'woonkracht' && d.transfers.length === 0) as Dossier;
  await h.click(COORDINATOR, 'conclusions.record', { ...woonkrachtForm, dossierIds: [victim.id], c0_on: 'true', c0_summary: SUMMARY, c0_decision: 'none' }, personal(COORDINATOR));
  const flagged = await h.click(WOONKRACHT, 'agenda.flag', { card: { kind: 'agenda', partnerId: 'woonkracht', month: '2025-12' }, dossierId: victim.id, problem: PROBLEM }, personal(WOONKRACHT));
  expect(JSON.stringify(flagged)).toContain(victim.number);
  target = { partnerId: 'woonkracht', month: MONTH, dossierId: victim.id, number: victim.number };
  // Every caller has spoken once in every conversation, so the bot's own bookkeeping of conversations is done.
  for (const caller of CALLERS) for (const conversation of conversationsOf(caller)) await invoke(as(caller, h.message(caller.user, 'help', conversation)));
  h.connector.clear();
});
afterAll(() => h?.stop());

describe('the samples are the bot', () => {
  it('every handler the bot overrides is reached by a sample', () => {
    const overridden = Object.getOwnPropertyNames(WoonbegeleidingBot.prototype).filter((n) => /^(on|handle)[A-Z]/.test(n)).sort();
    expect(overridden).toEqual(Object.keys(HANDLER_COVERAGE).sort());
  });

  it('there is a sample for every verb from every card that carries it, and for every command', () => {
    expect(actionSamples(target).length).toBeGreaterThanOrEqual(11);
    expect(Object.values(COMMAND_SAMPLES).flatMap((f) => f(target)).length).toBeGreaterThanOrEqual(14);
  });
});

describe.each(CALLERS)('$name gets nothing and changes nothing', (caller) => {
  it('with every command, every card action and every dialog, in every conversation', async () => {
    const before = await snapshot();
    h.connector.clear();
    const answers: string[] = [];
    const problems: string[] = [];
    for (const conversation of conversationsOf(caller)) {
      for (const text of Object.values(COMMAND_SAMPLES).flatMap((f) => f(target))) {
        const response = await invoke(as(caller, h.message(caller.user, text, conversation)));
        if (response.status !== 200) problems.push(`"${text}" in ${conversation.id}: ${response.status}`);
      }
      for (const { verb, card, data } of actionSamples(target)) {
        const response = await invoke(as(caller, h.invoke(caller.user, verb, data, conversation)));
        const body = response.body as { statusCode?: number; value?: Record<string, unknown> };
        if (response.status !== 200 || body.statusCode !== 200) problems.push(`${verb} from ${card.kind}: ${response.status}/${body.statusCode}`);
        else if (cardProblems(body.value).length > 0) problems.push(`${verb} from ${card.kind}: an invalid card`);
        answers.push(JSON.stringify(body));
      }
      for (const { name, value } of DIALOG_INVOKES(target)) {
        const response = await invoke(as(caller, { ...h.message(caller.user, 'x', conversation), id: randomUUID(), type: 'invoke', name, text: undefined, value }));
        if (response.status !== 200) problems.push(`${name}: ${response.status}`);
        answers.push(JSON.stringify(response.body ?? ''));
      }
    }
    const received = h.connector.received.map((r) => JSON.stringify(r.body));
    expect(problems).toEqual([]);
    expect(answers.length + received.length).toBeGreaterThan(30);
    expect(disclosed([...answers, ...received].join('\n'))).toEqual([]);
    expect(h.connector.violations).toEqual([]);
    expect(await unexplained(changes(before, await snapshot()), caller)).toEqual([]);
  });
});

describe('the same samples from the target\'s own people', () => {
  it('reach their handlers: never the "unexpected" answer; the renders show the target; the confirmation is stored', async () => {
    const unexpected: string[] = [];
    let shown = '';
    for (const { verb, card, data } of actionSamples(target)) {
      const owner = verb.startsWith('conclusions.form') || verb === 'conclusions.record' || card.kind === 'conclusions-form' ? COORDINATOR : WOONKRACHT;
      const answer = JSON.stringify(await h.click(owner, verb, data, personal(owner)));
      if (answer.includes(JSON.stringify(botMessages.unexpected).slice(1, -1))) unexpected.push(`${verb} from ${card.kind}`);
      if (verb === 'refresh') shown += answer;
    }
    expect(unexpected).toEqual([]);
    expect(shown).toContain(victim.number);
    expect(shown).toContain(SUMMARY);
    expect((await h.store.forLandlord('vivendo').consultations.get('woonkracht', MONTH))?.status).toBe('confirmed');
    await h.say(WOONKRACHT, `dossier ${victim.number}`, personal(WOONKRACHT));
    expect(JSON.stringify(h.connector.posts(personal(WOONKRACHT).id).at(-1)?.body)).toContain(victim.number);
  });
});

describe('azure mode: tokens and the tenant allowlist', () => {
  const APP_ID = '22222222-2222-2222-2222-222222222222';
  const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
  let keys: FakeChannelKeys;
  let azure: Harness;

  let sdkLog: jest.SpyInstance;

  beforeAll(async () => {
    sdkLog = jest.spyOn(console, 'error').mockImplementation(() => undefined); // the SDK logs every refusal
    keys = await startFakeChannelKeys();
    azure = await startHarness({
      env: {
        WOONBEGELEIDING_MODE: 'azure',
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: '33333333-3333-3333-3333-333333333333',
        ALLOWED_TENANT_IDS: PLAYGROUND_TENANT,
        API_APP_ID: '44444444-4444-4444-4444-444444444444',
        APP_BASE_URL: 'https://woonbegeleiding.example',
        AZURE_TABLES_ENDPOINT: 'https://unused.example',
      },
      bot: { channelOpenIdMetadataUrl: keys.openIdMetadataUrl },
    });
  });
  afterAll(async () => {
    await azure?.stop();
    await keys?.stop();
    sdkLog.mockRestore();
  });

  /** An invoke whose answer comes back in the HTTP response (the bot sends nothing outward). */
  const agendaRefresh = (tenant = PLAYGROUND_TENANT) => {
    const activity = azure.invoke(WOONKRACHT, 'refresh', { card: { kind: 'agenda', partnerId: 'woonkracht', month: MONTH } }, personal(WOONKRACHT));
    const conversation = { ...(activity.conversation as Record<string, unknown>), tenantId: tenant };
    return { ...activity, serviceUrl: SERVICE_URL, conversation, channelData: { tenant: { id: tenant } } };
  };
  const post = async (activity: Record<string, unknown>, token: string | undefined) => {
    const response = await fetch(`${azure.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const valid = { audience: APP_ID, serviceUrl: SERVICE_URL };

  it('a valid channel token is accepted and the member gets its agenda (the control)', async () => {
    const response = await post(agendaRefresh(), await keys.token(valid));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(keys.fetches).toBeGreaterThan(0);
  });

  const forged: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['garbage', async () => 'not-a-token'],
    ['a forged signature (another key under the published kid)', async () => keys.token({ ...valid, key: (await jose.generateKeyPair('RS256')).privateKey })],
    ['HS256 with a secret of the attacker\'s', () => keys.token({ ...valid, alg: 'HS256' })],
    ['alg "none"', async () => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL })).toString('base64url')}.`],
    ['expired an hour ago', () => keys.token({ ...valid, issuedAt: -7200, expiresIn: 3600 })],
    ['for another bot (audience)', () => keys.token({ ...valid, audience: '55555555-5555-5555-5555-555555555555' })],
    ['from another issuer', () => keys.token({ ...valid, issuer: 'https://sts.attacker.example/' })],
    ['for another service URL than the activity\'s', () => keys.token({ ...valid, serviceUrl: 'https://attacker.example/' })],
  ];

  it.each(forged)('%s: 401 with a Dutch reason, and no card', async (_name, token) => {
    const response = await post(agendaRefresh(), await token());
    expect(response.status).toBe(401);
    expect(response.type).toContain('application/problem+json');
    expect(JSON.parse(response.text)).toMatchObject({ status: 401, detail: serverMessages.botTokenRefused });
    expect(disclosed(response.text)).toEqual([]);
    expect(response.text).not.toContain('AdaptiveCard');
  });

  it('a valid token for an activity of a tenant not on the allowlist: 403, no card', async () => {
    const response = await post(agendaRefresh(FOREIGN_TENANT), await keys.token(valid));
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('AdaptiveCard');
  });
});
