/**
 * Abuse of the add-in API, for every route of the server's own route table (as registerApiAndPages
 * returned it, cross-checked against restify's router, so a route added tomorrow is covered without
 * editing this file): a member of another partner, a signed-in stranger, a foreign tenant and forged,
 * expired or otherwise bad tokens get nothing (401/403/404, never a dossier number or a tenant's name),
 * and fuzzed bodies (fast-check) answer a 4xx problem with a Dutch reason, never a 5xx, writing nothing.
 */
import fc from 'fast-check';
import { jose } from '../../shared/api/auth/jose';
import type { ApiRoute } from '../../shared/api/http';
import { restifyPath } from '../../shared/api/http';
import { flagDossier } from '../../shared/services/flag-dossier';
import type { Dossier, User } from '../../shared/rules/types';
import { active, deVaartMember, snapshot, stored, woonkrachtMember, type World } from '../integration/services/world';
import { entraCoordinator, entraMember, entraStranger, FOREIGN_TENANT, PARTNER_TENANT, startHarness, type Harness } from '../integration/addin/harness';
import { bodyFor, pathFor, type Target } from './route-samples';

jest.setTimeout(300_000);

/** A member of woonkracht with an Entra identity: the attacker from another partner. */
const attacker: User = { ...woonkrachtMember, tenantId: PARTNER_TENANT, objectId: '41111111-2222-4333-8444-555555555555', displayName: 'Medewerker Woonkracht' };

/**
 * Routes that answer a member about their own organisation whatever it asks (no id of another's in
 * the path or body that could be followed): 200 is right for the attacker there, as long as nothing
 * of the target is in it. Every other user route must refuse the attacker.
 */
const OWN_SCOPE = new Set(['getMe', 'listDossiers', 'listDossierOverview', 'listTransferRequests', 'getOrganisation']);

/** /api routes of the shared server itself (shared/server/create-server), not of the add-in's table. */
const NOT_THE_ADDIN = new Set(['/api/health']);

let h: Harness;
let world: World;
let victim: Dossier;
let target: Target;
const routes = (): readonly ApiRoute[] => h.addin.routes;
const userRoutes = () => routes().filter((r) => r.access === 'user');
const label = (r: ApiRoute) => `${r.method.toUpperCase()} ${r.path}`;

/** What must never reach someone else: the target dossier's number and its tenant's name and address. */
function secrets(): string[] {
  return [victim.number, victim.tenant.name, ...(victim.tenant.address ? [victim.tenant.address] : [])];
}
function expectNothingDisclosed(body: unknown, what: string): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  for (const secret of secrets()) {
    if (text.includes(secret)) throw new Error(`${what}: the answer discloses "${secret}": ${text.slice(0, 300)}`);
  }
}

/** The keys (table|partition|row) added, changed or removed between two snapshots. */
function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

async function call(route: ApiRoute, token: string | undefined, body = bodyFor(route, target)) {
  return h.request(route.method.toUpperCase(), pathFor(route, target), { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) });
}

beforeAll(async () => {
  h = await startHarness();
  world = h.world;
  await world.store.users.create(attacker);
  victim = await stored(world, active()); // de-vaart's
  // Something to find under every id the routes take: a flag of the victim this month.
  await flagDossier(world.ctx(deVaartMember), { dossierId: victim.id, problem: 'Vertrouwelijk probleem', month: '2025-11', partnerId: 'de-vaart', source: 'outlook' });
  target = { dossierId: victim.id, partnerId: 'de-vaart', month: '2025-11', tenantId: entraMember.tenantId, objectId: entraMember.objectId, requestId: 'ir-1' };
});
afterAll(() => h.close());

