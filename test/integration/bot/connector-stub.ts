/**
 * A local HTTP server standing in for the Teams connector (the activity's serviceUrl). It checks
 * what it receives as strictly as the real one would: only the Bot Framework v3 routes, the right
 * methods, JSON, a message activity whose conversation matches the path, a reply's replyToId equal to
 * the one in the path, an update only of an activity it created in that conversation, no
 * Authorization header in local mode, and every Adaptive Card valid (schema <= 1.5). Anything else
 * is answered like the service would (404/400) and recorded as a violation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardProblems } from '../../unit/bot/card-validator';

export interface Received {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path (reply-to for a POST, the updated one for a PUT). */
  activityId?: string;
  body: Record<string, unknown>;
  /** For POSTs: the id this stub gave the new activity. */
  createdId?: string;
}

export interface ScriptedResponse {
  status: number;
  retryAfter?: string;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  tenantId?: string;
}

export class ConnectorStub {
  readonly received: Received[] = [];
  readonly violations: string[] = [];
  /** Per conversation: responses to give to the next sends instead of 200 (429, 500, 403...). */
  readonly script = new Map<string, ScriptedResponse[]>();
  readonly members = new Map<string, Member[]>();
  private readonly created = new Map<string, Set<string>>();
  private server?: http.Server;
  private counter = 0;
  serviceUrl = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => this.handle(req, raw, res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  clear(): void {
    this.received.length = 0;
    this.violations.length = 0;
  }

  /** Messages posted (new activities) to a conversation, in order. */
  posts(conversationId?: string): Received[] {
    return this.received.filter((r) => r.method === 'POST' && (!conversationId || r.conversationId === conversationId));
  }

  updates(conversationId?: string): Received[] {
    return this.received.filter((r) => r.method === 'PUT' && (!conversationId || r.conversationId === conversationId));
  }

  private violation(res: http.ServerResponse, status: number, what: string): void {
    this.violations.push(what);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'BadArgument', message: what } }));
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stub');
    const match = /^\/v3\/conversations\/([^/]+)(?:\/(activities|pagedmembers|members)(?:\/([^/]+))?)?$/.exec(url.pathname);
    if (!match) return this.violation(res, 404, `unknown path ${req.method} ${url.pathname}`);
    const conversationId = decodeURIComponent(match[1] as string);
    const resource = match[2];
    const activityId = match[3] ? decodeURIComponent(match[3]) : undefined;
    if (req.headers.authorization) return this.violation(res, 401, 'Authorization header in local mode');

    if (req.method === 'GET' && resource === 'pagedmembers' && !activityId) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ members: this.members.get(conversationId) ?? [] }));
    }
    if (resource !== 'activities') return this.violation(res, 404, `unknown resource ${req.method} ${url.pathname}`);
    if (req.method !== 'POST' && req.method !== 'PUT') return this.violation(res, 405, `method ${req.method} on activities`);
    if (req.method === 'PUT' && !activityId) return this.violation(res, 405, 'PUT without activity id');
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) return this.violation(res, 415, 'not JSON');

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return this.violation(res, 400, 'invalid JSON');
    }
    const problems = this.checkActivity(body, conversationId, req.method, activityId);
    if (problems.length > 0) return this.violation(res, 400, `${req.method} ${url.pathname}: ${problems.join('; ')}`);

    const scripted = this.script.get(conversationId)?.shift();
    if (scripted) {
      this.received.push({ method: req.method, path: url.pathname, conversationId, ...(activityId ? { activityId } : {}), body });
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...(scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {}) });
      return void res.end(JSON.stringify({ error: { code: 'Scripted' } }));
    }

    if (req.method === 'PUT') {
      if (!this.created.get(conversationId)?.has(activityId as string)) return this.violation(res, 404, `update of unknown activity ${activityId}`);
      this.received.push({ method: 'PUT', path: url.pathname, conversationId, activityId: activityId as string, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ id: activityId }));
    }
    const createdId = `m-${++this.counter}`;
    const ids = this.created.get(conversationId) ?? new Set<string>();
    ids.add(createdId);
    this.created.set(conversationId, ids);
    this.received.push({ method: 'POST', path: url.pathname, conversationId, ...(activityId ? { activityId } : {}), body, createdId });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: createdId }));
  }

  private checkActivity(body: Record<string, unknown>, conversationId: string, method: string, activityId?: string): string[] {
    const problems: string[] = [];
    if (body.type !== 'message' && body.type !== 'typing') problems.push(`type ${String(body.type)}`);
    const conversation = body.conversation as { id?: unknown } | undefined;
    if (conversation && conversation.id !== conversationId) problems.push('conversation.id differs from the path');
    if (method === 'POST' && activityId && body.replyToId !== undefined && body.replyToId !== activityId) problems.push('replyToId differs from the path');
    if (method === 'PUT' && body.id !== activityId) problems.push('id differs from the path');
    const attachments = body.attachments;
    if (attachments !== undefined) {
      if (!Array.isArray(attachments) || attachments.length === 0) problems.push('attachments not a non-empty array');
      else
        for (const a of attachments as { contentType?: unknown; content?: unknown }[]) {
          if (a.contentType !== 'application/vnd.microsoft.card.adaptive') problems.push(`contentType ${String(a.contentType)}`);
          else problems.push(...cardProblems(a.content).map((p) => `card: ${p}`));
        }
    } else if (typeof body.text !== 'string' || body.text === '') problems.push('message without text or attachments');
    return problems;
  }
}
