/** The partition design (shared/store/README.md): who sees which dossier, what one query costs, odd keys, repair. */
import fc from 'fast-check';
import type { Dossier } from '../../../shared/rules/types';
import type { LandlordPorts } from '../../../shared/services/ports';
import type { Store } from '../../../shared/store';
import { encodePart } from '../../../shared/store/keys';
import { createTestStore, uid } from '../../setup/test-store';
import * as f from './fixtures';

let store: Store;
let ports: LandlordPorts;

beforeAll(async () => {
  store = await createTestStore();
  ports = store.forLandlord(f.landlordId);
});

const ids = (ds: Dossier[]) => ds.map((d) => d.id).sort();

/** Requests that `fn` sends to storage. */
async function cost(fn: () => Promise<unknown>): Promise<number> {
  const before = store.requestCount();
  await fn();
  return store.requestCount() - before;
}

describe("a partner's dossier list", () => {
  it('holds exactly the dossiers where it is registering or supporting partner, no other partner\'s', async () => {
    const [a, b, c] = [uid(), uid(), uid()];
    const onlyA = f.dossier(a);
    const onlyB = f.dossier(b);
    const aRegistersBSupports = f.dossier(b, { registeringPartnerId: a });
    await Promise.all([onlyA, onlyB, aRegistersBSupports].map((d) => ports.dossiers.create(d)));
    expect(ids(await ports.dossiers.listForPartner(a))).toEqual(ids([onlyA, aRegistersBSupports]));
    expect(ids(await ports.dossiers.listForPartner(b))).toEqual(ids([onlyB, aRegistersBSupports]));
    expect(await ports.dossiers.listForPartner(c)).toEqual([]);
    expect(ids(await ports.dossiers.listAll())).toEqual(expect.arrayContaining(ids([onlyA, onlyB, aRegistersBSupports])));
    // Another landlord's ports see none of it.
    expect(await store.forLandlord('landlord-2').dossiers.listForPartner(a)).toEqual([]);
  });

  it('follows every change: the copy in the list is the current dossier', async () => {
    const p = uid();
    const d = f.dossier(p);
    await ports.dossiers.create(d);
    const next = await ports.dossiers.update(d.id, (x) => ({ ...x, status: 'active', leaseStart: '2025-03-01' }));
    expect(await ports.dossiers.listForPartner(p)).toEqual([next]);
  });

  it('R6: after a transfer the old organisation loses the dossier, the new one gets it, the history stays', async () => {
    const [from, to, registering] = [uid(), uid(), uid()];
    const own = f.dossier(from); // registering = supporting = from
    const other = f.dossier(from, { registeringPartnerId: registering });
    await Promise.all([own, other].map((d) => ports.dossiers.create(d)));
    const s = f.signal(own);
    await ports.signals.create(s);

    const transfer = (d: Dossier): Dossier => ({
      ...d,
      supportingPartnerId: to,
      formerPartnerIds: [...d.formerPartnerIds, from],
      transfers: [
        ...d.transfers,
        { fromPartnerId: from, toPartnerId: to, requestedOn: '2025-06-01', requestedBy: 'u-1', reason: 'capaciteit', status: 'accepted', decidedOn: '2025-06-05' },
      ],
    });
    await ports.dossiers.update(own.id, transfer);
    await ports.dossiers.update(other.id, transfer);

    expect(await ports.dossiers.listForPartner(from)).toEqual([]);
    expect(ids(await ports.dossiers.listForPartner(to))).toEqual(ids([own, other]));
    expect(ids(await ports.dossiers.listForPartner(registering))).toEqual([other.id]); // keeps its access
    expect((await ports.dossiers.history(own.id))?.signals).toEqual([s]);
  });

  it('costs one request, whether the landlord has few or many dossiers of other partners', async () => {
    const p = uid();
    for (let i = 0; i < 5; i++) await ports.dossiers.create(f.dossier(p));
    expect(await cost(() => ports.dossiers.listForPartner(p))).toBe(1);

    const others = Array.from({ length: 10 }, () => uid());
    const many = Array.from({ length: 100 }, (_, i) => f.dossier(others[i % others.length]!));
    for (let i = 0; i < many.length; i += 50) await Promise.all(many.slice(i, i + 50).map((d) => ports.dossiers.create(d)));

    expect(await cost(() => ports.dossiers.listForPartner(p))).toBe(1);
    expect(await ports.dossiers.listForPartner(p)).toHaveLength(5);
  });

  it("a consultation with its flags, and a dossier's history, are one request each", async () => {
    const p = uid();
    const d = f.dossier(p);
    await ports.dossiers.create(d);
    await ports.consultations.create(f.consultation(p, '2025-12'));
    await ports.flags.create(f.flag(d, '2025-12'));
    await ports.signals.create(f.signal(d));
    expect(await cost(() => ports.consultations.getWithFlags(p, '2025-12'))).toBe(1);
    expect(await cost(() => ports.dossiers.history(d.id))).toBe(1);
    expect(await cost(() => ports.signals.listByPartner(p))).toBe(1);
  });
});

