/**
 * The Microsoft Graph client of the product: app-only (a token of the landlord's mail registration),
 * https only, with the SDK's authentication and retry middleware and a fetch that can be injected
 * (tests trust their local fake's certificate that way). The SDK sends the Authorization header only
 * to Graph's own hosts and to `customHosts`: a custom base URL's host is added there, and a plain
 * http base URL is refused (the token would travel in clear, or not at all).
 */
import {
  AuthenticationHandler,
  Client,
  GraphError,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com (no version, no trailing slash). */
  baseUrl: string;
  /** An app-only access token for Microsoft Graph. */
  getToken: () => Promise<string>;
  fetch?: FetchLike;
  /** Retries of throttling and unavailability (429, 503; 504 only for reads). */
  maxRetries?: number;
  /** Each call gives up after this long, well inside the exactly-once lease. */
  timeoutMs?: number;
}

export const GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The last middleware: the request itself, through the injected or the global fetch. */
class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    context.response = await this.fetchImpl(url, context.options as RequestInit);
  }
}

/** A failed Graph call: the status and Graph's error code only (messages can hold personal data). */
export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Microsoft Graph answered ${status} ${code}`);
    this.name = 'GraphCallError';
  }
}

export function toGraphCallError(err: unknown): Error {
  if (err instanceof GraphError) return new GraphCallError(err.statusCode, err.code ?? 'error');
  if (err instanceof Error && err.name === 'TimeoutError') return new GraphCallError(0, 'timeout');
  return err instanceof Error ? err : new Error('graph: unknown failure');
}

export interface GraphApi {
  client: Client;
  timeoutMs: number;
}

export function createGraphClient(options: GraphClientOptions): GraphApi {
  const url = new URL(options.baseUrl);
  if (url.protocol !== 'https:') throw new Error('graph: the base URL must be https');
  const customHosts = GRAPH_HOSTS.has(url.hostname) ? undefined : new Set([url.hostname]);

  const auth = new AuthenticationHandler({ getAccessToken: options.getToken });
  // A write that timed out at the gateway (504) may have happened: only reads are retried then.
  const retry = new RetryHandler(
    new RetryHandlerOptions(1, options.maxRetries ?? 3, (_delay, _attempt, _request, fetchOptions, response) =>
      response.status !== 504 || (fetchOptions?.method ?? 'GET').toUpperCase() === 'GET',
    ),
  );
  const send = new FetchHandler(options.fetch ?? ((input, init) => fetch(input, init)));
  auth.setNext(retry);
  retry.setNext(send);

  const client = Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}/`,
    defaultVersion: 'v1.0',
    ...(customHosts && { customHosts }),
  });
  return { client, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

/** Runs one Graph call with a timeout, translating its failure. */
export async function call<T>(api: GraphApi, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await run(AbortSignal.timeout(api.timeoutMs));
  } catch (err) {
    throw toGraphCallError(err);
  }
}

/** An OData string literal: single quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A path segment of a user (mailbox address or object id). */
export const userSegment = (user: string): string => encodeURIComponent(user);
