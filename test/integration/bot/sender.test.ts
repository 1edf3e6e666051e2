/**
 * The one proactive sender against the connector stub: Teams' rate limits per conversation, 429 and
 * 5xx retried (Retry-After honoured, else backoff), 403 marks the conversation gone, a keyed message
 * never twice.
 */
import pino from 'pino';
import { httpConnector, isLoopbackUrl, noAuthorization } from '../../../bot/teams/connector';
import { markGone, type BotLink } from '../../../bot/teams/conversations';
import { RateLimiter } from '../../../bot/teams/rate-limiter';
import { ProactiveSender, type SendTarget } from '../../../bot/teams/sender';
import type { Store } from '../../../shared/store';
import { createTestStore } from '../../setup/test-store';
import { ConnectorStub } from './connector-stub';

const message = { type: 'message', text: 'Hallo' };

let store: Store;
let stub: ConnectorStub;
let clock: number;
let slept: number[];
let sender: ProactiveSender;

const target = (conversationId: string): SendTarget => ({ serviceUrl: stub.serviceUrl, conversationId, landlordId: 'vivendo', tenantId: 't1' });

beforeAll(async () => {
  store = await createTestStore();
  stub = new ConnectorStub();
  await stub.start();
});
afterAll(() => stub.stop());

beforeEach(() => {
  stub.clear();
  clock = Date.parse('2025-11-20T10:00:00Z');
  slept = [];
  const ports = store.forLandlord('vivendo');
  sender = new ProactiveSender({
    connector: httpConnector({ authorize: noAuthorization, allowServiceUrl: isLoopbackUrl }),
    once: store.exactlyOnce,
    logger: pino({ level: 'silent' }),
    clock: () => new Date(clock),
    // A fake clock: sleeping moves it forward, so the rate limiter sees time pass.
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    limiter: new RateLimiter(() => clock),
    random: () => 0.5,
    onGone: (t) => markGone(ports.conversations, t.conversationId, new Date(clock).toISOString()),
  });
});
afterEach(() => expect(stub.violations).toEqual([]));

describe('proactive sender', () => {
  it('posts to /v3/conversations/{id}/activities and answers the new activity id', async () => {
    const outcome = await sender.post(target('c-1'), message);
    expect(outcome).toEqual({ status: 'sent', activityId: 'm-1' });
    expect(stub.posts('c-1')[0]?.path).toBe('/v3/conversations/c-1/activities');
  });

  it('keeps within 7 messages per second and 8 per 2 seconds in one conversation', async () => {
    for (let i = 0; i < 10; i++) await sender.post(target('c-rate'), message);
    expect(stub.posts('c-rate')).toHaveLength(10);
    // The 8th waits for the 1 s window, the 9th and 10th for the 2 s window.
    expect(slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2000);
  });

  it('does not slow down other conversations', async () => {
    for (let i = 0; i < 7; i++) await sender.post(target(`c-other-${i}`), message);
    expect(slept).toEqual([]);
  });

  it('429 with Retry-After: waits that long and retries', async () => {
    stub.script.set('c-429', [{ status: 429, retryAfter: '3' }]);
    const outcome = await sender.post(target('c-429'), message);
    expect(outcome.status).toBe('sent');
    expect(slept).toContain(3000);
    expect(stub.received.filter((r) => r.conversationId === 'c-429')).toHaveLength(2);
  });

  it('5xx: retries with backoff, then gives up after the attempts', async () => {
    stub.script.set('c-500', [{ status: 500 }, { status: 503 }]);
    expect((await sender.post(target('c-500'), message)).status).toBe('sent');
    expect(slept).toEqual([375, 750]); // 500 and 1000 ms, jittered between half and all of it
    stub.script.set('c-down', Array.from({ length: 5 }, () => ({ status: 502 })));
    expect(await sender.post(target('c-down'), message)).toEqual({ status: 'failed', reason: 'http-502-after-5' });
  });

  it('403: the conversation is marked gone, and not retried', async () => {
    const ports = store.forLandlord('vivendo');
    await ports.conversations.save('c-403', () => ({ conversationId: 'c-403', kind: 'groupChat', reference: { serviceUrl: stub.serviceUrl } }));
    stub.script.set('c-403', [{ status: 403 }]);
    expect(await sender.post(target('c-403'), message)).toEqual({ status: 'gone' });
    expect(stub.received.filter((r) => r.conversationId === 'c-403')).toHaveLength(1);
    expect(((await ports.conversations.get('c-403')) as BotLink).goneAt).toBeDefined();
  });

  it('a keyed message is sent once, also when asked twice at the same time', async () => {
    const [a, b] = await Promise.all([sender.post(target('c-key'), message, 'test|once-1'), sender.post(target('c-key'), message, 'test|once-1')]);
    expect([a.status, b.status].sort()).toEqual(['duplicate', 'sent']);
    const again = await sender.post(target('c-key'), message, 'test|once-1');
    expect(again).toEqual({ status: 'duplicate', activityId: 'm-' + stub.posts('c-key')[0]?.createdId?.slice(2) });
    expect(stub.posts('c-key')).toHaveLength(1);
  });

  it('a keyed message that failed may be sent by a later call', async () => {
    stub.script.set('c-retry-later', Array.from({ length: 5 }, () => ({ status: 500 })));
    expect((await sender.post(target('c-retry-later'), message, 'test|later-1')).status).toBe('failed');
    expect((await sender.post(target('c-retry-later'), message, 'test|later-1')).status).toBe('sent');
  });

  it('updates a message in place with PUT', async () => {
    const posted = await sender.post(target('c-put'), message);
    const id = posted.status === 'sent' ? posted.activityId : '';
    expect(await sender.update(target('c-put'), id, { type: 'message', text: 'Bijgewerkt' })).toEqual({ status: 'sent', activityId: id });
    expect(stub.updates('c-put')[0]?.body).toMatchObject({ id, text: 'Bijgewerkt' });
  });

  it('refuses a service URL that is not loopback in local mode', async () => {
    const outcome = await sender.post({ ...target('c-x'), serviceUrl: 'https://smba.trafficmanager.net/emea/' }, message);
    expect(outcome).toEqual({ status: 'failed', reason: 'service-url-not-allowed' });
  });
});
