/**
 * A local stand-in for Microsoft Graph over HTTPS, as strict as Graph is with the calls the product
 * makes (and no others):
 *   POST /v1.0/users/{mailbox}/sendMail                           JSON message → 202, kept in Sent Items
 *   GET  /v1.0/users/{mailbox}/mailFolders/sentitems/messages      $filter on our extended property
 *   POST /v1.0/users/{organizer}/onlineMeetings/createOrGet        by externalId → 201 new, 200 existing
 *   GET  /v1.0/users/{mailbox}/mailFolders/inbox/messages          $filter receivedDateTime window, paged
 * Every request needs `Authorization: Bearer <token>` (401 otherwise, like Graph); a user outside
 * the app's mailbox scope answers 403; a body or query of an unknown shape answers 400; an unknown
 * route 404. Failures can be injected (429/503/504, with Retry-After) to test retries.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { selfSignedCertificate, type TestCertificate } from './cert';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  contentType?: string;
  prefer?: string;
  body?: unknown;
  status: number;
}

export interface SentItem {
  id: string;
  internetMessageId: string;
  sentDateTime: string;
  mailbox: string;
  message: SendMailBody['message'];
}

export interface InboxItem {
  id: string;
  internetMessageId?: string;
  subject: string;
  from: string;
  to: string[];
  receivedDateTime: string;
  /** The reply's own text (Graph's uniqueBody). */
  uniqueText: string;
  headers?: { name: string; value: string }[];
}

export interface Injected {
  status: number;
  retryAfter?: string;
  /** Only requests whose route name matches (sendMail, sentItems, createOrGet, inbox); all when absent. */
  route?: string;
}

const recipient = z.strictObject({ emailAddress: z.strictObject({ address: z.email(), name: z.string().optional() }) });
const sendMailSchema = z.strictObject({
  message: z.strictObject({
    subject: z.string(),
    body: z.strictObject({ contentType: z.enum(['text', 'html', 'Text', 'HTML']), content: z.string() }),
    toRecipients: z.array(recipient).min(1),
    ccRecipients: z.array(recipient).optional(),
    bccRecipients: z.array(recipient).optional(),
    replyTo: z.array(recipient).optional(),
    // Graph accepts only custom headers (x-...) here.
    internetMessageHeaders: z.array(z.strictObject({ name: z.string().regex(/^x-[A-Za-z0-9-]+$/i), value: z.string().max(995) })).optional(),
    singleValueExtendedProperties: z
      .array(z.strictObject({ id: z.string().regex(/^String \{[0-9a-f-]{36}\} Name [A-Za-z0-9_]+$/i), value: z.string() }))
      .optional(),
  }),
  saveToSentItems: z.boolean().optional(),
});
type SendMailBody = z.infer<typeof sendMailSchema>;

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const createOrGetSchema = z.strictObject({
  externalId: z.string().min(1).max(200),
  subject: z.string().optional(),
  startDateTime: isoDateTime,
  endDateTime: isoDateTime,
  participants: z.unknown().optional(),
});

