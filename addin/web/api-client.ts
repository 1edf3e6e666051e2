/**
 * The pane's calls to the add-in API (/api/...), with the bearer token. Errors come back as ApiError
 * with the server's Dutch problem detail, or a Dutch network message. No DOM globals: `fetch` is
 * handed in.
 */
import { addinMessages as msg } from '../../shared/messages/addin';
import type {
  AuthOptions,
  ConsultationView,
  DevToken,
  DevUsers,
  DossiersResult,
  FlagBody,
  FlagResult,
  Me,
  ProblemBody,
  WithdrawResult,
} from '../server/api/schemas';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Dutch, to show as is. */
    message: string,
    readonly problem?: ProblemBody,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}>;

export interface ApiClientOptions {
  /** e.g. https://host/api/ */
  baseUrl: string;
  fetch: FetchLike;
  /** The bearer token, if signed in. */
  token(): string | undefined;
}

const isProblem = (body: unknown): body is ProblemBody =>
  typeof body === 'object' && body !== null && typeof (body as ProblemBody).detail === 'string' && typeof (body as ProblemBody).status === 'number';

export function createApiClient(options: ApiClientOptions) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(options.baseUrl + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiError(0, msg.errors.network);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, isProblem(json) ? json.detail : msg.errors.unexpected, isProblem(json) ? json : undefined);
    return json as T;
  }
  const segment = encodeURIComponent;

  return {
    authOptions: () => request<AuthOptions>('GET', 'auth/options'),
    devUsers: () => request<DevUsers>('GET', 'dev/users'),
    devToken: (tenantId: string, objectId: string) => request<DevToken>('POST', 'dev/token', { tenantId, objectId }),
    me: () => request<Me>('GET', 'me'),
    consultation: (partnerId: string, month: string) => request<ConsultationView>('GET', `consultations/${segment(partnerId)}/${segment(month)}`),
    dossiers: (partnerId: string) => request<DossiersResult>('GET', `dossiers?partnerId=${segment(partnerId)}`),
    flag: (body: FlagBody) => request<FlagResult>('POST', 'flags', body),
    withdraw: (partnerId: string, month: string, dossierId: string) =>
      request<WithdrawResult>('DELETE', `flags/${segment(partnerId)}/${segment(month)}/${segment(dossierId)}`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
