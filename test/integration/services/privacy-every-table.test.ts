/**
 * Privacy purge, table by table: one entity of every kind is seeded for one trajectory, each with its
 * own recognisable personal text; after the trajectory closed and the purge ran, no entity of any
 * table holds any of it. Every table of the store must hold a seeded entity, and every table found
 * in storage must be one of the store's: a new table cannot be forgotten here.
 */
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { TABLES } from '../../../shared/store/context';
import {
  answerInformation,
  flagDossier,
  logContact,
  raiseSignal,
  recordConclusions,
  recordVisit,
  rejectTransfer,
  reportAbsence,
  requestInformation,
  requestTransfer,
  stopTrajectory,
} from '../../../shared/services';
import { exportTenantData } from '../../../shared/services/privacy-export';
import { purgeClosedBefore } from '../../../shared/services/privacy-purge';
import { testConnectionString } from '../../setup/test-store';
import { active, coordinator, createWorld, deVaartMember, stored, woonkrachtMember, type World } from './world';

const SECRET = {
  tenant: 'Zenobia Wachtebeke',
  address: 'Geheimstraat 77, 8000 Brugge',
  worker: 'Ottoline Begeleidster',
  workerEmail: 'ottoline.geheim@example.org',
  scope: 'Toestemming-Geheimbereik',
  signal: 'Signaal-Geheimtekst over de huurder',
  flag: 'Vlag-Geheimprobleem',
  question: 'Vraag-Geheimvraag',
  answer: 'Antwoord-Geheimantwoord',
  visitNote: 'Bezoek-Geheimnotitie',
  missed: 'Contact-Geheimreden',
  absentWorker: 'Afwezige Geheimbegeleider',
  replacement: 'Vervanger-Geheimcontact 050 11 22 33',
  transfer: 'Overdracht-Geheimreden',
  refusal: 'Weigering-Geheimreden',
  summary: 'Conclusie-Geheimsamenvatting',
  stop: 'Stop-Geheimreden',
} as const;

const MEETING_AFTER = '2025-11-28T10:00:00+01:00'; // November's consultation was on 27/11/2025

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** Every entity of every table of this world, as JSON, by table. */
async function everyTable(): Promise<Map<string, string[]>> {
  const service = TableServiceClient.fromConnectionString(testConnectionString(), { allowInsecureConnection: true });
  const out = new Map<string, string[]>();
  for await (const table of service.listTables()) {
    const name = table.name ?? '';
    if (!name.startsWith(world.prefix)) continue;
    const entities: string[] = [];
    const client = TableClient.fromConnectionString(testConnectionString(), name, { allowInsecureConnection: true });
    for await (const e of client.listEntities()) entities.push(JSON.stringify(e));
    out.set(name.slice(world.prefix.length), entities);
  }
  return out;
}

it('DESIGN Security: the purge leaves no personal text in any table, absences included', async () => {
  const d = await stored(
    world,
    active({
      tenant: { name: SECRET.tenant, address: SECRET.address },
      supportWorker: { name: SECRET.worker, email: SECRET.workerEmail },
      consent: { givenOn: '2025-01-20', scope: SECRET.scope },
      contactLogActive: true,
    }),
  );
  const member = world.ctx(deVaartMember);
  const landlord = world.ctx(coordinator);
  await raiseSignal(member, { dossierId: d.id, category: 'insufficient-cooperation', description: SECRET.signal });
  await flagDossier(member, { dossierId: d.id, problem: SECRET.flag });
  const { request } = await requestInformation(landlord, { dossierId: d.id, question: SECRET.question });
  await answerInformation(member, { dossierId: d.id, requestId: request.id, answer: SECRET.answer });
  await recordVisit(landlord, { dossierId: d.id, kind: 'extra', heldOn: '2025-11-03', supportWorkerPresent: true, findings: [{ part: 'house', ok: false, note: SECRET.visitNote }] });
  await logContact(member, { dossierId: d.id, date: '2025-11-05', held: false, reasonMissed: SECRET.missed });
  await reportAbsence(member, { workerName: SECRET.absentWorker, from: '2025-11-12', replacementContact: SECRET.replacement, dossierIds: [d.id] });
  // An absence that also names a dossier still running keeps its worker for that one.
  const running = await stored(world, active());
  await reportAbsence(member, { workerName: 'Blijvende Begeleider', from: '2025-11-13', replacementContact: 'Teamverantwoordelijke', dossierIds: [d.id, running.id] });
  await requestTransfer(member, { dossierId: d.id, toPartnerId: 'woonkracht', reason: SECRET.transfer });
  await rejectTransfer(world.ctx(woonkrachtMember), { dossierId: d.id, reason: SECRET.refusal });
  await recordConclusions(world.ctx(coordinator, MEETING_AFTER), { partnerId: 'de-vaart', month: '2025-11', conclusions: [{ dossierId: d.id, summary: SECRET.summary, decision: { kind: 'none' } }] });
  await stopTrajectory(world.ctx(coordinator, MEETING_AFTER), { dossierId: d.id, reason: SECRET.stop });
  // The tables without tenant data get their own entity too: a Teams conversation, an exactly-once key.
  await world.ports.conversations.save('19:privacy-test@thread.v2', () => ({ conversationId: '19:privacy-test@thread.v2', kind: 'groupChat', reference: {}, partnerId: 'de-vaart' }));
  await world.store.exactlyOnce.run('test|privacy|once', async () => 'done');

  const before = await everyTable();
  // Every table of the store holds something, and storage holds no table the store does not know.
  expect([...before.keys()].sort()).toEqual([...TABLES].sort());
  for (const [table, entities] of before) expect({ table, seeded: entities.length > 0 }).toEqual({ table, seeded: true });
  // Each secret is stored somewhere before the purge (so the check below can fail).
  const all = [...before.values()].flat().join('\n');
  for (const [what, text] of Object.entries(SECRET)) expect({ what, stored: all.includes(text) }).toEqual({ what, stored: true });
  const exported = JSON.stringify(await exportTenantData(world.ports, d.id, { now: MEETING_AFTER, actor: 'cli' }));
  expect(exported).toContain(SECRET.absentWorker);

  const result = await purgeClosedBefore(world.ports, '2025-11-29', { today: '2025-11-29', now: '2025-11-29T10:00:00+01:00', actor: 'cli' });
  expect(result.dossiers).toBe(1);

  const after = await everyTable();
  for (const [table, entities] of after) {
    for (const entity of entities) {
      for (const [what, text] of Object.entries(SECRET)) {
        if (entity.includes(text)) throw new Error(`after the purge, table ${table} still holds the ${what}: ${entity.slice(0, 200)}`);
      }
    }
  }
  // The anonymous facts stay: the absence with its dates, the dossier with its status.
  const absences = await world.ports.absences.listByPartner('de-vaart');
  expect(absences.sort((a, b) => a.from.localeCompare(b.from))).toEqual([
    expect.objectContaining({ from: '2025-11-12', dossierIds: [], workerName: '[gewist]', replacementContact: '[gewist]' }),
    expect.objectContaining({ from: '2025-11-13', dossierIds: [running.id], workerName: 'Blijvende Begeleider' }),
  ]);
  expect(await world.ports.dossiers.get(d.id)).toMatchObject({ status: 'stopped', purgedOn: '2025-11-29' });
}, 120_000);