const SENT_FILTER = /^singleValueExtendedProperties\/Any\(ep: ep\/id eq '((?:[^']|'')*)' and ep\/value eq '((?:[^']|'')*)'\)$/;
const INBOX_FILTER = /^receivedDateTime ge (\S+Z) and receivedDateTime le (\S+Z)$/;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export interface FakeGraphOptions {
  token?: string;
  /** Mailboxes (and meeting organisers) the app may act for; others answer 403. */
  mailboxes?: string[];
  certificate?: TestCertificate;
}

export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  readonly sent: SentItem[] = [];
  readonly meetings = new Map<string, { id: string; joinWebUrl: string; organizer: string; externalId: string; startDateTime: string; endDateTime: string; subject?: string }>();
  readonly inbox: InboxItem[] = [];
  readonly token: string;
  readonly certificate: TestCertificate;
  private readonly mailboxes: Set<string>;
  private readonly injected: Injected[] = [];
  private server?: https.Server;
  baseUrl = '';

  constructor(options: FakeGraphOptions = {}) {
    this.token = options.token ?? 'fake-graph-token';
    this.mailboxes = new Set((options.mailboxes ?? ['woonbegeleiding@vivendo.example']).map((m) => m.toLowerCase()));
    this.certificate = options.certificate ?? selfSignedCertificate();
  }

  /** The next matching requests fail with this status (once per entry). */
  failNext(...failures: Injected[]): void {
    this.injected.push(...failures);
  }

  async start(): Promise<string> {
    this.server = https.createServer({ key: this.certificate.key, cert: this.certificate.cert }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const query = Object.fromEntries(url.searchParams.entries());
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query,
      ...(req.headers.authorization && { authorization: req.headers.authorization }),
      ...(req.headers['content-type'] && { contentType: req.headers['content-type'] }),
      ...(typeof req.headers.prefer === 'string' && { prefer: req.headers.prefer }),
      status: 0,
    };
    this.requests.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      if (req.headers.authorization !== `Bearer ${this.token}`) throw new HttpError(401, 'InvalidAuthenticationToken');
      const route = this.route(record.method, record.path);
      const failure = this.injected.findIndex((f) => !f.route || f.route === route.name);
      if (failure >= 0) {
        const f = this.injected.splice(failure, 1)[0] as Injected;
        return send(f.status, { error: { code: f.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'injected' } }, f.retryAfter ? { 'retry-after': f.retryAfter } : {});
      }
      if (!this.mailboxes.has(route.user)) throw new HttpError(403, 'ErrorAccessDenied');
      let body: unknown;
      if (record.method === 'POST') {
        if (!/^application\/json/i.test(record.contentType ?? '')) throw new HttpError(415, 'UnsupportedMediaType');
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'BadRequest');
        }
        record.body = body;
      } else if (raw.length > 0) {
        throw new HttpError(400, 'BadRequest');
      }
      const [status, answer] = route.run(body, query, req.headers.prefer);
      return send(status, answer);
    } catch (err) {
      if (err instanceof HttpError) return send(err.status, { error: { code: err.code, message: err.code } });
      return send(500, { error: { code: 'InternalServerError', message: 'fake' } });
    }
  }

  private route(method: string, path: string): { name: string; user: string; run: (body: unknown, query: Record<string, string>, prefer?: string | string[]) => [number, unknown?] } {
    const m = /^\/v1\.0\/users\/([^/]+)\/(.+)$/.exec(path);
    if (!m) throw new HttpError(404, 'ResourceNotFound');
    const user = (m[1] as string).toLowerCase();
    const rest = m[2] as string;
    if (method === 'POST' && rest === 'sendMail') return { name: 'sendMail', user, run: (b, q) => this.sendMail(user, b, q) };
    if (method === 'GET' && rest === 'mailFolders/sentitems/messages') return { name: 'sentItems', user, run: (_b, q) => this.findSent(user, q) };
    if (method === 'POST' && rest === 'onlineMeetings/createOrGet') return { name: 'createOrGet', user, run: (b, q) => this.createOrGet(user, b, q) };
    if (method === 'GET' && rest === 'mailFolders/inbox/messages') return { name: 'inbox', user, run: (_b, q, p) => this.listInbox(user, q, p) };
    throw new HttpError(404, 'ResourceNotFound');
  }

  private noQuery(query: Record<string, string>): void {
    if (Object.keys(query).length > 0) throw new HttpError(400, 'BadRequest');
  }

  private allowOnly(query: Record<string, string>, allowed: string[]): void {
    for (const k of Object.keys(query)) if (!allowed.includes(k)) throw new HttpError(400, 'BadRequest');
  }

  private sendMail(mailbox: string, body: unknown, query: Record<string, string>): [number, unknown?] {
    this.noQuery(query);
    const parsed = sendMailSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'ErrorInvalidRequest');
    const id = randomUUID();
    if (parsed.data.saveToSentItems !== false) {
      this.sent.push({ id, internetMessageId: `<${id}@fake-graph.test>`, sentDateTime: new Date().toISOString(), mailbox, message: parsed.data.message });
    }
    return [202];
  }

  private findSent(mailbox: string, query: Record<string, string>): [number, unknown] {
    this.allowOnly(query, ['$filter', '$select', '$top']);
    const m = SENT_FILTER.exec(query.$filter ?? '');
    if (!m) throw new HttpError(400, 'ErrorInvalidUrlQueryFilter');
    const [propertyId, value] = [(m[1] as string).replace(/''/g, "'"), (m[2] as string).replace(/''/g, "'")];
    const found = this.sent.filter(
      (s) => s.mailbox === mailbox && (s.message.singleValueExtendedProperties ?? []).some((p) => p.id.toLowerCase() === propertyId.toLowerCase() && p.value === value),
    );
    const top = Number(query.$top ?? '10');
    return [200, { value: found.slice(0, top).map((s) => ({ id: s.id, internetMessageId: s.internetMessageId, sentDateTime: s.sentDateTime })) }];
  }

  private createOrGet(organizer: string, body: unknown, query: Record<string, string>): [number, unknown] {
    this.noQuery(query);
    const parsed = createOrGetSchema.safeParse(body);
    if (!parsed.success || Date.parse(parsed.data.endDateTime) <= Date.parse(parsed.data.startDateTime)) throw new HttpError(400, 'BadRequest');
    const key = `${organizer}|${parsed.data.externalId}`;
    const existing = this.meetings.get(key);
    if (existing) return [200, existing];
    const id = `MSo${randomUUID().replace(/-/g, '')}`;
    const meeting = {
      id,
      joinWebUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0`,
      organizer,
      externalId: parsed.data.externalId,
      startDateTime: parsed.data.startDateTime,
      endDateTime: parsed.data.endDateTime,
      ...(parsed.data.subject !== undefined && { subject: parsed.data.subject }),
    };
    this.meetings.set(key, meeting);
    return [201, meeting];
  }

  private listInbox(user: string, query: Record<string, string>, prefer: string | string[] | undefined): [number, unknown] {
    this.allowOnly(query, ['$filter', '$orderby', '$select', '$top', '$skip']);
    const m = INBOX_FILTER.exec(query.$filter ?? '');
    if (!m || (query.$orderby && query.$orderby !== 'receivedDateTime')) throw new HttpError(400, 'ErrorInvalidUrlQueryFilter');
    const [from, to] = [Date.parse(m[1] as string), Date.parse(m[2] as string)];
    const top = Math.min(Number(query.$top ?? '10'), 1000);
    const skip = Number(query.$skip ?? '0');
    const all = this.inbox
      .filter((i) => Date.parse(i.receivedDateTime) >= from && Date.parse(i.receivedDateTime) <= to)
      .sort((a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime));
    const textBody = /outlook\.body-content-type="text"/.test(String(prefer ?? ''));
    const page = all.slice(skip, skip + top).map((i) => ({
      id: i.id,
      ...(i.internetMessageId && { internetMessageId: i.internetMessageId }),
      subject: i.subject,
      from: { emailAddress: { address: i.from } },
      toRecipients: i.to.map((address) => ({ emailAddress: { address } })),
      ccRecipients: [],
      receivedDateTime: i.receivedDateTime,
      uniqueBody: textBody ? { contentType: 'text', content: i.uniqueText } : { contentType: 'html', content: `<html><body>${i.uniqueText}</body></html>` },
      ...(i.headers && { internetMessageHeaders: i.headers }),
    }));
    const next = skip + top < all.length ? new URL(`${this.baseUrl}/v1.0/users/${encodeURIComponent(user)}/mailFolders/inbox/messages`) : undefined;
    if (next) {
      // Graph's nextLink keeps the query and adds $skip; the path keeps the user of the request.
      for (const [k, v] of Object.entries(query)) if (k !== '$skip') next.searchParams.set(k, v);
      next.searchParams.set('$skip', String(skip + top));
    }
    return [200, { value: page, ...(next && { '@odata.nextLink': next.toString() }) }];
  }
}
