/**
 * The dossier pages' calls to the API, on the pages' shared request (shared/web/api-request.ts): a
 * refusal is an ApiError with the server's Dutch detail and the fields it names (shown next to them).
 */
import { tabMessages as msg } from '../../shared/messages/tab';
import { createApiRequest, segment, type ApiRequestOptions } from '../../shared/web/api-request';
import type { DevToken, DevUsers, Me } from '../../shared/api/schemas';
import type { ActionResult, DossierPage, Overview } from '../../shared/api/dossier-schemas';
import type { AdminResult, Organisation, TransferRequests } from '../../shared/api/organisation-schemas';

export { ApiError, type FetchLike } from '../../shared/web/api-request';

export interface OverviewFilter {
  partnerId?: string;
  stage?: string;
  attention?: boolean;
}

export function createTabClient(options: Omit<ApiRequestOptions, 'messages'>) {
  const request = createApiRequest({ ...options, messages: { network: msg.network, unexpected: msg.unexpected } });
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
    dossier: (id: string) => request<DossierPage>('GET', `dossiers/${segment(id)}`),
    /** A step: POST to `path` (relative to /api/), e.g. dossiers/ID/signatures. */
    act: (path: string, body: unknown) => request<ActionResult>('POST', path, body),
    /** R6: the open transfer requests addressed to the user's organisation (the landlord: all). */
    transferRequests: () => request<TransferRequests>('GET', 'transfer-requests'),
    /** The coordinator: partner organisations and users. */
    organisation: () => request<Organisation>('GET', 'organisation'),
    /** The coordinator: create or change a partner or user (POST to `path`, relative to /api/). */
    admin: (path: string, body: unknown) => request<AdminResult>('POST', path, body),
    removeUser: (tenantId: string, objectId: string) => request<AdminResult>('DELETE', `users/${segment(tenantId)}/${segment(objectId)}`),
  };
}

export type TabClient = ReturnType<typeof createTabClient>;
