/**
 * The dossier pages' calls to the API, on the pages' shared request (shared/web/api-request.ts): a
 * refusal is an ApiError with the server's Dutch detail and the fields it names (shown next to them).
 */
import { tabMessages as msg } from '../../shared/messages/tab';
import { createApiDownload, createApiRequest, segment, type ApiRequestOptions } from '../../shared/web/api-request';
import type { DevToken, DevUsers, Me } from '../../shared/api/schemas';
import type { ActionResult, DossierPage, Overview } from '../../shared/api/dossier-schemas';
import type { AdminResult, Organisation, TransferRequests } from '../../shared/api/organisation-schemas';
import type { MeetingNoteBody, MeetingView } from '../../shared/api/meeting-schemas';
import type { Report } from '../../shared/rules/report';

export { ApiError, type FetchLike } from '../../shared/web/api-request';

export interface OverviewFilter {
  partnerId?: string;
  stage?: string;
  attention?: boolean;
}

export function createTabClient(options: Omit<ApiRequestOptions, 'messages'>) {
  const messages = { network: msg.network, unexpected: msg.unexpected };
  const request = createApiRequest({ ...options, messages });
  const download = createApiDownload({ ...options, messages });
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
    /** §3: a file the dossier page names (the contact letter), relative to /api/. */
    file: (path: string) => download(path),
    /** A step: POST to `path` (relative to /api/), e.g. dossiers/ID/signatures. */
    act: (path: string, body: unknown) => request<ActionResult>('POST', path, body),
    /** R6: the open transfer requests addressed to the user's organisation (the landlord: all). */
    transferRequests: () => request<TransferRequests>('GET', 'transfer-requests'),
    /** The coordinator: partner organisations and users. */
    organisation: () => request<Organisation>('GET', 'organisation'),
    /** The coordinator: create or change a partner or user (POST to `path`, relative to /api/). */
    admin: (path: string, body: unknown) => request<AdminResult>('POST', path, body),
    /** R13-R16: a partner's consultation of a month as it is held (side panel, stage, browser). */
    meeting: (partnerId: string, month: string) => request<MeetingView>('GET', `meetings/${segment(partnerId)}/${segment(month)}`),
    noteConclusion: (partnerId: string, month: string, note: MeetingNoteBody) => request<MeetingView>('POST', `meetings/${segment(partnerId)}/${segment(month)}/conclusions`, note),
    sendConclusions: (partnerId: string, month: string) => request<MeetingView>('POST', `meetings/${segment(partnerId)}/${segment(month)}/send`),
    /** The landlord's overview of the months [fromMonth, toMonth]. */
    report: (fromMonth: string, toMonth: string) => request<Report>('GET', `report?fromMonth=${segment(fromMonth)}&toMonth=${segment(toMonth)}`),
    removeUser: (tenantId: string, objectId: string) => request<AdminResult>('DELETE', `users/${segment(tenantId)}/${segment(objectId)}`),
  };
}

export type TabClient = ReturnType<typeof createTabClient>;
