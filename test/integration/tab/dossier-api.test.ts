/**
 * The dossier routes of the Teams tab and dialogs over real HTTP (shared/api/dossier-routes.ts):
 * each step of a trajectory through its use case, the timeline of the dossier page, the list with what
 * needs attention, and the access policy (a partner member cannot record a signature; another partner
 * cannot see the dossier: 404 exactly like a missing id), with Dutch validation errors that name the
 * field and write nothing.
 */
import { tabMessages as msg } from '../../../shared/messages/tab';
import { getAgenda } from '../../../shared/services/get-agenda';
import type { Dossier, User } from '../../../shared/rules/types';
import type { ActionResult, DossierPage, Overview } from '../../../shared/api/dossier-schemas';
import { active, coordinator, dossier, snapshot, stored, woonkrachtMember, type World } from '../services/world';
import { entraCoordinator, entraMember, PARTNER_TENANT, startHarness, type Harness } from '../addin/harness';

const entraWoonkracht: User = { ...woonkrachtMember, tenantId: PARTNER_TENANT, objectId: '41111111-2222-4333-8444-555555555555', displayName: 'Entra Woonkracht' };

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

const post = (path: string, token: string, body: unknown) => h.request('POST', path, { token, body });
const page = async (id: string, token = coordinatorToken): Promise<DossierPage> => {
  const response = await h.request('GET', `/api/dossiers/${id}`, { token });
  expect(response.status).toBe(200);
  return response.body as DossierPage;
};

