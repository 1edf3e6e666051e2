/**
 * The browser pages' one way to call the API (/api/...), shared by the Outlook task pane (addin/web)
 * and the dossier pages in Teams (bot/tab): the bearer token on every call, JSON in and out, and any
 * refusal as an ApiError with the server's Dutch problem detail and the fields it names, or a Dutch
 * network message. No DOM globals: `fetch` is handed in, so tests call it without a browser.
 */

/** The problem document the server answers a refusal with (shared/server/problem.ts). */
export interface Problem {
  status: number;
  detail: string;
  code?: string;
  fields?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Dutch, to show as is. */
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The input fields the server named (to show the message next to them). */
  get fields(): readonly string[] {
    return this.problem?.fields ?? [];
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
  /** A file's bytes (downloads only; the browser's fetch has it). */
  blob?(): Promise<Blob>;
}>;

export interface ApiRequestOptions {
  /** e.g. https://host/api/ */
  baseUrl: string;
  fetch: FetchLike;
  /** The bearer token, if signed in. */
  token(): string | undefined;
  /** The page's own Dutch texts for a failed connection and an answer that is no problem document. */
  messages: { network: string; unexpected: string };
}

export type ApiRequest = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && typeof (body as Problem).detail === 'string' && typeof (body as Problem).status === 'number';

export function createApiRequest(options: ApiRequestOptions): ApiRequest {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(options.baseUrl + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiError(0, options.messages.network);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, isProblem(json) ? json.detail : options.messages.unexpected, isProblem(json) ? json : undefined);
    return json as T;
  };
}

/**
 * A file from the API (e.g. the tenant's contact letter, a PDF): its bytes, or the same ApiError with
 * the server's Dutch reason as any other call.
 */
export function createApiDownload(options: ApiRequestOptions): (path: string) => Promise<Blob> {
  return async (path) => {
    const headers: Record<string, string> = { accept: 'application/pdf, application/problem+json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(options.baseUrl + path, { method: 'GET', headers });
    } catch {
      throw new ApiError(0, options.messages.network);
    }
    if (!response.ok || !response.blob) {
      const json: unknown = await response.json().catch(() => undefined);
      throw new ApiError(response.status, isProblem(json) ? json.detail : options.messages.unexpected, isProblem(json) ? json : undefined);
    }
    return response.blob();
  };
}

/** A path segment from a value (an id, a month). */
export const segment = encodeURIComponent;
