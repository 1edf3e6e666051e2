/**
 * R13/R17-R19 cost: a partner's dossier copies also carry each dossier's visits, so the agenda reads
 * them with the list (one partition) instead of one query per dossier. The copies keep the store's
 * guarantees: they follow every visit write, only move forward, are repaired after a crash, go with a
 * transfer (R6) and never show in another partner's list.
 */
import type { Dossier, Visit } from '../../../shared/rules/types';
import type { DossierWithVisits, LandlordPorts } from '../../../shared/services/ports';
import { createStore, type Store } from '../../../shared/store';
import { encodePart, joinKey } from '../../../shared/store/keys';
import { testConnectionString, testPrefix, uid } from '../../setup/test-store';
import * as f from './fixtures';
import { makeCopiesOld, rawCopy } from './old-copies';

let prefix: string;
let store: Store;
let ports: LandlordPorts;

beforeAll(async () => {
  prefix = testPrefix();
  store = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });
  ports = store.forLandlord(f.landlordId);
});

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);

/** The partner's copy of one dossier, as the agenda reads it. */
async function copyOf(partnerId: string, dossierId: string): Promise<DossierWithVisits | undefined> {
  return (await ports.dossiers.listForPartnerWithVisits(partnerId)).find((c) => c.dossier.id === dossierId);
}

const held = (v: Visit): Visit => ({ ...v, heldOn: '2025-05-02', findings: [{ part: 'garden', ok: false }] });

