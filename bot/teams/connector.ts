/**
 * The Bot Framework connector REST calls the bot makes on its own (proactive messages, card
 * updates, conversation members), over fetch: the SDK's client retries by itself, and the proactive
 * sender (sender.ts) must decide alone about retries, Retry-After and 403. Replies within a turn
 * still go through the SDK's TurnContext.
 */
import type { ServiceClientCredentialsFactory } from 'botframework-connector';

export interface ConnectorTarget {
  serviceUrl: string;
  conversationId: string;
}

export interface ConnectorResponse {
  status: number;
  /** Seconds or an HTTP date, as the service sent it. */
  retryAfter?: string;
  body: unknown;
}

/** Gives the Authorization header value for a service URL, or undefined when none is needed (local). */
export type Authorizer = (serviceUrl: string) => Promise<string | undefined>;

export interface Connector {
  post(target: ConnectorTarget, activity: Record<string, unknown>): Promise<ConnectorResponse>;
  update(target: ConnectorTarget, activityId: string, activity: Record<string, unknown>): Promise<ConnectorResponse>;
  members(target: ConnectorTarget): Promise<ConnectorResponse>;
}

export interface HttpConnectorOptions {
  authorize: Authorizer;
  /** Refuses a service URL that is not allowed (local mode: loopback only). */
  allowServiceUrl: (serviceUrl: string) => boolean;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class ServiceUrlNotAllowed extends Error {
  constructor() {
    super('service URL not allowed');
    this.name = 'ServiceUrlNotAllowed';
  }
}

const base = (serviceUrl: string) => serviceUrl.replace(/\/+$/, '');
const conversationPath = (t: ConnectorTarget) => `${base(t.serviceUrl)}/v3/conversations/${encodeURIComponent(t.conversationId)}`;

export function httpConnector(options: HttpConnectorOptions): Connector {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(method: 'GET' | 'POST' | 'PUT', target: ConnectorTarget, url: string, body?: unknown): Promise<ConnectorResponse> {
    if (!options.allowServiceUrl(target.serviceUrl)) throw new ServiceUrlNotAllowed();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    const authorization = await options.authorize(target.serviceUrl);
    if (authorization) headers.authorization = authorization;
    const response = await doFetch(url, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const raw = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = undefined;
    }
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    return { status: response.status, body: parsed, ...(retryAfter ? { retryAfter } : {}) };
  }

  return {
    post: (target, activity) => call('POST', target, `${conversationPath(target)}/activities`, activity),
    update: (target, activityId, activity) =>
      call('PUT', target, `${conversationPath(target)}/activities/${encodeURIComponent(activityId)}`, { ...activity, id: activityId }),
    members: (target) => call('GET', target, `${conversationPath(target)}/pagedmembers?pageSize=100`),
  };
}

/** Local mode: no tokens. */
export const noAuthorization: Authorizer = async () => undefined;

/**
 * Azure mode: a token of the bot's app registration (secret or managed identity), from the SDK's
 * credential factory; the credentials object caches and renews the token.
 */
export function appAuthorization(factory: ServiceClientCredentialsFactory, appId: string, tenantId: string): Authorizer {
  let credentials: Promise<{ signRequest(resource: unknown): Promise<unknown> }> | undefined;
  return async () => {
    credentials ??= factory.createCredentials(appId, 'https://api.botframework.com', `https://login.microsoftonline.com/${tenantId}`, true);
    const headers = new Map<string, string>();
    // signRequest sets the header on a WebResource; a minimal stand-in is enough.
    await (await credentials).signRequest({ headers: { set: (name: string, value: string) => headers.set(name.toLowerCase(), value) } });
    return headers.get('authorization');
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Azure mode: the Bot Framework channels answer on https only. */
export const isHttpsUrl = (url: string): boolean => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};
