/** Round trips through every repository of the storage ports, against Azurite. */
import { DomainError } from '../../../shared/rules/errors';
import type { LandlordPorts } from '../../../shared/services/ports';
import type { Store } from '../../../shared/store';
import { createTestStore, uid } from '../../setup/test-store';
import * as f from './fixtures';

let store: Store;
let ports: LandlordPorts;

beforeAll(async () => {
  store = await createTestStore();
  ports = store.forLandlord(f.landlordId);
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('global records', () => {
  it('landlords: create, get, list, update; a second create is a conflict', async () => {
    const config = { id: uid(), name: 'Verhuurder', officeAddress: 'Straat 1, Brugge', mailbox: 'bc@voorbeeld.invalid', closingDays: [] };
    await store.landlords.create(config);
    expect(await store.landlords.get(config.id)).toEqual(config);
    expect(await store.landlords.list()).toContainEqual(config);
    const updated = await store.landlords.update(config.id, (c) => ({ ...c, closingDays: ['2025-12-26'] }));
    expect((await store.landlords.get(config.id))?.closingDays).toEqual(['2025-12-26']);
    expect(updated.closingDays).toEqual(['2025-12-26']);
    expect(await code(store.landlords.create(config))).toBe('conflict');
    expect(await code(store.landlords.update(uid(), (c) => c))).toBe('not-found');
    expect(await store.landlords.get(uid())).toBeUndefined();
  });

  it('users: by tenant + object id, by tenant, by landlord; update and remove', async () => {
    const tenantId = uid();
    const u1 = { landlordId: f.landlordId, tenantId, objectId: uid(), displayName: 'Coördinator', role: 'landlord-coordinator' as const };
    const u2 = { ...u1, objectId: uid(), role: 'partner-member' as const, partnerId: 'p-1' };
    const other = { ...u1, landlordId: 'landlord-2', tenantId: uid(), objectId: uid() };
    await Promise.all([store.users.create(u1), store.users.create(u2), store.users.create(other)]);
    expect(await store.users.get(tenantId, u1.objectId)).toEqual(u1);
    expect(await store.users.listByTenant(tenantId)).toHaveLength(2);
    const ofLandlord = await store.users.listByLandlord(f.landlordId);
    expect(ofLandlord.map((u) => u.objectId)).toEqual(expect.arrayContaining([u1.objectId, u2.objectId]));
    expect(ofLandlord.map((u) => u.objectId)).not.toContain(other.objectId);
    await store.users.update(tenantId, u2.objectId, (u) => ({ ...u, displayName: 'Teamverantwoordelijke' }));
    expect((await store.users.get(tenantId, u2.objectId))?.displayName).toBe('Teamverantwoordelijke');
    await store.users.remove(tenantId, u2.objectId);
    expect(await store.users.get(tenantId, u2.objectId)).toBeUndefined();
  });

  it('exactly-once: claim, done with a result, failed and reclaimed', async () => {
    const key = `invitation|${f.landlordId}|p-1|2025-12`;
    expect(await store.exactlyOnce.claim(key, { now: '2025-12-18T06:00:00+01:00' })).toBe(true);
    expect(await store.exactlyOnce.claim(key)).toBe(false);
    await store.exactlyOnce.markDone(key, { messageId: 'm-1' });
    expect(await store.exactlyOnce.get(key)).toMatchObject({ status: 'done', attempts: 1, result: { messageId: 'm-1' } });

    const failing = `mail|${uid()}`;
    await expect(store.exactlyOnce.run(failing, async () => Promise.reject(new DomainError('unavailable', 'x')))).rejects.toThrow();
    expect(await store.exactlyOnce.get(failing)).toMatchObject({ status: 'failed', reason: 'unavailable' });
    expect(await store.exactlyOnce.claim(failing)).toBe(false);
    expect(await store.exactlyOnce.run(failing, async () => 42, { reclaimFailed: true })).toEqual({ ran: true, result: 42 });
    expect(await store.exactlyOnce.get(failing)).toMatchObject({ status: 'done', attempts: 2, result: 42 });
    expect(await store.exactlyOnce.run(failing, async () => 43, { reclaimFailed: true })).toMatchObject({ ran: false, record: { status: 'done' } });
  });

  it('exactly-once: an expired claim (crashed holder) can be taken over, a live one not', async () => {
    const key = `job|${uid()}`;
    expect(await store.exactlyOnce.claim(key, { now: '2025-12-18T06:00:00Z' })).toBe(true);
    expect(await store.exactlyOnce.claim(key, { now: '2025-12-18T06:04:00Z', leaseMs: 300_000 })).toBe(false);
    expect(await store.exactlyOnce.claim(key, { now: '2025-12-18T06:05:00Z', leaseMs: 300_000 })).toBe(true);
    expect(await store.exactlyOnce.get(key)).toMatchObject({ status: 'claimed', attempts: 2, claimedAt: '2025-12-18T06:05:00Z' });
  });

  it('ping answers when storage is up', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('records of one landlord', () => {
  it('partners: create, get, list, update', async () => {
    const p = f.partner();
    await ports.partners.create(p);
    expect(await ports.partners.get(p.id)).toEqual(p);
    expect(await ports.partners.list()).toContainEqual(p);
    await ports.partners.update(p.id, (x) => ({ ...x, meetingMode: 'in-person' }));
    expect((await ports.partners.get(p.id))?.meetingMode).toBe('in-person');
    expect(await code(ports.partners.create(p))).toBe('conflict');
  });

  it('dossiers: create, get, get by number, update; id and number are unique', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    expect(await ports.dossiers.get(d.id)).toEqual(d);
    expect(await ports.dossiers.getByNumber(d.number)).toEqual(d);
    expect(await ports.dossiers.getByNumber('VT-0000-000')).toBeUndefined();
    const next = await ports.dossiers.update(d.id, (x) => ({ ...x, status: 'active', leaseStart: '2025-02-01' }));
    expect(await ports.dossiers.get(d.id)).toEqual(next);
    expect(await code(ports.dossiers.create(d))).toBe('conflict');
    expect(await code(ports.dossiers.create({ ...d, id: uid() }))).toBe('conflict'); // same number
    expect(await code(ports.dossiers.update(uid(), (x) => x))).toBe('not-found');
    // Another landlord does not see it.
    expect(await store.forLandlord('landlord-2').dossiers.get(d.id)).toBeUndefined();
  });

  it('signals: create, get, list by dossier and by partner (since)', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const s1 = f.signal(d, { raisedAt: '2025-03-10T10:00:00+01:00' });
    const s2 = f.signal(d, { raisedAt: '2025-02-01T10:00:00+01:00', category: 'safety', basis: 'safety-without-consent' });
    await ports.signals.create(s1);
    await ports.signals.create(s2);
    expect(await ports.signals.get(d.id, s1.id)).toEqual(s1);
    expect(await ports.signals.listByDossier(d.id)).toEqual([s2, s1]);
    expect(await ports.signals.listByPartner(d.supportingPartnerId)).toEqual([s2, s1]);
    expect(await ports.signals.listByPartner(d.supportingPartnerId, { since: '2025-03-01T00:00:00+01:00' })).toEqual([s1]);
    expect(await code(ports.signals.create(s1))).toBe('conflict');
  });

  it('visits: create, get, update, list', async () => {
    const d = f.dossier(uid());
    const v = f.visit(d);
    expect(await code(ports.visits.create(v))).toBe('not-found'); // a visit belongs to a stored dossier
    await ports.dossiers.create(d);
    await ports.visits.create(v);
    const held = await ports.visits.update(d.id, v.id, (x) => ({
      ...x,
      heldOn: '2025-04-16',
      findings: [{ part: 'garden', ok: false, note: 'verwaarloosd' }],
    }));
    expect(await ports.visits.get(d.id, v.id)).toEqual(held);
    expect(await ports.visits.listByDossier(d.id)).toEqual([held]);
    expect(await code(ports.visits.update(d.id, uid(), (x) => x))).toBe('not-found');
  });

  it('consultations: create, get, update, list by partner (range)', async () => {
    const partnerId = uid();
    const months = ['2025-10', '2025-11', '2025-12', '2026-01'];
    for (const m of months) await ports.consultations.create(f.consultation(partnerId, m));
    await ports.consultations.create(f.consultation(uid(), '2025-11')); // another partner
    await ports.consultations.update(partnerId, '2025-11', (c) => ({ ...c, status: 'invited' }));
    expect((await ports.consultations.get(partnerId, '2025-11'))?.status).toBe('invited');
    expect((await ports.consultations.listByPartner(partnerId)).map((c) => c.month)).toEqual(months);
    expect((await ports.consultations.listByPartner(partnerId, { from: '2025-11', to: '2025-12' })).map((c) => c.month)).toEqual([
      '2025-11',
      '2025-12',
    ]);
    expect(await code(ports.consultations.create(f.consultation(partnerId, '2025-10')))).toBe('conflict');
  });

  it('flags: create, refuse a second, withdraw, flag again; read with the consultation in one go', async () => {
    const partnerId = uid();
    const d1 = f.dossier(partnerId);
    const d2 = f.dossier(partnerId);
    const month = '2025-12';
    await ports.consultations.create(f.consultation(partnerId, month));
    await ports.flags.create(f.flag(d1, month));
    await ports.flags.create(f.flag(d2, month, { source: 'outlook' }));
    expect(await code(ports.flags.create(f.flag(d1, month)))).toBe('conflict');
    const withdrawn = await ports.flags.withdraw(partnerId, month, d1.id, '2025-12-11T09:00:00+01:00');
    expect(withdrawn.withdrawnAt).toBe('2025-12-11T09:00:00+01:00');
    expect(await code(ports.flags.withdraw(partnerId, month, d1.id, '2025-12-11T09:00:00+01:00'))).toBe('not-found');
    expect((await ports.flags.list(partnerId, month)).map((x) => x.dossierId)).toEqual([d2.id]);
    expect(await ports.flags.list(partnerId, month, { includeWithdrawn: true })).toHaveLength(2);
    const again = await ports.flags.create(f.flag(d1, month, { problem: 'Opnieuw' }));
    expect(await ports.flags.get(partnerId, month, d1.id)).toEqual(again);
    const both = await ports.consultations.getWithFlags(partnerId, month);
    expect(both.consultation?.month).toBe(month);
    expect(both.flags.map((x) => x.dossierId).sort()).toEqual([d1.id, d2.id].sort());
    expect(await ports.consultations.getWithFlags(partnerId, '2026-01')).toEqual({ flags: [] });
  });

  it('information requests: create, answer, list open by partner', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const r1 = f.request(d);
    const r2 = f.request(d, { askedAt: '2025-03-06T09:00:00+01:00' });
    await ports.informationRequests.create(r1);
    await ports.informationRequests.create(r2);
    const answered = await ports.informationRequests.update(d.id, r1.id, (r) => ({
      ...r,
      answer: { text: 'Goed', by: 'user-3', at: '2025-03-07T10:00:00+01:00' },
    }));
    expect(await ports.informationRequests.get(d.id, r1.id)).toEqual(answered);
    expect(await ports.informationRequests.listByDossier(d.id)).toEqual([answered, r2]);
    expect(await ports.informationRequests.listByPartner(d.supportingPartnerId)).toEqual([answered, r2]);
    expect(await ports.informationRequests.listByPartner(d.supportingPartnerId, { openOnly: true })).toEqual([r2]);
  });

  it('contact log: add and list oldest first', async () => {
    const d = f.dossier(uid());
    const later = f.contact(d, { date: '2025-04-01' });
    const earlier = f.contact(d, { date: '2025-03-01', held: false, reasonMissed: 'niet thuis' });
    await ports.contactLog.add(later);
    await ports.contactLog.add(earlier);
    expect(await ports.contactLog.listByDossier(d.id)).toEqual([earlier, later]);
  });

  it('absences: create, update, list by partner', async () => {
    const partnerId = uid();
    const a = f.absence(partnerId);
    await ports.absences.create(a);
    await ports.absences.update(partnerId, a.id, (x) => ({ ...x, expectedUntil: '2025-08-31' }));
    expect((await ports.absences.get(partnerId, a.id))?.expectedUntil).toBe('2025-08-31');
    expect(await ports.absences.listByPartner(partnerId)).toHaveLength(1);
    expect(await ports.absences.listByPartner(uid())).toEqual([]);
  });

  it('conversations: save creates and changes, lists by partner and alert channel, remove', async () => {
    const partnerId = uid();
    const meeting = '19:meeting_YmFzZTY0@thread.v2';
    const channel = '19:abc/def?x#y@thread.tacv2';
    await ports.conversations.save(meeting, () => ({ conversationId: meeting, kind: 'meeting', reference: { serviceUrl: 'https://x.invalid' } }));
    await ports.conversations.save(meeting, (cur) => ({ ...cur!, partnerId }));
    await ports.conversations.save(channel, () => ({ conversationId: channel, kind: 'channel', reference: {}, isLandlordAlertChannel: true }));
    expect(await ports.conversations.get(meeting)).toMatchObject({ partnerId, reference: { serviceUrl: 'https://x.invalid' } });
    expect((await ports.conversations.listByPartner(partnerId)).map((c) => c.conversationId)).toEqual([meeting]);
    expect((await ports.conversations.listAlertChannels()).map((c) => c.conversationId)).toEqual([channel]);
    expect(await ports.conversations.list()).toHaveLength(2);
    await ports.conversations.remove(meeting);
    expect(await ports.conversations.get(meeting)).toBeUndefined();
  });

  it('audit: append to a dossier and to the month; append-only API; ordered', async () => {
    const d = f.dossier(uid());
    const entries = [
      f.audit({ dossierId: d.id, at: '2025-03-10T10:00:02+01:00', action: 'b' }),
      f.audit({ dossierId: d.id, at: '2025-03-10T10:00:01+01:00', action: 'a' }),
      f.audit({ dossierId: d.id, at: '2025-03-10T10:00:02+01:00', action: 'c' }), // same instant: append order
    ];
    for (const e of entries) await ports.audit.append(e);
    expect((await ports.audit.listByDossier(d.id)).map((e) => e.action)).toEqual(['a', 'b', 'c']);
    await ports.audit.append(f.audit({ at: '2025-03-31T23:30:00+02:00', action: 'user.create' }));
    await ports.audit.append(f.audit({ at: '2025-04-01T00:30:00+02:00', action: 'user.remove' }));
    expect((await ports.audit.listWithoutDossier('2025-03')).map((e) => e.action)).toEqual(['user.create']);
    // appendRead only ever adds to a read's count (test/integration/services/audit-reads.test.ts): nothing is removed or rewritten.
    expect(Object.keys(ports.audit).sort()).toEqual(['append', 'appendRead', 'listByDossier', 'listWithoutDossier']);
  });

  it('audit: the month\'s log for one moment reads only what was written for that moment (a repair\'s lookup)', async () => {
    const at = '2025-05-12T09:15:00.123+02:00';
    await ports.audit.append(f.audit({ at: '2025-05-12T09:14:59+02:00', action: 'before' }));
    await ports.audit.append(f.audit({ at, action: 'one' }));
    await ports.audit.append(f.audit({ at, action: 'two' }));
    await ports.audit.append(f.audit({ at: '2025-05-12T09:15:00.124+02:00', action: 'after' }));
    expect((await ports.audit.listWithoutDossier('2025-05', { at })).map((e) => e.action)).toEqual(['one', 'two']);
    expect(await ports.audit.listWithoutDossier('2025-05', { at: '2025-05-13T09:15:00+02:00' })).toEqual([]);
    expect((await ports.audit.listWithoutDossier('2025-05')).map((e) => e.action)).toEqual(['before', 'one', 'two', 'after']);
  });

  it('history: a dossier and everything recorded on it in one read', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const s = f.signal(d);
    const v = f.visit(d);
    const c = f.contact(d);
    const r = f.request(d);
    await Promise.all([
      ports.signals.create(s),
      ports.visits.create(v),
      ports.contactLog.add(c),
      ports.informationRequests.create(r),
      ports.audit.append(f.audit({ dossierId: d.id })),
    ]);
    const before = store.requestCount();
    const h = await ports.dossiers.history(d.id);
    expect(store.requestCount() - before).toBe(1);
    expect(h).toEqual({ dossier: d, signals: [s], visits: [v], contactLog: [c], informationRequests: [r], audit: [f.audit({ dossierId: d.id })] });
    expect(await ports.dossiers.history(uid())).toBeUndefined();
  });

  it('large records: JSON over the 64 KiB property limit round-trips; over the entity limit is refused', async () => {
    const d = f.dossier(uid(), { documents: { lease: 'é'.repeat(20_000) + '😀'.repeat(5_000) + 'x'.repeat(70_000) } });
    await ports.dossiers.create(d);
    expect(await ports.dossiers.get(d.id)).toEqual(d);
    const huge = f.dossier(uid(), { documents: { lease: 'x'.repeat(600_000) } });
    expect(await code(ports.dossiers.create(huge))).toBe('validation');
  });
});