describe('a trajectory from candidacy to its 3-month visit (R1, R2, R7, R17)', () => {
  let id: string;

  it('R1: the coordinator creates a candidacy (201, with its number)', async () => {
    const response = await post('/api/dossiers', coordinatorToken, {
      kind: 'VT',
      tenant: { name: 'Testhuurder Tijdlijn', address: 'Teststraat 1, 8000 Brugge' },
      registeringPartnerId: 'de-vaart',
      supportingPartnerId: 'de-vaart',
      supportWorker: { name: 'Begeleider Test' },
    });
    expect(response.status).toBe(201);
    const body = response.body as ActionResult;
    expect(body.number).toMatch(/^VT-2025-\d{3}$/);
    expect(body.message).toBe(`Kandidatuur ${body.number} aangemaakt.`);
    id = body.dossierId;
    expect((await page(id)).forms).toEqual(expect.arrayContaining(['signatures', 'consent', 'stop']));
  });

  it('R3: the candidacy form takes the versions of the obligation documents; the dossier page shows them', async () => {
    const response = await post('/api/dossiers', coordinatorToken, {
      kind: 'VT',
      tenant: { name: 'Testhuurder Documenten' },
      registeringPartnerId: 'de-vaart',
      supportingPartnerId: 'de-vaart',
      supportWorker: { name: 'Begeleider Test' },
      documents: { lease: 'Huurovereenkomst 2025-01', rio: 'RIO 2024', huisdierenbeleid: 'Huisdierenbeleid 2023' },
    });
    expect(response.status).toBe(201);
    const p = await page((response.body as ActionResult).dossierId);
    expect(p.dossier.documents).toEqual(['Huurovereenkomst: Huurovereenkomst 2025-01', 'Reglement van Inwendige Orde: RIO 2024', 'Huisdierenbeleid: Huisdierenbeleid 2023']);
    const unknown = await post('/api/dossiers', coordinatorToken, {
      kind: 'VT',
      tenant: { name: 'Testhuurder Onbekend' },
      registeringPartnerId: 'de-vaart',
      supportingPartnerId: 'de-vaart',
      supportWorker: { name: 'Begeleider Test' },
      documents: { huurwet: 'x' },
    });
    expect(unknown.status).toBe(400);
  });

  it('R1: the form sent twice with its key (a second "save" after a failed answer) creates one dossier: 201, then 200 unchanged', async () => {
    const body = {
      candidacyId: 'form-key-7f3a',
      kind: 'VT',
      tenant: { name: 'Testhuurder Tweemaal' },
      registeringPartnerId: 'de-vaart',
      supportingPartnerId: 'de-vaart',
      supportWorker: { name: 'Begeleider Test' },
    };
    const first = await post('/api/dossiers', coordinatorToken, body);
    expect(first.status).toBe(201);
    const second = await post('/api/dossiers', coordinatorToken, body);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ dossierId: 'form-key-7f3a', number: (first.body as ActionResult).number, changed: false });
    const named = (await world.ports.dossiers.listAll()).filter((d) => d.tenant.name === 'Testhuurder Tweemaal');
    expect(named).toHaveLength(1);
  });

  it('R1: a partner member cannot record a signature (403, nothing written)', async () => {
    const before = await snapshot(world);
    const response = await post(`/api/dossiers/${id}/signatures`, memberToken, { signatures: { tenant: '2025-08-01' } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden' });
    expect(await snapshot(world)).toEqual(before);
  });

  it('R1: the three signatures, R7: the consent, R2: the lease start activates it', async () => {
    const signed = await post(`/api/dossiers/${id}/signatures`, coordinatorToken, { signatures: { supportWorker: '2025-06-20', tenant: '2025-06-21', landlord: '2025-06-22' } });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ changed: true, message: 'De handtekeningen zijn geregistreerd.' });
    const again = await post(`/api/dossiers/${id}/signatures`, coordinatorToken, { signatures: { tenant: '2025-06-21' } });
    expect(again.body).toMatchObject({ changed: false });
    expect((await post(`/api/dossiers/${id}/consent`, coordinatorToken, { givenOn: '2025-06-21', scope: 'Verloop van de woonbegeleiding' })).status).toBe(200);
    const activated = await post(`/api/dossiers/${id}/activation`, coordinatorToken, { leaseStart: '2025-07-01' });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ changed: true, message: msg.forms.activate.done });
  });

  it('the timeline: lease start, milestones with their consultations, the overdue 3-month visit, the planned end', async () => {
    const p = await page(id);
    expect(p.dossier).toMatchObject({ status: 'active', statusLabel: 'lopend', leaseStart: '2025-07-01', plannedEnd: '2026-07-01', consentInForce: true });
    const types = p.timeline.map((e) => e.type);
    expect(types).toContain('created');
    expect(types.filter((t) => t === 'signature')).toHaveLength(3);
    expect(p.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'lease-start', date: '2025-07-01', label: 'Start huurovereenkomst' }),
        expect.objectContaining({ type: 'milestone', label: 'Huisbezoek na 3 maanden', date: '2025-10-01', state: 'overdue', stateLabel: 'te laat' }),
        expect.objectContaining({ type: 'milestone', label: 'Evaluatie na 4 maanden', state: 'due', detail: expect.stringContaining('structureel overleg') }),
        expect.objectContaining({ type: 'planned-end', date: '2026-07-01' }),
      ]),
    );
    expect(p.overdue.map((e) => e.label)).toEqual(['Huisbezoek na 3 maanden']);
    expect(p.forms).toEqual(expect.arrayContaining(['visit', 'extend', 'information-request', 'withdraw-consent']));
    expect(p.forms).not.toContain('signatures');
  });

  // Lease start 1 July: the 4-month evaluation belongs to the consultation of 27 November, so the visit's findings do too (R17).
  it('R17: the 3-month visit with findings per part and a serious defect; the dossier is on the next agenda', async () => {
    const response = await post(`/api/dossiers/${id}/visits`, coordinatorToken, {
      kind: 'home-visit-3m',
      heldOn: '2025-11-05',
      supportWorkerPresent: true,
      findings: [
        { part: 'house', ok: true },
        { part: 'garden', ok: false, note: 'Afval in de tuin' },
      ],
      seriousDefects: true,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ changed: true, message: 'Het huisbezoek is geregistreerd.' });
    const p = await page(id);
    expect(p.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'visit', date: '2025-11-05', label: 'Huisbezoek na 3 maanden afgelegd', detail: expect.stringMatching(/^problemen: tuin; ernstige gebreken vastgesteld; later ingevoerd/) }),
        expect.objectContaining({ type: 'milestone', label: 'Huisbezoek na 3 maanden', state: 'done' }),
      ]),
    );
    expect(p.overdue).toEqual([]);
    const agenda = await getAgenda(world.ctx(coordinator, '2025-11-10T10:00:00+01:00'), { partnerId: 'de-vaart' });
    expect(agenda.toDiscuss.map((e) => e.dossierId)).toContain(id);
  });

  it('the list: filtered on attention, it holds the dossier because it is on the agenda', async () => {
    const response = await h.request('GET', '/api/dossier-overview?partnerId=de-vaart&stage=active&attention=true', { token: coordinatorToken });
    expect(response.status).toBe(200);
    const overview = response.body as Overview;
    const item = overview.dossiers.find((d) => d.id === id);
    expect(item?.attention).toEqual(expect.arrayContaining([expect.stringMatching(/^Op de agenda van /)]));
    expect(overview.dossiers.every((d) => d.status === 'active' && d.attention.length > 0)).toBe(true);
    expect(overview.canCreate).toBe(true);
  });

  it('R20: an extension is refused before the 10-month consultation, with the reason; R7: consent withdrawn', async () => {
    const before = await snapshot(world);
    const early = await post(`/api/dossiers/${id}/extensions`, coordinatorToken, { months: 3 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      detail:
        'Het traject kan nog niet verlengd worden: over een verlenging wordt beslist vanaf het structureel overleg van de evaluatie na 10 maanden (28/05/2026), bij de eindevaluatie of tijdens een lopende verlenging.',
    });
    expect(await snapshot(world)).toEqual(before);
    // A trajectory past its 10-month consultation (lease start 01/11/2024) is extended.
    const older = await stored(world, active({ leaseStart: '2024-11-01' }));
    const extended = await post(`/api/dossiers/${older.id}/extensions`, coordinatorToken, { months: 3 });
    expect(extended.status).toBe(200);
    expect((await page(older.id)).dossier).toMatchObject({ status: 'extended', plannedEnd: '2026-02-01' });
    expect((await post(`/api/dossiers/${id}/consent/withdrawal`, coordinatorToken, {})).status).toBe(200);
    expect((await page(id)).dossier.consentInForce).toBe(false);
  });
});

