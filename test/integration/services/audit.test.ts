/**
 * DESIGN, Security: every disclosure and change is audited with who, what, when and on which basis,
 * and audit entries never hold names or free text. One pass through every use case, then the whole
 * audit log (each dossier's history and the landlord's log) is searched for the personal data used.
 */
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/services/audit';
import * as s from '../../../shared/services';
import { getContactLetter } from '../../../shared/services/get-contact-letter';
import { active, coordinator, createWorld, deLindeMember, deVaartMember, dossier, staff, stored, woonkrachtMember, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const SECRET = {
  tenant: 'Geheimvoornaam Geheimachternaam',
  address: 'Geheimstraat 99, 8000 Brugge',
  worker: 'Geheimbegeleider',
  scope: 'Geheimscope',
  problem: 'Geheimprobleem',
  description: 'Geheimsignaal',
  question: 'Geheimvraag',
  answer: 'Geheimantwoord',
  reasonMissed: 'Geheimreden',
  note: 'Geheimnotitie',
  summary: 'Geheimconclusie',
  remark: 'Geheimopmerking',
  absentWorker: 'Geheimafwezige',
  replacement: 'Geheimvervanger',
  transferReason: 'Geheimoverdracht',
  refusal: 'Geheimweigering',
  stopReason: 'Geheimstop',
  partnerName: 'Geheimorganisatie',
  partnerPhone: '+32 59 98 76 54',
  partnerEmail: 'geheim@organisatie.example',
  officeHours: 'Geheimuren',
  userName: 'Geheimgebruiker',
  userEmail: 'geheim@gebruiker.example',
};

it('audit entries carry ids, dates and enums only: no tenant names, addresses or typed text (every use case)', async () => {
  const C = world.ctx(coordinator);
  const M = world.ctx(deVaartMember);
  // Lifecycle
  const { dossier: created } = await s.createCandidacy(C, {
    kind: 'VT',
    tenant: { name: SECRET.tenant, address: SECRET.address },
    registeringPartnerId: 'de-vaart',
    supportingPartnerId: 'de-vaart',
    supportWorker: { name: SECRET.worker },
  });
  await s.recordSignature(C, { dossierId: created.id, signatures: { supportWorker: '2025-11-03', tenant: '2025-11-03', landlord: '2025-11-04' } });
  await s.recordConsent(C, { dossierId: created.id, givenOn: '2025-11-04', scope: SECRET.scope });
  await s.activateTrajectory(C, { dossierId: created.id, leaseStart: '2025-11-05' });
  await s.getDossier(M, { dossierId: created.id });
  await s.listMyDossiers(M);
  // Information and consultation work
  await s.raiseSignal(M, { dossierId: created.id, category: 'damage-risk', description: SECRET.description });
  await s.raiseSignal(M, { dossierId: created.id, category: 'safety', description: SECRET.description });
  await s.getDossier(C, { dossierId: created.id }); // R8/R9: the signals' text is read, audited
  const { request } = await s.requestInformation(C, { dossierId: created.id, question: SECRET.question });
  await s.answerInformation(M, { dossierId: created.id, requestId: request.id, answer: SECRET.answer });
  await s.flagDossier(M, { dossierId: created.id, problem: SECRET.problem });
  await s.withdrawFlag(M, { dossierId: created.id, month: '2025-11' });
  await s.recordVisit(world.ctx(staff), { dossierId: created.id, kind: 'extra', heldOn: '2025-11-07', findings: [{ part: 'house', ok: false, note: SECRET.note }] });
  await s.reportAbsence(M, { workerName: SECRET.absentWorker, from: '2025-11-12', replacementContact: SECRET.replacement, dossierIds: [created.id] });
  await s.requestInformation(C, { dossierId: created.id, question: SECRET.question }); // open: lapses on the withdrawal (R7)
  await s.withdrawConsent(C, { dossierId: created.id, withdrawnOn: '2025-11-10' });
  // R6: an accepted transfer takes the open request and the flag along
  const moving = await stored(world, active({ tenant: { name: SECRET.tenant } }));
  await s.requestInformation(C, { dossierId: moving.id, question: SECRET.question });
  await s.flagDossier(M, { dossierId: moving.id, problem: SECRET.problem });
  await s.requestTransfer(M, { dossierId: moving.id, toPartnerId: 'woonkracht', reason: SECRET.transferReason });
  await s.acceptTransfer(world.ctx(woonkrachtMember), { dossierId: moving.id });
  await getContactLetter(world.ctx(woonkrachtMember), { dossierId: moving.id, landlord: world.landlord }); // §3: a disclosure
  // Conclusions (after the November meeting), contact log, extension, transfer, end
  const after = world.ctx(coordinator, '2025-11-28T09:00:00+01:00');
  const linde = await stored(world, active({ leaseStart: '2024-08-01', registeringPartnerId: 'de-linde', supportingPartnerId: 'de-linde', tenant: { name: SECRET.tenant } }));
  await s.recordConclusions(after, { partnerId: 'de-linde', month: '2025-11', conclusions: [{ dossierId: linde.id, summary: SECRET.summary, decision: { kind: 'start-contact-log' } }] });
  await s.confirmConclusions(world.ctx(deLindeMember, '2025-11-28T10:00:00+01:00'), { month: '2025-11', remark: SECRET.remark });
  await s.logContact(world.ctx(deLindeMember, '2025-11-28T10:00:00+01:00'), { dossierId: linde.id, date: '2025-11-27', held: false, reasonMissed: SECRET.reasonMissed });
  await s.extendTrajectory(C, { dossierId: linde.id, months: 3 });
  await s.requestTransfer(world.ctx(deLindeMember), { dossierId: linde.id, toPartnerId: 'de-vaart', reason: SECRET.transferReason });
  await s.listTransferRequests(M);
  await s.rejectTransfer(M, { dossierId: linde.id, reason: SECRET.refusal });
  await s.requestTransfer(world.ctx(deLindeMember), { dossierId: linde.id, toPartnerId: 'woonkracht', reason: SECRET.transferReason });
  await s.cancelTransfer(world.ctx(deLindeMember), { dossierId: linde.id });
  // R19: the extension ends with a new final evaluation, with the worker and the whole home.
  const whole = (['house', 'garden', 'terrace', 'garage'] as const).map((part) => ({ part, ok: true, note: SECRET.note }));
  await s.recordVisit(world.ctx(staff, '2025-11-28T11:00:00+01:00'), { dossierId: linde.id, kind: 'final-evaluation', heldOn: '2025-11-20', supportWorkerPresent: true, findings: whole });
  await s.closeTrajectory(world.ctx(coordinator, '2025-11-28T12:00:00+01:00'), { dossierId: linde.id });
  const stopped = await stored(world, dossier({ tenant: { name: SECRET.tenant } }));
  await s.stopTrajectory(C, { dossierId: stopped.id, reason: SECRET.stopReason });
  // Partner organisations and users (coordinator)
  const contact = { phone: SECRET.partnerPhone, email: SECRET.partnerEmail, officeHours: SECRET.officeHours };
  await s.createPartner(C, { id: 'geheim', name: SECRET.partnerName, contact });
  await s.updatePartner(C, { partnerId: 'geheim', name: SECRET.partnerName, contact, meetingMode: 'in-person' });
  const admin = { ...C, users: world.store.users };
  const ids = { tenantId: '3f1e2d4c-5b6a-4789-9abc-def012345678', objectId: '91111111-2222-4333-8444-555555555555' };
  await s.createUser(admin, { ...ids, displayName: SECRET.userName, email: SECRET.userEmail, role: 'partner-member', partnerId: 'geheim' });
  await s.updateUser(admin, { ...ids, displayName: SECRET.userName, role: 'landlord-staff' });
  await s.removeUser(admin, ids);

  const entries = [
    ...(await world.ports.audit.listByDossier(created.id)),
    ...(await world.ports.audit.listByDossier(linde.id)),
    ...(await world.ports.audit.listByDossier(stopped.id)),
    ...(await world.ports.audit.listByDossier(moving.id)),
    ...(await world.ports.audit.listWithoutDossier('2025-11')),
  ];
  const json = JSON.stringify(entries);
  for (const [what, text] of Object.entries(SECRET)) {
    if (json.includes(text)) throw new Error(`the audit log holds the ${what}`);
  }
  expect(json).not.toContain(coordinator.displayName);
  expect(json).not.toContain(deVaartMember.displayName);

  // Who, what, when, basis: on every entry; the actions seen cover the use cases that change or disclose.
  for (const e of entries) {
    expect(e).toMatchObject({ at: expect.stringMatching(/^2025-11-\d\dT/), basis: expect.stringMatching(/^(role|consent|safety)$/) });
    expect([coordinator, deVaartMember, deLindeMember, woonkrachtMember, staff].map((u) => u.objectId)).toContain(e.actor);
    expect(AUDIT_ACTIONS).toContain(e.action as AuditAction);
    for (const value of Object.values(e.details ?? {})) expect(['string', 'number', 'boolean']).toContain(typeof value);
  }
  // Every kind of audited action occurred in this pass.
  expect([...new Set(entries.map((e) => e.action))].sort()).toEqual([...AUDIT_ACTIONS].sort());
  expect(entries.filter((e) => e.action === 'signal.raise').map((e) => e.basis)).toEqual(['consent', 'consent']);
}, 300_000); // one pass through every use case: many storage round trips on a busy machine
