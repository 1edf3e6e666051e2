/**
 * The Microsoft Graph adapters against a local fake of Graph over HTTPS (test/support/fake-graph),
 * through the real @microsoft/microsoft-graph-client: bearer token, https only, JSON shapes, the
 * exactly-once lookups, retries, paging.
 */
import { AuthenticationHandler, Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { createGraphClient, GraphCallError, type GraphApi } from '../../../shared/graph/client';
import { GraphMailboxReader } from '../../../shared/graph/mailbox-reader';
import { GraphMailSender, KEY_PROPERTY_ID } from '../../../shared/graph/mail-sender';
import { GraphMeetingProvider } from '../../../shared/graph/meetings';
import type { OutgoingMail } from '../../../shared/jobs/ports';
import { FakeGraph, httpsFetch } from '../../support/fake-graph';

const MAILBOX = 'woonbegeleiding@vivendo.example';
const fake = new FakeGraph({ mailboxes: [MAILBOX] });
let api: GraphApi;

beforeAll(async () => {
  await fake.start();
  api = createGraphClient({ baseUrl: fake.baseUrl, getToken: async () => fake.token, fetch: httpsFetch(fake.certificate.cert), maxRetries: 2 });
});
afterAll(() => fake.stop());

const mail = (key: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  key,
  from: { address: MAILBOX, name: 'Vivendo' },
  to: ['meganb@example.com', 'team@devaart.example'],
  subject: 'Uitnodiging structureel overleg woonbegeleiding van 26/11/2026 [WB:de-vaart:2026-11]',
  text: 'tekst',
  html: '<p>Agenda &amp; meer</p>',
  reference: '[WB:de-vaart:2026-11]',
  date: '2026-11-19T08:00:00+01:00',
  ...overrides,
});

/** Posts a raw request with the test's trust, to see what the fake answers outside the SDK. */
const raw = (path: string, init: RequestInit) => httpsFetch(fake.certificate.cert)(`${fake.baseUrl}${path}`, init);