describe('the partner member\'s steps (R4, R5, R6, R10)', () => {
  let running: Dossier;
  beforeAll(async () => {
    running = await stored(world, active({ contactLogActive: true }));
  });

  it('R10: the coordinator asks, the partner member answers', async () => {
    const asked = await post(`/api/dossiers/${running.id}/information-requests`, coordinatorToken, { question: 'Hoe loopt het traject?' });
    expect(asked.status).toBe(201);
    const requestId = (asked.body as ActionResult).recordId as string;
    const memberPage = await page(running.id, memberToken);
    expect(memberPage.openRequests).toEqual([expect.objectContaining({ id: requestId, question: 'Hoe loopt het traject?' })]);
    expect(memberPage.forms).toEqual(expect.arrayContaining(['information-answer', 'contact', 'transfer', 'absence']));
    const answered = await post(`/api/dossiers/${running.id}/information-requests/${requestId}/answer`, memberToken, { answer: 'Goed.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ changed: true, message: 'Het antwoord is verstuurd.' });
    expect((await page(running.id)).timeline.map((e) => e.label)).toEqual(expect.arrayContaining(['Informatievraag gesteld', 'Informatievraag beantwoord']));
  });

  it('R4: a contact held and one missed (the reason is required)', async () => {
    expect((await post(`/api/dossiers/${running.id}/contacts`, memberToken, { date: '2025-11-03', held: true })).status).toBe(201);
    const missing = await post(`/api/dossiers/${running.id}/contacts`, memberToken, { date: '2025-11-04', held: false });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ fields: ['reasonMissed'] });
    expect((await post(`/api/dossiers/${running.id}/contacts`, memberToken, { date: '2025-11-04', held: false, reasonMissed: 'Niet thuis' })).status).toBe(201);
    const contacts = (await page(running.id)).timeline.filter((e) => e.type === 'contact');
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Contact aan huis', state: 'done' }),
        expect.objectContaining({ label: 'Gepland contact aan huis', state: 'missed', stateLabel: 'niet doorgegaan', detail: 'Niet thuis' }),
      ]),
    );
  });

  it('R5: an absence with its expected end and the replacement contact', async () => {
    const response = await post('/api/absences', memberToken, { workerName: 'Begeleider Test', from: '2025-11-10', expectedUntil: '2026-01-31', replacementContact: 'Collega X, 050 00 00 00', dossierIds: [running.id] });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ changed: true, message: 'De afwezigheid is gemeld.' });
  });

  it('R6: a transfer requested, refused, requested again and accepted by the receiving organisation', async () => {
    const t = await stored(world, active());
    expect((await post(`/api/dossiers/${t.id}/transfer`, memberToken, { toPartnerId: 'woonkracht', reason: 'Verhuis naar hun werkgebied' })).status).toBe(200);
    expect((await post(`/api/dossiers/${t.id}/transfer/rejection`, woonkrachtToken, { reason: 'Geen plaats vrij' })).body).toMatchObject({ changed: true, message: 'De overdracht is geweigerd.' });
    expect((await post(`/api/dossiers/${t.id}/transfer`, memberToken, { toPartnerId: 'woonkracht', reason: 'Tweede vraag' })).status).toBe(200);
    expect((await post(`/api/dossiers/${t.id}/transfer/acceptance`, woonkrachtToken, { newSupportWorker: { name: 'Nieuwe Begeleider' } })).status).toBe(200);
    expect((await page(t.id, woonkrachtToken)).dossier.supportingPartner.id).toBe('woonkracht');
    expect((await h.request('GET', `/api/dossiers/${t.id}`, { token: memberToken })).status).toBe(404);
  });
});