describe('the route table is the server', () => {
  it('every /api route restify serves is in the table (nothing registered around it), and the table is not empty', () => {
    const served = Object.values(h.server.router.getRoutes() as unknown as Record<string, { method: string; path: string }>)
      .filter((r) => String(r.path).startsWith('/api/') && !NOT_THE_ADDIN.has(String(r.path)))
      .map((r) => `${r.method.toLowerCase()} ${String(r.path)}`)
      .sort();
    const table = routes()
      .map((r) => `${r.method === 'delete' ? 'delete' : r.method} ${restifyPath(r.path)}`)
      .sort();
    expect(served).toEqual(table);
    expect(userRoutes().length).toBeGreaterThan(10);
  });

  it('every user route gets a path and a valid body aimed at the target (so the tests below reach the handler)', () => {
    for (const route of routes()) expect(() => [pathFor(route, target), bodyFor(route, target)]).not.toThrow();
  });
});

describe('bad identities get nothing, on every user route', () => {
  let forgedKey: Parameters<InstanceType<typeof jose.SignJWT>['sign']>[0] | undefined;
  const cases: [string, () => Promise<string | undefined>, number[]][] = [
    ['no token', async () => undefined, [401]],
    ['a forged signature (another key, same kid)', async () => h.token(entraMember, { key: (forgedKey ??= (await jose.generateKeyPair('RS256')).privateKey) }), [401]],
    ['a forged signature on a coordinator token', async () => h.token(entraCoordinator, { key: (forgedKey ??= (await jose.generateKeyPair('RS256')).privateKey) }), [401]],
    ['an expired token', () => h.token(entraMember, { issuedAt: -7200, expiresIn: 3600 }), [401]],
    ['an expired token of the coordinator', () => h.token(entraCoordinator, { issuedAt: -7200, expiresIn: 3600 }), [401]],
    ['alg "none"', async () => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ tid: PARTNER_TENANT, oid: entraMember.objectId })).toString('base64url')}.`, [401]],
    ['garbage', async () => 'not-a-token', [401]],
    ['a foreign tenant (not on the allowlist), same object id as a user', () => h.token({ tenantId: FOREIGN_TENANT, objectId: entraMember.objectId }), [401]],
    ['a foreign tenant, coordinator object id', () => h.token({ tenantId: FOREIGN_TENANT, objectId: entraCoordinator.objectId }), [401]],
    ['an unknown user (valid token, unknown oid)', () => h.token(entraStranger), [401, 403, 404]],
  ];

  it.each(cases)('%s', async (_name, makeToken, allowed) => {
    const before = await snapshot(world);
    const failures: string[] = [];
    for (const route of userRoutes()) {
      const response = await call(route, await makeToken());
      expectNothingDisclosed(response.body, label(route));
      if (!allowed.includes(response.status)) failures.push(`${label(route)}: ${response.status}`);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(failures).toEqual([]);
    expect(await snapshot(world)).toEqual(before);
  });
});

describe('a member of another partner gets nothing of the target, on every user route', () => {
  it('refused (404/403) where the route names the target; own-scope routes answer without the target; nothing written', async () => {
    const token = await h.token(attacker);
    const failures: string[] = [];
    for (const route of userRoutes()) {
      const before = await snapshot(world);
      const response = await call(route, token);
      expectNothingDisclosed(response.body, label(route));
      if (OWN_SCOPE.has(route.operationId)) {
        if (response.status >= 500) failures.push(`${label(route)}: ${response.status}`);
      } else {
        if (![403, 404].includes(response.status)) failures.push(`${label(route)}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        const written = changes(before, await snapshot(world));
        if (written.length > 0) failures.push(`${label(route)}: ${response.status}, wrote ${written.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('its own-scope answers do not even mention the target dossier id', async () => {
    const token = await h.token(attacker);
    for (const route of userRoutes().filter((r) => OWN_SCOPE.has(r.operationId))) {
      const response = await call(route, token);
      expect(JSON.stringify(response.body)).not.toContain(victim.id);
    }
  });
});

describe('open routes disclose nothing', () => {
  it('without any token', async () => {
    for (const route of routes().filter((r) => r.access !== 'user')) {
      const response = await call(route, undefined);
      expect(response.status).toBeLessThan(500);
      expectNothingDisclosed(response.body, label(route));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzed bodies

const DUTCH = /\b(de|het|een|is|niet|of|van|te|veld|ongeldig|ontbreekt|onbekend|aanvraag|mag|geen|moet|hoogstens|tekens)\b/i;

function expectRefusal(route: ApiRoute, response: { status: number; headers: Headers; body: unknown }, input: unknown): void {
  const where = `${label(route)} with ${JSON.stringify(input)?.slice(0, 200)}`;
  if (response.status >= 500 || response.status < 400) throw new Error(`${where}: ${response.status} ${JSON.stringify(response.body)}`);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = response.body as { detail?: unknown; status?: unknown };
  expect(problem.status).toBe(response.status);
  if (typeof problem.detail !== 'string' || !DUTCH.test(problem.detail)) throw new Error(`${where}: no Dutch reason: ${JSON.stringify(response.body)}`);
}

/** A value the route's own schema refuses: anything at all, or a valid body with one field spoiled or one too many. */
function invalidBodies(route: ApiRoute): fc.Arbitrary<unknown> {
  const schema = route.body!;
  const valid = bodyFor(route, target) as Record<string, unknown>;
  const keys = Object.keys(valid);
  const spoiled = keys.length
    ? fc.tuple(fc.constantFrom(...keys), fc.anything()).map(([key, value]) => ({ ...valid, [key]: value }))
    : fc.anything().map((value) => ({ x: value }));
  const extra = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue()).filter(([k]) => !keys.includes(k) && k !== '__proto__').map(([k, v]) => ({ ...valid, [k]: v }));
  const tooLong = keys.length ? fc.constantFrom(...keys).map((key) => ({ ...valid, [key]: 'x'.repeat(3000) })) : fc.constant([]);
  // Judged as the server will see it: after JSON (undefined fields vanish, -0 becomes 0).
  const asSent = (b: unknown): unknown => {
    const text = JSON.stringify(b);
    return text === undefined ? undefined : JSON.parse(text);
  };
  return fc.oneof(fc.anything(), fc.jsonValue(), spoiled, extra, tooLong).filter((b) => !schema.safeParse(asSent(b)).success);
}

describe('fuzzed bodies: a 4xx with a Dutch reason, never a 5xx, nothing written (every route with a body)', () => {
  const RUNS = 25;

  it('as the coordinator (who may call every route: only validation stands in the way)', async () => {
    const bodyRoutes = routes().filter((r) => r.body && r.access === 'user');
    expect(bodyRoutes.length).toBeGreaterThan(5);
    const token = await h.token(entraCoordinator);
    for (const route of bodyRoutes) {
      const before = await snapshot(world);
      await fc.assert(
        fc.asyncProperty(invalidBodies(route), async (body) => {
          const text = JSON.stringify(body);
          const response = await h.request(route.method.toUpperCase(), pathFor(route, target), { token, ...(text !== undefined ? { rawBody: text } : {}) });
          expectRefusal(route, response, body);
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot(world)).toEqual(before);
    }
  });

  it('raw text that is not JSON, or not an object, as the member', async () => {
    const token = await h.token(entraMember);
    const bodyRoutes = routes().filter((r) => r.body && r.access === 'user');
    const before = await snapshot(world);
    for (const route of bodyRoutes) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '1e999', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}')), async (raw) => {
          const response = await h.request(route.method.toUpperCase(), pathFor(route, target), { token, rawBody: raw, headers: { 'content-type': 'application/json' } });
          expectRefusal(route, response, raw);
        }),
        { numRuns: 10 },
      );
    }
    expect(await snapshot(world)).toEqual(before);
  });

  it('a body over the size limit: 413 with a Dutch reason', async () => {
    const token = await h.token(entraMember);
    for (const route of routes().filter((r) => r.body && r.access === 'user')) {
      const response = await h.request(route.method.toUpperCase(), pathFor(route, target), { token, body: { ...(bodyFor(route, target) as object), pad: 'x'.repeat(20_000) } });
      expectRefusal(route, response, '<20 kB>');
    }
  });
});