describe('keys with odd characters', () => {
  const odd = [
    'a/b',
    'a\\b',
    'hash#tag',
    'what?',
    "o'brien",
    '100%',
    'pipe|bar',
    'tilde~7E',
    'tab\there',
    'nl\nline',
    '\u0000\u001f\u007f\u0085',
    'Zoë Ülkü 😀',
    ' ',
    'x'.repeat(500),
  ];

  it('are encoded: dossiers, partners, conversations and once-keys round-trip', async () => {
    for (const id of odd) {
      const partnerId = `p-${id}`;
      const d = f.dossier(partnerId, { id, number: `N-${id}` });
      await ports.dossiers.create(d);
      expect(await ports.dossiers.get(id)).toEqual(d);
      expect(await ports.dossiers.getByNumber(`N-${id}`)).toEqual(d);
      await ports.dossiers.update(id, (x) => ({ ...x, status: 'active' }));
      expect((await ports.dossiers.listForPartner(partnerId)).map((x) => x.id)).toEqual([id]);
      await ports.signals.create(f.signal(d, { id }));
      expect(await ports.signals.get(id, id)).toMatchObject({ id });

      await ports.partners.create(f.partner({ id }));
      expect((await ports.partners.get(id))?.id).toBe(id);
      await ports.conversations.save(id, () => ({ conversationId: id, kind: 'groupChat', reference: {}, partnerId }));
      expect((await ports.conversations.get(id))?.conversationId).toBe(id);
      expect((await ports.conversations.listByPartner(partnerId)).map((c) => c.conversationId)).toEqual([id]);
      expect(await store.exactlyOnce.claim(`once-${id}`)).toBe(true);
      expect(await store.exactlyOnce.claim(`once-${id}`)).toBe(false);
    }
  });

  it('cannot inject into an OData filter', async () => {
    await ports.conversations.save('c-1', () => ({ conversationId: 'c-1', kind: 'channel', reference: {}, partnerId: 'p-secret' }));
    expect(await ports.conversations.listByPartner("x' or partnerId ne 'x")).toEqual([]);
    expect(await store.users.listByLandlord("x' or landlordId ne 'x")).toEqual([]);
  });

  it('encoding is safe for Azure and one-to-one (property)', () => {
    const forbidden = /[/\\#?%'|\u0000-\u001f\u007f-\u009f]/;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }), fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }), (x, y) => {
        const ex = encodePart(x);
        expect(ex).not.toMatch(forbidden);
        if (x !== y) expect(ex).not.toBe(encodePart(y));
      }),
    );
  });
});

describe('repair of interrupted writes', () => {
  it('a crash between the commit and the copies is repaired from the pending marker, once', async () => {
    let crash = true;
    const fragile = await createTestStore({
      hooks: {
        beforeDerivedSync: async () => {
          if (crash) throw new Error('crash');
        },
      },
    });
    const p = fragile.forLandlord(f.landlordId);
    const [from, to] = [uid(), uid()];
    const d = f.dossier(from);
    await p.dossiers.create(d); // copies never written
    expect(await p.dossiers.get(d.id)).toEqual(d);
    expect(await p.dossiers.listForPartner(from)).toEqual([]);

    crash = false;
    const now = new Date().toISOString();
    expect(await fragile.repairPending(now)).toBe(0); // younger than the grace period: may still be in flight
    const later = new Date(Date.now() + 120_000).toISOString();
    expect(await fragile.repairPending(later)).toBe(1);
    expect(await p.dossiers.listForPartner(from)).toEqual([d]);
    expect(await fragile.repairPending(later)).toBe(0);

    // A transfer whose copies were lost: after repair, the old partner's copy is a tombstone.
    crash = true;
    const moved = await p.dossiers.update(d.id, (x) => ({ ...x, supportingPartnerId: to, formerPartnerIds: [from] }));
    const s = f.signal(moved);
    await p.signals.create(s);
    expect(await p.dossiers.listForPartner(from)).toEqual([d]); // stale until repaired
    crash = false;
    expect(await fragile.repairPending(later)).toBe(1);
    expect(await p.dossiers.listForPartner(from)).toEqual([]);
    expect(await p.dossiers.listForPartner(to)).toEqual([moved]);
    expect(await p.signals.listByPartner(to)).toEqual([s]);
  });
});