describe('closing and stopping (R19)', () => {
  it('R2, R19: closes positively only after the final evaluation at home, with the worker and the whole home', async () => {
    const d = await stored(world, active({ leaseStart: '2024-10-01' }));
    const closure = () => post(`/api/dossiers/${d.id}/closure`, coordinatorToken, {});
    const none = await closure();
    expect(none.status).toBe(409);
    expect((none.body as { detail: string }).detail).toContain('dat kan pas na de eindevaluatie aan huis');

    // Without the support worker: kept as a visit, and the answer says a new final evaluation is needed.
    const whole = ['house', 'garden', 'terrace', 'garage'].map((part) => ({ part, ok: true }));
    const withoutWorker = await post(`/api/dossiers/${d.id}/visits`, coordinatorToken, { kind: 'final-evaluation', heldOn: '2025-10-02', supportWorkerPresent: false, findings: whole });
    expect(withoutWorker.status).toBe(201);
    expect((withoutWorker.body as ActionResult).message).toBe(
      'Het huisbezoek is geregistreerd. De woonbegeleider was er niet bij, dus dit bezoek telt niet als eindevaluatie. Het blijft bewaard als huisbezoek. Plan een nieuwe eindevaluatie met de woonbegeleider erbij.',
    );
    expect((await page(d.id)).timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'milestone', label: 'Eindevaluatie aan huis', state: 'overdue' }),
        expect.objectContaining({ type: 'visit', date: '2025-10-02', detail: expect.stringContaining('telt niet als eindevaluatie: plan een nieuwe eindevaluatie') }),
      ]),
    );
    expect(((await closure()).body as { detail: string }).detail).toContain('was de woonbegeleider niet aanwezig');

    // Not saying whether the worker was there is refused: it decides whether it counts.
    const unsaid = await post(`/api/dossiers/${d.id}/visits`, coordinatorToken, { kind: 'final-evaluation', heldOn: '2025-10-20', findings: whole });
    expect(unsaid.status).toBe(400);
    expect((unsaid.body as { detail: string }).detail).toContain('Zeg of de woonbegeleider aanwezig was');

    const held = await post(`/api/dossiers/${d.id}/visits`, coordinatorToken, { kind: 'final-evaluation', heldOn: '2025-10-20', supportWorkerPresent: true, findings: whole });
    expect((held.body as ActionResult).message).toBe('Het huisbezoek is geregistreerd.');
    const response = await closure();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ changed: true, message: 'Het traject is positief afgerond.' });
  });

  it('stops a candidacy with its reason', async () => {
    const d = await stored(world, dossier());
    const response = await post(`/api/dossiers/${d.id}/stop`, coordinatorToken, { reason: 'Geen huurovereenkomst' });
    expect(response.status).toBe(200);
    expect((await page(d.id)).dossier.status).toBe('stopped');
  });
});

