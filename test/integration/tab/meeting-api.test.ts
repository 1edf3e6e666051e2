/**
 * The consultation in the Teams meeting over real HTTP (shared/api/meeting-routes.ts): the side
 * panel's view of a partner's agenda (least data, as in the shared chat), the coordinator noting a
 * conclusion per dossier with the rules' own refusals (R16, R2, R20), partner members following
 * along without deciding, two coordinators noting at once on one consultation without losing a note,
 * and closing the list through record-conclusions: the decisions on the dossiers, the partner told,
 * the confirmation through the existing use case (R16).
 */
import type { MeetingView } from '../../../shared/api/meeting-schemas';
import type { DossierPage } from '../../../shared/api/dossier-schemas';
import { meetingMessages } from '../../../shared/messages/meeting';
import { serviceMessages } from '../../../shared/messages/services';
import { confirmConclusions } from '../../../shared/services/confirm-conclusions';
import { flagDossier } from '../../../shared/services/flag-dossier';
import { getReport } from '../../../shared/services/get-report';
import type { Dossier, User } from '../../../shared/rules/types';
import { active, coordinator, deVaartMember, NOW, snapshot, stored, type World } from '../services/world';
import { entraCoordinator, entraMember, PARTNER_TENANT, startHarness, type Harness } from '../addin/harness';

const secondCoordinator: User = { ...coordinator, tenantId: PARTNER_TENANT, objectId: '51111111-2222-4333-8444-555555555555', displayName: 'Tweede Coördinator' };
const MEETING = '/api/meetings/de-vaart/2025-11';
/** Thu 27 Nov 2025, during the consultation. */
const MEETING_TIME = new Date('2025-11-27T14:00:00+01:00');

let h: Harness;
let world: World;
let coordinatorToken: string;
let secondToken: string;
let memberToken: string;
let dossiers: Dossier[];

beforeAll(async () => {
  h = await startHarness();
  world = h.world;
  await world.store.users.create(secondCoordinator);
  dossiers = [];
  // Past the 10-month consultation, so the meeting can decide an extension (R20).
  for (let i = 0; i < 6; i++) dossiers.push(await stored(world, active({ leaseStart: '2024-11-01' })));
  // R15: a flag with its problem statement before the deadline puts the first on the list.
  await flagDossier(world.ctx(deVaartMember, NOW), { dossierId: (dossiers[0] as Dossier).id, month: '2025-11', problem: 'Huur twee maanden niet betaald', source: 'teams' });
  h.now = MEETING_TIME;
  [coordinatorToken, secondToken, memberToken] = await Promise.all([h.token(entraCoordinator), h.token(secondCoordinator), h.token(entraMember)]);
});
afterAll(() => h.close());

const d = (i: number): Dossier => dossiers[i] as Dossier;
const get = async (token: string): Promise<MeetingView> => {
  const response = await h.request('GET', MEETING, { token });
  expect(response.status).toBe(200);
  return response.body as MeetingView;
};
const note = (token: string, body: unknown) => h.request('POST', `${MEETING}/conclusions`, { token, body });

describe('the side panel: the agenda of the month (R13, R14)', () => {
  it('R13: a partner member sees the three parts, the reasons and the problem statement, no tenant names, and cannot decide', async () => {
    const view = await get(memberToken);
    expect(view).toMatchObject({ partnerId: 'de-vaart', month: '2025-11', meetingDate: '2025-11-27', status: 'open', canDecide: false, conclusions: [] });
    expect(view.parts.map((p) => p.part)).toEqual(['toDiscuss', 'overview', 'otherTrajectories']);
    const discussed = view.parts[0]?.dossiers ?? [];
    expect(discussed.map((x) => x.number)).toEqual([d(0).number]);
    expect(discussed[0]?.reasons).toEqual([expect.objectContaining({ type: 'flag', problem: 'Huur twee maanden niet betaald' })]);
    expect(view.parts[1]?.dossiers.map((x) => x.number)).toEqual(expect.arrayContaining(dossiers.map((x) => x.number)));
    const text = JSON.stringify(view);
    for (const x of dossiers) expect(text).not.toContain(x.tenant.name);
    expect(view.extensionMonths).toEqual([3, 6, 9, 12]);
  });

  it('R16: a partner member cannot note a conclusion (403, nothing written)', async () => {
    const before = await snapshot(world);
    const response = await note(memberToken, { dossierId: d(0).id, summary: 'Afspraak', decision: { kind: 'none' } });
    expect(response.status).toBe(403);
    expect(await snapshot(world)).toEqual(before);
  });

  it('R16: before the meeting day nothing is noted, and the date is named', async () => {
    h.now = new Date('2025-11-26T16:00:00+01:00');
    try {
      const token = await h.token(entraCoordinator);
      const response = await note(token, { dossierId: d(0).id, summary: 'Te vroeg', decision: { kind: 'none' } });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ detail: serviceMessages.conclusionsBeforeMeeting('2025-11-27') });
    } finally {
      h.now = MEETING_TIME;
    }
  });
});

