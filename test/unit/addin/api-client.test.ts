/** The pane's API client with a fake fetch: the bearer token, paths, and errors in Dutch. */
import { ApiError, createApiClient, type FetchLike } from '../../../addin/web/api-client';

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, ...init });
    return { status, ok: status >= 200 && status < 300, json: async () => body };
  };
  return { fetch, calls };
}

describe('pane API client', () => {
  it('sends the bearer token and encodes path segments', async () => {
    const { fetch, calls } = fakeFetch(200, { outcome: 'withdrawn', message: 'ok' });
    const api = createApiClient({ baseUrl: 'https://host/api/', fetch, token: () => 'tok' });
    await api.withdraw('de-vaart', '2025-11', 'd/1');
    expect(calls).toEqual([{ url: 'https://host/api/flags/de-vaart/2025-11/d%2F1', method: 'DELETE', headers: { accept: 'application/json', authorization: 'Bearer tok' } }]);
  });

  it('posts a flag as JSON', async () => {
    const { fetch, calls } = fakeFetch(201, {});
    await createApiClient({ baseUrl: '/api/', fetch, token: () => undefined }).flag({ partnerId: 'p', month: '2025-11', dossierId: 'd', problem: 'x' });
    expect(calls[0]).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"partnerId":"p","month":"2025-11","dossierId":"d","problem":"x"}' });
    expect(calls[0]?.headers.authorization).toBeUndefined();
  });

  it('a problem document becomes an ApiError with its Dutch detail', async () => {
    const problem = { type: 't', title: 'Termijn verstreken', status: 422, code: 'deadline-passed', detail: 'Te laat.', nextConsultation: '2025-12-24' };
    const api = createApiClient({ baseUrl: '/api/', fetch: fakeFetch(422, problem).fetch, token: () => 't' });
    const error = await api.flag({ partnerId: 'p', month: '2025-11', dossierId: 'd', problem: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, message: 'Te laat.', problem });
  });

  it('no answer at all: a Dutch network message', async () => {
    const api = createApiClient({ baseUrl: '/api/', fetch: () => Promise.reject(new TypeError('Failed to fetch')), token: () => 't' });
    await expect(api.me()).rejects.toMatchObject({ status: 0, message: expect.stringContaining('niet bereikbaar') });
  });
});
