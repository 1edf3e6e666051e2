/**
 * §3, R5: GET /api/dossiers/{id}/contact-letter over real HTTP: a PDF attachment named after the
 * dossier (never the tenant), for the landlord and the organisation that holds the dossier; 404 for
 * another organisation exactly like a missing id, 401 without a token, 409 with the Dutch reason when
 * there is no letter yet. The dossier page names the letter once it exists, and the activation's
 * answer (shown to the coordinator in Teams) says it is ready and where.
 */
import type { User } from '../../../shared/rules/types';
import type { ActionResult, DossierPage } from '../../../shared/api/dossier-schemas';
import { pdfTextLines } from '../../support/pdf-text';
import { active, allSigned, auditOf, dossier, stored, woonkrachtMember, type World } from '../services/world';
import { entraCoordinator, entraMember, PARTNER_TENANT, startHarness, type Harness } from '../addin/harness';

const entraWoonkracht: User = { ...woonkrachtMember, tenantId: PARTNER_TENANT, objectId: '51111111-2222-4333-8444-555555555555', displayName: 'Entra Woonkracht' };

let h: Harness;
let world: World;
let coordinatorToken: string;
let memberToken: string;
let woonkrachtToken: string;

beforeAll(async () => {
  h = await startHarness();
  world = h.world;
  await world.store.users.create(entraWoonkracht);
});
afterAll(() => h.close());
beforeEach(async () => {
  h.now = new Date('2025-11-10T10:00:00+01:00');
  [coordinatorToken, memberToken, woonkrachtToken] = await Promise.all([h.token(entraCoordinator), h.token(entraMember), h.token(entraWoonkracht)]);
});

/** The raw answer: a PDF is bytes, not text. */
async function download(path: string, token?: string) {
  const response = await fetch(h.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
const problemOf = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as { detail: string; status: number };

describe('§3, R5: the contact letter through the API', () => {
  it('§3: a PDF attachment named after the dossier, for the coordinator and the member of the organisation that holds it; audited', async () => {
    const d = await stored(world, active());
    for (const token of [coordinatorToken, memberToken]) {
      const answer = await download(`/api/dossiers/${d.id}/contact-letter`, token);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="contactbrief-${d.number}.pdf"`);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-disposition')).not.toContain(d.tenant.name.split(' ')[0]!);
      const text = pdfTextLines(answer.bytes).join('\n');
      expect(text).toContain(d.tenant.name);
      expect(text).toContain('Begeleidingsdienst De Vaart');
    }
    const audited = (await auditOf(world, d.id)).filter((e) => e.action === 'contactletter.read').map((e) => e.actor);
    expect(audited.sort()).toEqual([entraCoordinator.objectId, entraMember.objectId].sort());
  });

  it("§3: another organisation gets 404 with exactly the body of a missing id; without a token 401", async () => {
    const d = await stored(world, active());
    const other = await download(`/api/dossiers/${d.id}/contact-letter`, woonkrachtToken);
    const missing = await download('/api/dossiers/bestaat-niet/contact-letter', woonkrachtToken);
    expect(other.status).toBe(404);
    expect(other.bytes.toString('utf8')).toBe(missing.bytes.toString('utf8'));
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect((await download(`/api/dossiers/${d.id}/contact-letter`)).status).toBe(401);
    expect((await auditOf(world, d.id)).filter((e) => e.action === 'contactletter.read')).toEqual([]);
  });

  it('§3: a candidacy has no letter yet: 409 with the Dutch reason; the page offers none', async () => {
    const d = await stored(world, dossier());
    const answer = await download(`/api/dossiers/${d.id}/contact-letter`, coordinatorToken);
    expect(answer.status).toBe(409);
    expect(problemOf(answer.bytes).detail).toBe(
      `Voor dossier ${d.number} kan geen contactbrief gemaakt worden: de begeleiding loopt niet (meer). De brief is er vanaf de start van het traject tot het einde.`,
    );
    const page = await h.request('GET', `/api/dossiers/${d.id}`, { token: coordinatorToken });
    expect((page.body as DossierPage).contactLetter).toBeUndefined();
  });

  it('§3: at activation the coordinator hears the letter is ready and where; the page then names it', async () => {
    const d = await stored(world, dossier({ signatures: { ...allSigned } }));
    const activation = await h.request('POST', `/api/dossiers/${d.id}/activation`, { token: coordinatorToken, body: { leaseStart: '2025-11-01' } });
    expect(activation.status).toBe(200);
    expect((activation.body as ActionResult).message).toContain('De contactbrief voor de huurder staat klaar');
    const page = (await h.request('GET', `/api/dossiers/${d.id}`, { token: coordinatorToken })).body as DossierPage;
    expect(page.contactLetter).toEqual({ path: `dossiers/${d.id}/contact-letter`, fileName: `contactbrief-${d.number}.pdf` });
    expect((await download(`/api${'/'}${page.contactLetter!.path}`, coordinatorToken)).status).toBe(200);
  });

  it('the OpenAPI document lists the route with its PDF answer', async () => {
    const doc = (await h.request('GET', '/api/openapi.json')).body as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    const op = doc.paths['/api/dossiers/{dossierId}/contact-letter']?.get;
    expect(Object.keys(op?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
  });
});
