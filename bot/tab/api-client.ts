/**
 * The page's calls to the API (/api/...) with the bearer token. A refusal comes back as ApiError with
 * the server's Dutch detail and the fields it names (shown next to those fields). `fetch` is handed in.
 */
import { tabMessages as msg } from '../../shared/messages/tab';
import type { DevToken, DevUsers, Me, ProblemBody } from '../../addin/server/api/schemas';
import type { ActionResult, DossierPage, Overview } from '../../addin/server/api/dossier-schemas';
import type { AdminResult, Organisation, TransferRequests } from '../../addin/server/api/organisation-schemas';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Dutch, to show as is. */
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>;

const isProblem = (body: unknown): body is ProblemBody =>
  typeof body === 'object' && body !== null && typeof (body as ProblemBody).detail === 'string' && typeof (body as ProblemBody).status === 'number';

export interface OverviewFilter {
  partnerId?: string;
  stage?: string;
  attention?: boolean;
}

export function createTabClient(options: { baseUrl: string; fetch: FetchLike; token(): string | undefined }) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(options.baseUrl + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiError(0, msg.network);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, isProblem(json) ? json.detail : msg.unexpected, isProblem(json) ? (json.fields ?? []) : []);
    return json as T;
  }
  const seg = encodeURIComponent;
  return {
    devUsers: () => request<DevUsers>('GET', 'dev/users'),
    devToken: (tenantId: string, objectId: string) => request<DevToken>('POST', 'dev/token', { tenantId, objectId }),
    authOptions: () => request<{ devSignIn: boolean }>('GET', 'auth/options'),
    me: () => request<Me>('GET', 'me'),
    overview: (filter: OverviewFilter) => {
      const q = new URLSearchParams();
      if (filter.partnerId) q.set('partnerId', filter.partnerId);
      if (filter.stage) q.set('stage', filter.stage);
      if (filter.attention) q.set('attention', 'true');
      const query = q.toString();
      return request<Overview>('GET', `dossier-overview${query ? `?${query}` : ''}`);
    },
    dossier: (id: string) => request<DossierPage>('GET', `dossiers/${seg(id)}`),
    /** A step: POST to `path` (relative to /api/), e.g. dossiers/ID/signatures. */
    act: (path: string, body: unknown) => request<ActionResult>('POST', path, body),
    /** R6: the open transfer requests addressed to the user's organisation (the landlord: all). */
    transferRequests: () => request<TransferRequests>('GET', 'transfer-requests'),
    /** The coordinator: partner organisations and users. */
    organisation: () => request<Organisation>('GET', 'organisation'),
    /** The coordinator: create or change a partner or user (POST to `path`, relative to /api/). */
    admin: (path: string, body: unknown) => request<AdminResult>('POST', path, body),
    removeUser: (tenantId: string, objectId: string) => request<AdminResult>('DELETE', `users/${seg(tenantId)}/${seg(objectId)}`),
  };
}

export type TabClient = ReturnType<typeof createTabClient>;