describe('dossier copies carry the visits (R17-R19)', () => {
  it('a new dossier has an empty visit list; a created, completed and unit-of-work visit each show in every visible copy', async () => {
    const [a, b] = [uid(), uid()];
    const d = f.dossier(b, { registeringPartnerId: a, status: 'active', leaseStart: '2025-02-01' });
    await ports.dossiers.create(d);
    expect(await copyOf(a, d.id)).toEqual({ dossier: d, visits: [] });

    const planned = f.visit(d);
    await ports.visits.create(planned);
    expect((await copyOf(a, d.id))?.visits).toEqual([planned]);

    const done = await ports.visits.update(d.id, planned.id, held);
    const extra = f.visit(d, { kind: 'extra', plannedOn: '2025-06-01' });
    await ports.unitOfWork.inDossier(d.id, (w) => w.putVisit(extra)); // as record-visit and conclusions do
    for (const p of [a, b]) expect(await copyOf(p, d.id)).toEqual({ dossier: d, visits: [done, extra] });
    expect(await ports.dossiers.listForPartner(a)).toEqual([d]); // the plain list is unchanged
    expect(await ports.visits.listByDossier(d.id)).toEqual([done, extra]);
  });

  it('a dossier change keeps the visits in its copies; a duplicate or unknown visit is refused', async () => {
    const p = uid();
    const d = f.dossier(p);
    await ports.dossiers.create(d);
    const v = f.visit(d);
    await ports.visits.create(v);
    expect(await code(ports.visits.create(v))).toBe('conflict');
    expect(await code(ports.visits.update(d.id, uid(), (x) => x))).toBe('not-found');
    const next = await ports.dossiers.update(d.id, (x) => ({ ...x, status: 'active', leaseStart: '2025-03-01' }));
    expect(await copyOf(p, d.id)).toEqual({ dossier: next, visits: [v] });
  });

  it('R6: after a transfer the receiving partner\'s copy holds the earlier visits; the old partner keeps only a tombstone without them', async () => {
    const [from, to] = [uid(), uid()];
    const d = f.dossier(from, { status: 'active', leaseStart: '2025-02-01' });
    await ports.dossiers.create(d);
    const v = held(f.visit(d));
    await ports.visits.create(v);
    const moved = await ports.dossiers.update(d.id, (x) => ({ ...x, supportingPartnerId: to, formerPartnerIds: [from] }));

    expect(await copyOf(to, d.id)).toEqual({ dossier: moved, visits: [v] });
    expect(await ports.dossiers.listForPartnerWithVisits(from)).toEqual([]);
    const tombstone = await rawCopy(prefix, joinKey(encodePart(f.landlordId), 'p', encodePart(from)), encodePart(d.id));
    expect(tombstone).toMatchObject({ visible: false });
    expect(tombstone.vn).toBeUndefined();

    // A visit after the transfer goes to the receiving partner only.
    const later = f.visit(moved, { kind: 'extra', plannedOn: '2025-07-01' });
    await ports.visits.create(later);
    expect((await copyOf(to, d.id))?.visits).toEqual([v, later]);
    expect((await rawCopy(prefix, joinKey(encodePart(f.landlordId), 'p', encodePart(from)), encodePart(d.id))).vn).toBeUndefined();
  });

  it('a crash between the commit of a visit and the copies is repaired from the pending marker', async () => {
    let crash = true;
    const fragile = await createStore({
      connection: { connectionString: testConnectionString() },
      tablePrefix: prefix,
      hooks: {
        beforeDerivedSync: async () => {
          if (crash) throw new Error('crash');
        },
      },
    });
    const p = fragile.forLandlord(f.landlordId);
    const partnerId = uid();
    const d = f.dossier(partnerId, { status: 'active', leaseStart: '2025-02-01' });
    await ports.dossiers.create(d); // copies written
    const v = f.visit(d);
    await p.visits.create(v); // committed, copies not
    expect(await p.visits.listByDossier(d.id)).toEqual([v]);
    expect((await copyOf(partnerId, d.id))?.visits).toEqual([]); // stale until repaired

    crash = false;
    const later = new Date(Date.now() + 120_000).toISOString();
    expect(await fragile.repairPending(later)).toBe(1);
    expect((await copyOf(partnerId, d.id))?.visits).toEqual([v]);
  });

  it('copies only move forward: concurrent visit writes and dossier changes, over two instances, end in a copy with every visit', async () => {
    const other = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });
    const p = uid();
    const d = f.dossier(p, { status: 'active', leaseStart: '2025-02-01' });
    await ports.dossiers.create(d);
    const visits = Array.from({ length: 8 }, (_, i) => f.visit(d, { id: `v-${i}`, plannedOn: `2025-04-1${i}` }));
    const instance = (i: number) => (i % 2 ? other.forLandlord(f.landlordId) : ports);
    await Promise.all([
      ...visits.map((v, i) => instance(i).visits.create(v)),
      ...Array.from({ length: 4 }, (_, i) => instance(i).dossiers.update(d.id, (x) => ({ ...x, extensions: [...x.extensions, { months: 1, decidedOn: `2025-0${i + 5}-01` }] }))),
    ]);
    const copy = await copyOf(p, d.id);
    expect(copy?.dossier).toEqual(await ports.dossiers.get(d.id));
    expect(copy?.visits).toEqual(await ports.visits.listByDossier(d.id));
    expect(copy?.visits).toHaveLength(8);
  });

  it('a copy written before copies carried visits reads as "no visits" (the caller falls back); the next write of the dossier adds them', async () => {
    const p = uid();
    const d = f.dossier(p);
    await ports.dossiers.create(d);
    const v = f.visit(d);
    await ports.visits.create(v);
    expect(await makeCopiesOld(prefix)).toBeGreaterThan(0);
    expect(await copyOf(p, d.id)).toEqual({ dossier: d }); // no `visits`: not "no visits"
    expect(await ports.dossiers.listForPartner(p)).toEqual([d]);

    const next = await ports.dossiers.update(d.id, (x) => ({ ...x, status: 'active', leaseStart: '2025-03-01' }));
    expect(await copyOf(p, d.id)).toEqual({ dossier: next, visits: [v] });
  });

  it('a dossier too large to share its copy with the visits gets a copy without them (the caller falls back)', async () => {
    const p = uid();
    const d = f.dossier(p, { tenant: { name: 'x'.repeat(479_000) } }); // just under the record limit
    await ports.dossiers.create(d);
    await ports.visits.create(f.visit(d, { findings: [{ part: 'house', ok: false, note: 'n'.repeat(2_000) }], heldOn: '2025-04-16' }));
    const copy = await copyOf(p, d.id);
    expect(copy?.dossier).toEqual(d);
    expect(copy?.visits).toBeUndefined();
  });

  it('privacy purge: the visits in the copies are rewritten too', async () => {
    const p = uid();
    const d = f.dossier(p, { status: 'stopped' });
    await ports.dossiers.create(d);
    const v = f.visit(d, { heldOn: '2025-04-16', findings: [{ part: 'house', ok: false, note: 'Privé opmerking' }] });
    await ports.visits.create(v);
    await ports.dossiers.rewriteHistory(d.id, { visit: (x) => ({ ...x, findings: x.findings.map(({ note: _note, ...rest }) => rest) }) });
    expect((await copyOf(p, d.id))?.visits).toEqual([{ ...v, findings: [{ part: 'house', ok: false }] }]);
  });

  it("R13: one request for a partner's list with visits, whatever the number of its dossiers or visits", async () => {
    const p = uid();
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const d: Dossier = f.dossier(p, { status: 'active', leaseStart: '2025-02-01' });
        await ports.dossiers.create(d);
        await ports.visits.create(f.visit(d));
      }
    };
    const cost = async () => {
      const before = store.requestCount();
      await ports.dossiers.listForPartnerWithVisits(p);
      return store.requestCount() - before;
    };
    await add(3);
    expect(await cost()).toBe(1);
    await add(12);
    expect(await cost()).toBe(1);
  });
});
