/**
 * Per-user rate limits on the API over real HTTP (small limits set through the settings): over the
 * limit a 429 problem with Retry-After and a Dutch reason, nothing done; writes stricter than reads;
 * another user is not affected; after Retry-After (the server's clock moved) it goes on.
 */
import { active, stored } from '../services/world';
import { entraCoordinator, entraMember, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { RATE_LIMIT_READ_BURST: '3', RATE_LIMIT_READS_PER_MINUTE: '6', RATE_LIMIT_WRITE_BURST: '1', RATE_LIMIT_WRITES_PER_MINUTE: '2' } });
});
afterAll(() => h.close());

const TOO_MANY = {
  type: 'urn:woonbegeleiding:problem:too-many-requests',
  title: 'Te veel verzoeken',
  status: 429,
  code: 'too-many-requests',
};

it('reads: the fourth quick read is refused with 429, Retry-After and a Dutch reason; after the wait it is answered again', async () => {
  h.now = new Date('2025-11-10T10:00:00+01:00');
  const token = await h.token(entraMember);
  for (let i = 0; i < 3; i++) expect((await h.request('GET', '/api/me', { token })).status).toBe(200);
  const refused = await h.request('GET', '/api/me', { token });
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('10');
  expect(refused.headers.get('content-type')).toContain('application/problem+json');
  expect(refused.body).toEqual({ ...TOO_MANY, detail: 'Te veel verzoeken kort na elkaar. Wacht 10 seconden en probeer het dan opnieuw; er is niets gewijzigd.' });

  // Another user has a bucket of their own.
  expect((await h.request('GET', '/api/me', { token: await h.token(entraCoordinator) })).status).toBe(200);

  h.now = new Date(h.now.getTime() + 10_000);
  expect((await h.request('GET', '/api/me', { token })).status).toBe(200);
});

it('writes are stricter than reads, and a refused write does nothing', async () => {
  h.now = new Date('2025-11-10T11:00:00+01:00');
  const token = await h.token(entraMember);
  const [first, second] = [await stored(h.world, active()), await stored(h.world, active())];
  const flag = (dossierId: string) => h.request('POST', '/api/flags', { token, body: { partnerId: 'de-vaart', month: '2025-11', dossierId, problem: 'Overlast' } });

  expect((await flag(first.id)).status).toBe(201);
  const refused = await flag(second.id);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('30');
  expect(refused.body).toMatchObject({ ...TOO_MANY, detail: expect.stringContaining('Wacht 30 seconden') });
  expect(await h.world.ports.flags.get('de-vaart', '2025-11', second.id)).toBeUndefined();
  expect(h.world.notifier.of('flagChanged').filter((c) => (c as { dossierId?: string }).dossierId === second.id)).toEqual([]);

  // Reads still go (their own bucket), and the write goes once its token is back.
  expect((await h.request('GET', '/api/me', { token })).status).toBe(200);
  h.now = new Date(h.now.getTime() + 30_000);
  expect((await flag(second.id)).status).toBe(201);
});

it('the OpenAPI document names the 429 on every signed-in route', async () => {
  const doc = (await h.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>> };
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
  const signedIn = operations.filter((o) => o.security.length > 0);
  expect(signedIn.length).toBeGreaterThan(10);
  for (const o of signedIn) expect(o.responses['429']).toBeDefined();
});
