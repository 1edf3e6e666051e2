/**
 * The storage ports' contract (shared/services/ports.ts), as one suite any implementation must pass
 * (as botbuilder runs one suite against each of its storages). `open` gives a fresh, empty store.
 * Run against Azure Table storage (Azurite) by table-storage.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/rules/errors';
import type { LandlordConfig, User } from '../../shared/rules/types';
import type { StorePorts } from '../../shared/services/ports';
import * as f from '../integration/store/fixtures';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (err: unknown) => (err instanceof DomainError ? err.code : 'other error'),
  );

const landlord = (id = randomUUID()): LandlordConfig => ({ id, name: 'Verhuurder Voorbeeld', officeAddress: 'Straat 1, 8000 Brugge', mailbox: 'info@voorbeeld.invalid', closingDays: [] });
const user = (overrides: Partial<User> = {}): User => ({
  landlordId: f.landlordId,
  tenantId: randomUUID(),
  objectId: randomUUID(),
  displayName: 'Gebruiker Voorbeeld',
  role: 'landlord-coordinator',
  ...overrides,
});

export function describeStorageContract(name: string, open: () => Promise<StorePorts>): void {
  describe(`storage contract: ${name}`, () => {
    let store: StorePorts;
    beforeAll(async () => {
      store = await open();
    });

    it('get answers undefined for a missing record, never throws', async () => {
      const ports = store.forLandlord(f.landlordId);
      expect(await store.landlords.get(randomUUID())).toBeUndefined();
      expect(await store.users.get(randomUUID(), randomUUID())).toBeUndefined();
      expect(await ports.partners.get(randomUUID())).toBeUndefined();
      expect(await ports.dossiers.get(randomUUID())).toBeUndefined();
      expect(await ports.dossiers.getByNumber('VT-1999-999')).toBeUndefined();
      expect(await ports.conversations.get(randomUUID())).toBeUndefined();
      expect(await ports.consultations.get(randomUUID(), '2025-11')).toBeUndefined();
      expect(await store.exactlyOnce.get(randomUUID())).toBeUndefined();
    });

    it("create stores the record as given and refuses one that exists ('conflict')", async () => {
      const l = landlord();
      expect(await store.landlords.create(l)).toEqual(l);
      expect(await store.landlords.get(l.id)).toEqual(l);
      expect(await codeOf(store.landlords.create({ ...l, name: 'Tweede' }))).toBe('conflict');
      expect((await store.landlords.get(l.id))?.name).toBe(l.name);

      const p = f.partner();
      const ports = store.forLandlord(f.landlordId);
      await ports.partners.create(p);
      expect(await codeOf(ports.partners.create(p))).toBe('conflict');

      const d = f.dossier(p.id);
      await ports.dossiers.create(d);
      expect(await ports.dossiers.get(d.id)).toEqual(d);
      expect((await ports.dossiers.getByNumber(d.number))?.id).toBe(d.id);
      expect(await codeOf(ports.dossiers.create({ ...d, id: randomUUID() }))).toBe('conflict'); // the same number
    });

    it("update applies the pure change to the current record; a missing record is 'not-found'", async () => {
      const u = user();
      await store.users.create(u);
      const changed = await store.users.update(u.tenantId, u.objectId, (cur) => ({ ...cur, displayName: 'Nieuwe Naam' }));
      expect(changed.displayName).toBe('Nieuwe Naam');
      expect((await store.users.get(u.tenantId, u.objectId))?.displayName).toBe('Nieuwe Naam');
      expect(await codeOf(store.users.update(randomUUID(), randomUUID(), (cur) => cur))).toBe('not-found');
    });

    it('concurrent updates of one record lose nothing (the change runs again on a clash)', async () => {
      const l = landlord();
      await store.landlords.create(l);
      const days = Array.from({ length: 12 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
      await Promise.all(days.map((day) => store.landlords.update(l.id, (cur) => ({ ...cur, closingDays: [...cur.closingDays, day] }))));
      expect([...((await store.landlords.get(l.id))?.closingDays ?? [])].sort()).toEqual(days);
    });

    it('lists are complete and scoped: a landlord sees its own users and partners only', async () => {
      const own = randomUUID();
      const other = randomUUID();
      const users = Array.from({ length: 5 }, () => user({ landlordId: own }));
      await Promise.all([...users.map((u) => store.users.create(u)), store.users.create(user({ landlordId: other }))]);
      expect((await store.users.listByLandlord(own)).map((u) => u.objectId).sort()).toEqual(users.map((u) => u.objectId).sort());
      const partner = { ...f.partner(), landlordId: own };
      await store.forLandlord(own).partners.create(partner);
      expect((await store.forLandlord(own).partners.list()).map((p) => p.id)).toEqual([partner.id]);
      expect((await store.forLandlord(other).partners.list()).map((p) => p.id)).toEqual([]);
    });

    it('conversations: save creates or changes; lists by partner and alert channel; remove forgets', async () => {
      const ports = store.forLandlord(randomUUID());
      const id = randomUUID();
      const base = { conversationId: id, kind: 'groupChat' as const, reference: { serviceUrl: 'https://smba.example.invalid/' } };
      await ports.conversations.save(id, (cur) => ({ ...(cur ?? base), partnerId: 'p-1' }));
      await ports.conversations.save(id, (cur) => ({ ...cur!, isLandlordAlertChannel: true }));
      expect(await ports.conversations.get(id)).toMatchObject({ partnerId: 'p-1', isLandlordAlertChannel: true });
      expect((await ports.conversations.listByPartner('p-1')).map((c) => c.conversationId)).toEqual([id]);
      expect((await ports.conversations.listAlertChannels()).map((c) => c.conversationId)).toEqual([id]);
      await ports.conversations.remove(id);
      expect(await ports.conversations.get(id)).toBeUndefined();
      expect(await ports.conversations.list()).toEqual([]);
    });

    it('exactly once: one claim wins; done and failed are recorded; a failed key may be claimed again', async () => {
      const key = `contract|${randomUUID()}`;
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.exactlyOnce.claim(key)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await store.exactlyOnce.markFailed(key, 'Error');
      expect(await store.exactlyOnce.get(key)).toMatchObject({ status: 'failed', reason: 'Error' });
      expect(await store.exactlyOnce.claim(key)).toBe(false);
      expect(await store.exactlyOnce.claim(key, { reclaimFailed: true })).toBe(true);
      await store.exactlyOnce.markDone(key, { sent: 1 });
      expect(await store.exactlyOnce.get(key)).toMatchObject({ status: 'done', result: { sent: 1 }, attempts: 2 });

      let runs = 0;
      const runKey = `contract|${randomUUID()}`;
      const first = await store.exactlyOnce.run(runKey, async () => ++runs);
      const second = await store.exactlyOnce.run(runKey, async () => ++runs);
      expect(first).toEqual({ ran: true, result: 1 });
      expect(second.ran).toBe(false);
      expect(runs).toBe(1);
    });

    it('answers health when storage answers', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