describe('noting conclusions in the meeting (R16, R2, R20)', () => {
  it('R20: an extension that is not a multiple of 3 is refused with the rule\'s message; R2: a stop needs its reason', async () => {
    const before = await snapshot(world);
    const odd = await note(coordinatorToken, { dossierId: d(1).id, summary: 'Verlengen', decision: { kind: 'extend', months: 5 } });
    expect(odd.status).toBe(400);
    expect((odd.body as { detail: string }).detail).toMatch(/veelvoud van 3/);
    const noReason = await note(coordinatorToken, { dossierId: d(1).id, summary: 'Stoppen', decision: { kind: 'stop' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ fields: ['reason'] });
    const other = await note(coordinatorToken, { dossierId: 'not-a-dossier-of-de-vaart', summary: 'x', decision: { kind: 'none' } });
    expect(other.status).toBe(404);
    expect(await snapshot(world)).toEqual(before);
  });

  it('two coordinators noting at once on one consultation lose nothing; a member sees every note', async () => {
    const notes = [
      { token: coordinatorToken, body: { dossierId: d(0).id, summary: 'Afbetalingsplan afgesproken', decision: { kind: 'extend', months: 6 } } },
      { token: secondToken, body: { dossierId: d(1).id, summary: 'Gaat goed', decision: { kind: 'none' } } },
      { token: coordinatorToken, body: { dossierId: d(2).id, summary: 'Extra bezoek samen', decision: { kind: 'plan-extra-visit' } } },
      { token: secondToken, body: { dossierId: d(3).id, summary: 'Huurder verhuist', decision: { kind: 'stop', reason: 'Huurder verhuist naar een woonzorgcentrum' } } },
      { token: coordinatorToken, body: { dossierId: d(4).id, summary: 'Contacten opvolgen', decision: { kind: 'start-contact-log' } } },
      { token: secondToken, body: { dossierId: d(5).id, summary: 'Eerste versie', decision: { kind: 'none' } } },
    ];
    const responses = await Promise.all(notes.map((n) => note(n.token, n.body)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // A second note on a dossier replaces the first.
    expect((await note(coordinatorToken, { dossierId: d(5).id, summary: 'Tweede versie', decision: { kind: 'none' } })).status).toBe(200);

    const view = await get(memberToken);
    expect(view.status).toBe('open');
    expect(view.conclusions.map((c) => c.dossierId).sort()).toEqual(dossiers.map((x) => x.id).sort());
    expect(view.conclusions.find((c) => c.dossierId === d(5).id)).toMatchObject({ summary: 'Tweede versie', decisionLabel: 'Geen beslissing.' });
    expect(view.conclusions.find((c) => c.dossierId === d(0).id)).toMatchObject({ number: d(0).number, decisionLabel: 'Het traject wordt verlengd met 6 maanden.' });
    // Nothing changed on the dossiers yet.
    expect((await world.ports.dossiers.get(d(0).id))?.extensions).toEqual([]);
  });
});

describe('closing the list sends the conclusions for confirmation (R16)', () => {
  it('a partner member cannot close the list', async () => {
    expect((await h.request('POST', `${MEETING}/send`, { token: memberToken })).status).toBe(403);
  });

  it('a note at the same moment as the closing is never lost: sent with it, or still on the list', async () => {
    const late = { dossierId: d(5).id, summary: 'Derde versie', decision: { kind: 'none' } };
    const [sent, noted] = await Promise.all([h.request('POST', `${MEETING}/send`, { token: coordinatorToken }), note(secondToken, late)]);
    const consultation = await world.ports.consultations.get('de-vaart', '2025-11');
    const listed = consultation?.status === 'conclusions-sent' ? consultation.conclusions : (consultation?.draftConclusions ?? []);
    if (noted.status === 200) expect(listed.find((c) => c.dossierId === d(5).id)?.summary).toBe('Derde versie');
    if (sent.status !== 200) {
      expect(sent.body).toMatchObject({ detail: serviceMessages.meetingNotesChanged });
      expect((await h.request('POST', `${MEETING}/send`, { token: coordinatorToken })).status).toBe(200);
    }
  });

  it('the decisions are applied, the partner is asked to confirm, the timeline shows them, and the confirmation shows in the panel', async () => {
    const view = await get(coordinatorToken);
    expect(view.status).toBe('sent');
    expect(view.conclusions).toHaveLength(6);
    // R16: the one use case told the partner (the card in its chat, the mail by the jobs).
    expect(world.notifier.of('conclusionsSent').at(-1)).toMatchObject({ partnerId: 'de-vaart', month: '2025-11' });
    // R20, R2: applied on the meeting day; the stopped dossier keeps its number in the panel.
    expect((await world.ports.dossiers.get(d(0).id))?.extensions).toEqual([{ months: 6, decidedOn: '2025-11-27' }]);
    expect(await world.ports.dossiers.get(d(3).id)).toMatchObject({ status: 'stopped', closedOn: '2025-11-27', stopReason: 'Huurder verhuist naar een woonzorgcentrum' });
    expect(view.conclusions.find((c) => c.dossierId === d(3).id)?.number).toBe(d(3).number);
    expect((await world.ports.dossiers.get(d(4).id))?.contactLogActive).toBe(true);
    const page = (await h.request('GET', `/api/dossiers/${d(0).id}`, { token: coordinatorToken })).body as DossierPage;
    expect(page.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'extension', date: '2025-11-27' })]));
    const stoppedPage = (await h.request('GET', `/api/dossiers/${d(3).id}`, { token: coordinatorToken })).body as DossierPage;
    expect(stoppedPage.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'closed', date: '2025-11-27' })]));

    // Noting after the list was sent is refused.
    const late = await note(coordinatorToken, { dossierId: d(1).id, summary: 'Te laat', decision: { kind: 'none' } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ detail: serviceMessages.conclusionsAlreadySent });
    // A repeat of the closing completes, writes nothing new.
    const again = await h.request('POST', `${MEETING}/send`, { token: coordinatorToken });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'sent', message: meetingMessages.closed });

    // R16: the partner confirms as it does from the card; the panel shows it.
    await confirmConclusions(world.ctx(deVaartMember, MEETING_TIME.toISOString()), { month: '2025-11', partnerId: 'de-vaart', remark: 'Akkoord' });
    const confirmed = await get(memberToken);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmation: { remark: 'Akkoord' } });
  });
});

describe("the landlord's overview route (/api/report)", () => {
  it('answers the use case\'s report to landlord roles, 403 to a partner member, 400 with a Dutch reason for bad months', async () => {
    const response = await h.request('GET', '/api/report?fromMonth=2025-01&toMonth=2025-11', { token: coordinatorToken });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(await getReport(world.ctx(coordinator, MEETING_TIME.toISOString()), { from: '2025-01', to: '2025-11' }));
    expect((response.body as { consultations: { month: string; awaitingConfirmation: number; confirmed: number }[] }).consultations.at(-1)).toMatchObject({ month: '2025-11', confirmed: 1 });
    expect((await h.request('GET', '/api/report', { token: memberToken })).status).toBe(403);
    const bad = await h.request('GET', '/api/report?fromMonth=2025-11&toMonth=2025-01', { token: coordinatorToken });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ detail: 'De laatste maand van het overzicht ligt voor de eerste.' });
  });
});
