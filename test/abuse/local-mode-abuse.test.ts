/**
 * Local mode (the development sign-in) under abuse, for every route of the server's own table: every
 * route answers 421 to a page that reached us through another host name (DNS rebinding; refused at the
 * edge, shared/server/edge.ts) and discloses no user, also with a token minted on loopback; a member of another partner signed in locally gets nothing of
 * the target dossier.
 */
import type { ApiRoute } from '../../shared/api/http';
import type { Dossier, User } from '../../shared/rules/types';
import { devToken } from '../../scripts/bench/server';
import { active, deVaartMember, stored, woonkrachtMember, DEMO } from '../integration/services/world';
import { rawRequest, startHarness, type Harness } from '../integration/addin/harness';
import { bodyFor, pathFor, type Target } from './route-samples';

jest.setTimeout(300_000);

let h: Harness;
let victim: Dossier;
let target: Target;
const label = (r: ApiRoute) => `${r.method.toUpperCase()} ${r.path}`;

beforeAll(async () => {
  h = await startHarness({ mode: 'local' });
  victim = await stored(h.world, active());
  target = { dossierId: victim.id, partnerId: 'de-vaart', month: '2025-11', tenantId: deVaartMember.tenantId, objectId: deVaartMember.objectId, requestId: 'ir-1' };
});
afterAll(() => h.close());

const evilHost = () => `attacker.example:${new URL(h.url).port}`;

it('the table has local-dev routes in local mode', () => {
  expect(h.addin.routes.filter((r) => r.access === 'local-dev').length).toBeGreaterThan(0);
});

it('every local-dev route: 421 through another host name (refused at the edge), and no user disclosed', async () => {
  const names = DEMO.users.map((u: User) => u.displayName);
  for (const route of h.addin.routes.filter((r) => r.access === 'local-dev')) {
    const body = bodyFor(route, target);
    const response = await rawRequest(h.url, pathFor(route, target), {
      method: route.method.toUpperCase(),
      host: evilHost(),
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    expect([label(route), response.status]).toEqual([label(route), 421]);
    for (const name of names) expect(JSON.stringify(response.body)).not.toContain(name);
  }
});

it('every user route: a locally minted token through another host name is refused (421 at the edge)', async () => {
  const token = await devToken(h.url, deVaartMember);
  for (const route of h.addin.routes.filter((r) => r.access === 'user')) {
    const body = bodyFor(route, target);
    const response = await rawRequest(h.url, pathFor(route, target), {
      method: route.method.toUpperCase(),
      host: evilHost(),
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect([label(route), response.status]).toEqual([label(route), 421]);
    expect(JSON.stringify(response.body)).not.toContain(victim.number);
  }
});

it("every user route: a member of another partner, signed in locally, gets nothing of the target", async () => {
  const token = await devToken(h.url, woonkrachtMember);
  for (const route of h.addin.routes.filter((r) => r.access === 'user')) {
    const body = bodyFor(route, target);
    const response = await h.request(route.method.toUpperCase(), pathFor(route, target), { token, ...(body !== undefined ? { body } : {}) });
    expect(response.status).toBeLessThan(500);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(victim.number);
    expect(text).not.toContain(victim.tenant.name);
  }
});