describe('Microsoft Graph adapters against the strict fake', () => {
  it('R13: sendMail is a JSON POST over https with the bearer token; the key travels as header and extended property', async () => {
    const sender = new GraphMailSender(api);
    const sent = await sender.send(mail('mail|invitation|vivendo|de-vaart|2026-11'));
    expect(sent.messageId).toMatch(/^wb\.[0-9a-f]{32}$/);

    const request = fake.requests.find((r) => r.path === `/v1.0/users/${MAILBOX}/sendMail`);
    expect(request).toMatchObject({ method: 'POST', authorization: `Bearer ${fake.token}`, status: 202 });
    expect(request?.contentType).toMatch(/^application\/json/);
    expect(request?.body).toEqual({
      message: {
        subject: mail('x').subject,
        body: { contentType: 'HTML', content: '<p>Agenda &amp; meer</p>' },
        toRecipients: [{ emailAddress: { address: 'meganb@example.com' } }, { emailAddress: { address: 'team@devaart.example' } }],
        internetMessageHeaders: [
          { name: 'X-WB-Reference', value: '[WB:de-vaart:2026-11]' },
          { name: 'X-WB-Key', value: 'mail|invitation|vivendo|de-vaart|2026-11' },
        ],
        singleValueExtendedProperties: [{ id: KEY_PROPERTY_ID, value: 'mail|invitation|vivendo|de-vaart|2026-11' }],
      },
      saveToSentItems: true,
    });
  });

  it('exactly once: findSent finds a sent message by its key in Sent Items, and nothing for another key', async () => {
    const sender = new GraphMailSender(api);
    const key = "mail|conclusions|vivendo|it's-odd|2026-11";
    await sender.send(mail(key));
    const found = await sender.findSent(MAILBOX, key);
    expect(found?.messageId).toMatch(/@fake-graph\.test>$/);
    expect(found?.sentAt).toBeDefined();
    expect(await sender.findSent(MAILBOX, 'mail|never|sent')).toBeUndefined();
    const lookup = fake.requests.filter((r) => r.path.endsWith('/mailFolders/sentitems/messages')).at(-1);
    expect(lookup?.query.$filter).toBe(`singleValueExtendedProperties/Any(ep: ep/id eq '${KEY_PROPERTY_ID}' and ep/value eq 'mail|never|sent')`);
    expect(lookup?.query).toMatchObject({ $select: 'id,internetMessageId,sentDateTime', $top: '1' });
  });

  it('without a token Graph answers 401; the SDK only sends it to hosts it knows, which is why the adapter names the custom host', async () => {
    expect((await raw(`/v1.0/users/${MAILBOX}/sendMail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);

    // The same SDK without customHosts: no Authorization header goes to a host that is not Graph's.
    const fetchImpl = httpsFetch(fake.certificate.cert);
    const last: Middleware = { execute: async (c: Context) => void (c.response = await fetchImpl(String(c.request), c.options as RequestInit)) };
    const auth = new AuthenticationHandler({ getAccessToken: async () => fake.token });
    auth.setNext(last);
    const bare = Client.initWithMiddleware({ middleware: auth, baseUrl: `${fake.baseUrl}/` });
    await expect(bare.api(`/users/${MAILBOX}/sendMail`).post({})).rejects.toMatchObject({ statusCode: 401 });
    expect(fake.requests.at(-1)?.authorization).toBeUndefined();
  });

  it('a plain http base URL is refused: the token would not be sent, or be sent in clear', () => {
    expect(() => createGraphClient({ baseUrl: 'http://127.0.0.1:1', getToken: async () => 't' })).toThrow(/https/);
  });

  it('a body of an unknown shape answers 400, as Graph does', async () => {
    const post = (body: unknown) =>
      raw(`/v1.0/users/${MAILBOX}/sendMail`, { method: 'POST', headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const good = { message: { subject: 's', body: { contentType: 'HTML', content: 'c' }, toRecipients: [{ emailAddress: { address: 'a@b.example' } }] } };
    expect((await post(good)).status).toBe(202);
    expect((await post({ ...good, extra: true })).status).toBe(400);
    expect((await post({ message: { ...good.message, toRecipients: [] } })).status).toBe(400);
    expect((await post({ message: { ...good.message, internetMessageHeaders: [{ name: 'In-Reply-To', value: '<x@y>' }] } })).status).toBe(400);
    const wrongType = await raw(`/v1.0/users/${MAILBOX}/sendMail`, { method: 'POST', headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'text/plain' }, body: 'x' });
    expect(wrongType.status).toBe(415);
  });

  it("a mailbox outside the app's scope answers 403, reported as a code without the message", async () => {
    const error = await new GraphMailSender(api).send(mail('mail|x', { from: { address: 'someone.else@vivendo.example' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphCallError);
    expect(error).toMatchObject({ status: 403, code: 'ErrorAccessDenied' });
  });

  it('R16: createOrGet makes the meeting once per externalId; asking again (a resumed job) answers the same join URL', async () => {
    const meetings = new GraphMeetingProvider(api);
    const request = {
      organizer: MAILBOX,
      externalId: 'wb-vivendo-de-vaart-2026-11',
      subject: 'Structureel overleg woonbegeleiding Vivendo 26/11/2026',
      start: '2026-11-26T09:30:00+01:00',
      end: '2026-11-26T10:15:00+01:00',
    };
    const first = await meetings.ensureMeeting(request);
    const again = await meetings.ensureMeeting(request);
    expect(again).toEqual(first);
    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(fake.meetings.size).toBe(1);
    const posted = fake.requests.filter((r) => r.path.endsWith('/onlineMeetings/createOrGet'));
    expect(posted.map((r) => r.status)).toEqual([201, 200]);
    expect(posted[0]?.body).toEqual({ externalId: request.externalId, subject: request.subject, startDateTime: '2026-11-26T08:30:00Z', endDateTime: '2026-11-26T09:15:00Z' });
  });

  it('throttling (429 with Retry-After) is retried; a 504 on sendMail is not (the mail may have gone out)', async () => {
    const sender = new GraphMailSender(api);
    fake.failNext({ status: 429, retryAfter: '0', route: 'sendMail' });
    const before = fake.sent.length;
    await sender.send(mail('mail|throttled'));
    expect(fake.sent.length).toBe(before + 1);

    fake.failNext({ status: 504, route: 'sendMail' });
    await expect(sender.send(mail('mail|gateway-timeout'))).rejects.toMatchObject({ status: 504 });
    expect(fake.requests.filter((r) => r.path.endsWith('/sendMail') && r.status === 504)).toHaveLength(1);
  });

  it('replies: the inbox window is read with uniqueBody as text and the internet headers, page after page', async () => {
    for (let i = 0; i < 60; i++) {
      fake.inbox.push({
        id: `m${i}`,
        internetMessageId: `<m${i}@devaart.example>`,
        subject: `RE: Uitnodiging [WB:de-vaart:2026-11] ${i}`,
        from: 'MeganB@example.com',
        to: [MAILBOX],
        receivedDateTime: new Date(Date.UTC(2026, 10, 20, 8, i)).toISOString().replace('.000', ''),
        uniqueText: `VT-2026-0${10 + (i % 10)}: probleem ${i}`,
        headers:
          i === 0
            ? [{ name: 'Auto-Submitted', value: 'auto-replied' }, { name: 'In-Reply-To', value: '<wb.1@vivendo.example>' }]
            : [{ name: 'Authentication-Results', value: i === 1 ? 'dmarc=pass action=none header.from=example.com;compauth=pass reason=100' : 'dmarc=fail;compauth=fail reason=000' }],
      });
    }
    fake.inbox.push({ id: 'old', subject: 'oud', from: 'x@y.example', to: [MAILBOX], receivedDateTime: '2026-11-01T08:00:00Z', uniqueText: 'oud' });
    const reader = new GraphMailboxReader(api);
    const mails = await reader.listSince(MAILBOX, '2026-11-20T09:00:00+01:00', '2026-11-20T10:00:00+01:00');
    expect(mails).toHaveLength(60);
    expect(mails[0]).toMatchObject({
      id: 'm0',
      from: 'meganb@example.com',
      to: [MAILBOX],
      text: 'VT-2026-010: probleem 0',
      quotedRemoved: true,
      autoSubmitted: true,
      inReplyTo: '<wb.1@vivendo.example>',
    });
    expect(mails[1]).toMatchObject({ autoSubmitted: false, senderVerified: true });
    expect(mails[2]?.senderVerified).toBe(false);
    expect(mails[0]?.senderVerified).toBeUndefined();
    const reads = fake.requests.filter((r) => r.path.endsWith('/mailFolders/inbox/messages'));
    expect(reads).toHaveLength(2);
    expect(reads[0]?.query.$filter).toBe('receivedDateTime ge 2026-11-20T08:00:00Z and receivedDateTime le 2026-11-20T09:00:00Z');
    expect(reads.every((r) => r.prefer === 'outlook.body-content-type="text"' && r.authorization === `Bearer ${fake.token}`)).toBe(true);
  });
});
