/** The pane's calls to the add-in API, on the pages' shared request (shared/web/api-request.ts). */
import { addinMessages as msg } from '../../shared/messages/addin';
import { createApiRequest, segment, type ApiRequestOptions } from '../../shared/web/api-request';
import type {
  AuthOptions,
  ConsultationView,
  DevToken,
  DevUsers,
  DossiersResult,
  FlagBody,
  FlagResult,
  Me,
  WithdrawResult,
} from '../../shared/api/schemas';

export { ApiError, type FetchLike } from '../../shared/web/api-request';

export function createApiClient(options: Omit<ApiRequestOptions, 'messages'>) {
  const request = createApiRequest({ ...options, messages: msg.errors });

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