describe('access and validation (DESIGN, Security)', () => {
  let own: Dossier;
  beforeAll(async () => {
    own = await stored(world, active());
  });

  it("another partner cannot see the dossier: 404 with exactly the body of a missing id", async () => {
    const hidden = await h.request('GET', `/api/dossiers/${own.id}`, { token: woonkrachtToken });
    const missing = await h.request('GET', '/api/dossiers/does-not-exist', { token: woonkrachtToken });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const hiddenPost = await post(`/api/dossiers/${own.id}/contacts`, woonkrachtToken, { date: '2025-11-03', held: true });
    const missingPost = await post('/api/dossiers/does-not-exist/contacts', woonkrachtToken, { date: '2025-11-03', held: true });
    expect(hiddenPost.status).toBe(404);
    expect(hiddenPost.body).toEqual(missingPost.body);
  });

  it('a member sees only its own organisation in the list', async () => {
    const overview = (await h.request('GET', '/api/dossier-overview', { token: woonkrachtToken })).body as Overview;
    expect(overview.dossiers.every((d) => d.registeringPartnerId === 'woonkracht' || d.supportingPartnerId === 'woonkracht')).toBe(true);
    expect(overview.partners.map((p) => p.id)).toEqual(['woonkracht']);
    expect(overview.canCreate).toBe(false);
    expect((await h.request('GET', '/api/dossier-overview?partnerId=de-vaart', { token: woonkrachtToken })).status).toBe(404);
  });

  it('a missing field is named, in Dutch, and nothing is written', async () => {
    const before = await snapshot(world);
    const response = await post('/api/dossiers', coordinatorToken, {
      kind: 'VT',
      tenant: {},
      registeringPartnerId: 'de-vaart',
      supportingPartnerId: 'de-vaart',
      supportWorker: { name: 'X' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation', fields: ['tenant.name'], detail: 'Vul de naam van de huurder in.' });
    expect(await snapshot(world)).toEqual(before);
  });

  it("the service's own checks name the field too (an empty name, a date that does not exist)", async () => {
    const empty = await post('/api/dossiers', coordinatorToken, { kind: 'VT', tenant: { name: ' ' }, registeringPartnerId: 'de-vaart', supportingPartnerId: 'de-vaart', supportWorker: { name: 'X' } });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ fields: ['tenant.name'] });
    const c = await stored(world, dossier());
    const date = await post(`/api/dossiers/${c.id}/signatures`, coordinatorToken, { signatures: { tenant: '2025-02-30' } });
    expect(date.status).toBe(400);
    expect((date.body as { detail: string }).detail).toMatch(/datum/);
  });

  it('an unknown field and a wrong type are refused with the field', async () => {
    const unknown = await post(`/api/dossiers/${own.id}/extensions`, coordinatorToken, { months: 3, extra: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ fields: ['extra'], detail: 'Het veld "extra" is onbekend.' });
    const wrong = await post(`/api/dossiers/${own.id}/extensions`, coordinatorToken, { months: 'drie' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ fields: ['months'], detail: 'Het aantal maanden heeft een ongeldig type.' });
  });

  // The one free-text check (shared/rules/free-text.ts) in the API's schemas: names, scopes, reasons.
  it.each<[string, (d: Dossier) => [string, unknown], string, RegExp]>([
    ['a tenant name with a right-to-left override', () => ['/api/dossiers', { kind: 'VT', tenant: { name: 'Jan \u202ESreteep' }, registeringPartnerId: 'de-vaart', supportingPartnerId: 'de-vaart', supportWorker: { name: 'X' } }], 'tenant.name', /^De naam van de huurder bevat een onzichtbaar stuurteken/],
    ['a support worker name with a C1 control', () => ['/api/dossiers', { kind: 'VT', tenant: { name: 'Jan' }, registeringPartnerId: 'de-vaart', supportingPartnerId: 'de-vaart', supportWorker: { name: 'Bart\u0085' } }], 'supportWorker.name', /stuurteken/],
    ['a consent scope with a bidi isolate', (d) => [`/api/dossiers/${d.id}/consent`, { givenOn: '2025-11-01', scope: 'Alles \u2067verborgen' }], 'scope', /stuurteken/],
    ['a stop reason with a bell character', (d) => [`/api/dossiers/${d.id}/stop`, { reason: 'Verhuisd\u0007' }], 'reason', /stuurteken/],
    ['a transfer reason with an override', (d) => [`/api/dossiers/${d.id}/transfer`, { toPartnerId: 'woonkracht', reason: 'Geen plaats \u202D' }], 'reason', /stuurteken/],
    ['a tenant name over the table\'s limit', () => ['/api/dossiers', { kind: 'VT', tenant: { name: 'x'.repeat(201) }, registeringPartnerId: 'de-vaart', supportingPartnerId: 'de-vaart', supportWorker: { name: 'X' } }], 'tenant.name', /te lang \(hoogstens 200 tekens\)/],
  ])('refuses %s (400, Dutch, the field named, nothing written)', async (_what, make, field, detail) => {
    const [path, body] = make(own);
    const before = await snapshot(world);
    const response = await post(path, path.includes('transfer') ? memberToken : coordinatorToken, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation', fields: [field] });
    expect((response.body as { detail: string }).detail).toMatch(detail);
    expect(await snapshot(world)).toEqual(before);
  });

  it('a step the state does not allow: a Dutch refusal (409), nothing written', async () => {
    const c = await stored(world, dossier());
    const before = await snapshot(world);
    const response = await post(`/api/dossiers/${c.id}/activation`, coordinatorToken, { leaseStart: '2025-11-01' });
    expect(response.status).toBe(409);
    expect((response.body as { detail: string }).detail).toMatch(/handtekeningen/);
    expect(await snapshot(world)).toEqual(before);
  });
});
