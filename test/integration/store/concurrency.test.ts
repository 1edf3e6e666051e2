/** Concurrent writers lose nothing (ETag + retry), transactions are all or nothing, claims are unique. */
import { DomainError } from '../../../shared/rules/errors';
import type { Dossier } from '../../../shared/rules/types';
import type { LandlordPorts } from '../../../shared/services/ports';
import { createStore, type Store } from '../../../shared/store';
import { createTestStore, testConnectionString, testPrefix, uid } from '../../setup/test-store';
import * as f from './fixtures';

let store: Store;
let ports: LandlordPorts;

beforeAll(async () => {
  store = await createTestStore();
  ports = store.forLandlord(f.landlordId);
});

const settle = async <T>(ps: Promise<T>[]) => {
  const results = await Promise.allSettled(ps);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  return { ok: results.length - failures.length, failures };
};

const addExtension = (i: number) => (d: Dossier): Dossier => ({
  ...d,
  extensions: [...d.extensions, { months: 3, decidedOn: `2025-01-${String((i % 28) + 1).padStart(2, '0')}#${i}` }],
});

describe('optimistic concurrency', () => {
  it('50 concurrent updates of one dossier: all 50 land, none lost', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const { ok, failures } = await settle(Array.from({ length: 50 }, (_, i) => ports.dossiers.update(d.id, addExtension(i))));
    expect(failures).toEqual([]);
    expect(ok).toBe(50);
    const stored = await ports.dossiers.get(d.id);
    expect(stored?.extensions).toHaveLength(50);
    expect(new Set(stored?.extensions.map((e) => e.decidedOn)).size).toBe(50);
    // The partner's copy converged on the final version too.
    const [copy] = await ports.dossiers.listForPartner(d.supportingPartnerId);
    expect(copy?.extensions).toHaveLength(50);
  });

  it('50 concurrent updates of a small record (consultation): all land', async () => {
    const partnerId = uid();
    await ports.consultations.create(f.consultation(partnerId, '2025-12'));
    const { failures } = await settle(
      Array.from({ length: 50 }, (_, i) =>
        ports.consultations.update(partnerId, '2025-12', (c) => ({
          ...c,
          conclusions: [...c.conclusions, { dossierId: `d-${i}`, summary: 'ok', decision: { kind: 'none' } }],
        })),
      ),
    );
    expect(failures).toEqual([]);
    expect((await ports.consultations.get(partnerId, '2025-12'))?.conclusions).toHaveLength(50);
  });

  it('50 concurrent updates split over two server instances (ETags between them): all land', async () => {
    const prefix = testPrefix();
    const connection = { connectionString: testConnectionString() };
    const [a, b] = await Promise.all([createStore({ connection, tablePrefix: prefix }), createStore({ connection, tablePrefix: prefix })]);
    const d = f.dossier(uid());
    await a.forLandlord(f.landlordId).dossiers.create(d);
    const { failures } = await settle(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).forLandlord(f.landlordId).dossiers.update(d.id, addExtension(i))),
    );
    expect(failures).toEqual([]);
    expect((await b.forLandlord(f.landlordId).dossiers.get(d.id))?.extensions).toHaveLength(50);
  });

  it('when the retry budget runs out: "conflict" with a Dutch message, and nothing of the loser is written', async () => {
    const tight = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: testPrefix(), retry: { attempts: 2 } });
    const p = tight.forLandlord(f.landlordId);
    const d = f.dossier(uid());
    await p.dossiers.create(d);
    let runs = 0;
    const err = await p.unitOfWork
      .inDossier(d.id, async (w) => {
        runs++;
        // Every attempt, someone else changes the dossier between our read and our commit.
        await p.dossiers.update(d.id, addExtension(runs));
        w.setDossier({ ...w.dossier, status: 'stopped' });
        w.appendAudit(f.audit({ action: 'stop' }));
      })
      .catch((e: unknown) => e);
    expect(runs).toBe(2);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'conflict' });
    expect((err as Error).message).toMatch(/hetzelfde moment/);
    const h = await p.dossiers.history(d.id);
    expect(h?.dossier.status).toBe('candidacy');
    expect(h?.dossier.extensions).toHaveLength(2);
    expect(h?.audit).toEqual([]);
  });
});

describe('unit of work: all or nothing', () => {
  it('commits a dossier change, a signal, a contact and an audit entry together', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const s = f.signal(d);
    const c = f.contact(d);
    const result = await ports.unitOfWork.inDossier(d.id, (w) => {
      w.setDossier({ ...w.dossier, contactLogActive: true });
      w.addSignal(s);
      w.addContactLogEntry(c);
      w.appendAudit(f.audit({ action: 'signal.raise' }));
      return 'done';
    });
    expect(result).toBe('done');
    const h = await ports.dossiers.history(d.id);
    expect(h?.dossier.contactLogActive).toBe(true);
    expect(h?.signals).toEqual([s]);
    expect(h?.contactLog).toEqual([c]);
    expect(h?.audit).toEqual([f.audit({ action: 'signal.raise', dossierId: d.id })]);
    expect(await ports.signals.listByPartner(d.supportingPartnerId)).toEqual([s]); // copy written after the commit
  });

  it('a failing transaction leaves nothing: one bad write undoes the others', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const existing = f.visit(d);
    await ports.visits.create(existing);
    const s = f.signal(d);
    const err = await ports.unitOfWork
      .inDossier(d.id, (w) => {
        w.setDossier({ ...w.dossier, status: 'stopped' });
        w.addSignal(s);
        w.appendAudit(f.audit({ action: 'stop' }));
        w.putVisit({ ...existing, heldOn: '2025-05-01' }); // not read first: a create, and it exists
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    const h = await ports.dossiers.history(d.id);
    expect(h?.dossier).toEqual(d);
    expect(h?.signals).toEqual([]);
    expect(h?.audit).toEqual([]);
    expect(h?.visits).toEqual([existing]);
    expect(await ports.signals.listByPartner(d.supportingPartnerId)).toEqual([]);
  });

  it('work that throws writes nothing', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    await expect(
      ports.unitOfWork.inDossier(d.id, (w) => {
        w.addSignal(f.signal(d));
        throw new DomainError('forbidden', 'nee');
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await ports.signals.listByDossier(d.id)).toEqual([]);
  });

  it('a read through the unit of work guards the write: a concurrent answer is not overwritten', async () => {
    const d = f.dossier(uid());
    await ports.dossiers.create(d);
    const r = f.request(d);
    await ports.informationRequests.create(r);
    let runs = 0;
    await ports.unitOfWork.inDossier(d.id, async (w) => {
      runs++;
      const current = await w.getInformationRequest(r.id);
      if (runs === 1) {
        // Someone answers between our read and our commit.
        await ports.informationRequests.update(d.id, r.id, (x) => ({ ...x, answer: { text: 'Eerst', by: 'u-9', at: '2025-03-06T10:00:00Z' } }));
      }
      if (!current?.answer) w.putInformationRequest({ ...current!, answer: { text: 'Tweede', by: 'u-8', at: '2025-03-06T10:01:00Z' } });
      w.appendAudit(f.audit({ action: 'inforeq.answer' }));
    });
    expect(runs).toBe(2);
    expect((await ports.informationRequests.get(d.id, r.id))?.answer?.text).toBe('Eerst');
    expect(await ports.audit.listByDossier(d.id)).toHaveLength(1);
  });

  it('consultation work: status and flags commit together; a stale read is retried', async () => {
    const partnerId = uid();
    const month = '2026-01';
    const d1 = f.dossier(partnerId);
    await ports.consultations.create(f.consultation(partnerId, month));
    await ports.unitOfWork.inConsultation(partnerId, month, (w) => {
      w.setConsultation({ ...w.consultation!, status: 'invited' });
      w.putFlag(f.flag(d1, month, { source: 'landlord' }));
    });
    const both = await ports.consultations.getWithFlags(partnerId, month);
    expect(both.consultation?.status).toBe('invited');
    expect(both.flags.map((x) => x.dossierId)).toEqual([d1.id]);
  });

  it('20 members flag different dossiers at once: all flags kept; the same dossier twice: one wins', async () => {
    const partnerId = uid();
    const month = '2026-02';
    const dossiers = Array.from({ length: 20 }, () => f.dossier(partnerId));
    const many = await settle(dossiers.map((d) => ports.flags.create(f.flag(d, month))));
    expect(many.failures).toEqual([]);
    expect(await ports.flags.list(partnerId, month)).toHaveLength(20);

    const d = f.dossier(partnerId);
    const same = await settle(Array.from({ length: 10 }, () => ports.flags.create(f.flag(d, '2026-03'))));
    expect(same.ok).toBe(1);
    expect(same.failures.every((e) => e instanceof DomainError && e.code === 'conflict')).toBe(true);
  });
});

describe('exactly once', () => {
  it('20 concurrent claims of one key: exactly one wins', async () => {
    const key = `invitation|${uid()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => store.exactlyOnce.claim(key)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('two server instances on one storage account run a job once', async () => {
    const prefix = testPrefix();
    const connection = { connectionString: testConnectionString() };
    const [a, b] = await Promise.all([createStore({ connection, tablePrefix: prefix }), createStore({ connection, tablePrefix: prefix })]);
    let runs = 0;
    const job = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return runs;
    };
    const key = 'job|reminders|2025-12-18';
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).exactlyOnce.run(key, job)));
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(await a.exactlyOnce.get(key)).toMatchObject({ status: 'done', result: 1 });
  });

  it('20 concurrent reclaims of a failed key: exactly one retries', async () => {
    const key = `mail|${uid()}`;
    await store.exactlyOnce.claim(key);
    await store.exactlyOnce.markFailed(key, 'unavailable');
    const results = await Promise.all(Array.from({ length: 20 }, () => store.exactlyOnce.claim(key, { reclaimFailed: true })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('a change of a record the caller has just read (its ETag remembered)', () => {
  const link = (id: string) => ({ conversationId: id, kind: 'groupChat' as const, reference: { serviceUrl: 'https://smba.example.invalid/emea/' } });

  it('is written without a second read when nobody wrote in between', async () => {
    const id = uid();
    await ports.conversations.save(id, () => link(id));
    const read = await ports.conversations.get(id);
    const before = store.requestCount();
    await ports.conversations.save(id, (cur) => ({ ...cur!, partnerId: 'p-1' }), { known: read });
    expect(store.requestCount() - before).toBe(1);
    expect(await ports.conversations.get(id)).toMatchObject({ partnerId: 'p-1' });
  });

  it('keeps a change written in between: the stale ETag answers 412 and the change is made again on a fresh read', async () => {
    const id = uid();
    await ports.conversations.save(id, () => link(id));
    const read = await ports.conversations.get(id);
    await ports.conversations.save(id, (cur) => ({ ...cur!, partnerId: 'p-1' })); // someone else, first
    const saved = await ports.conversations.save(id, (cur) => ({ ...cur!, isLandlordAlertChannel: true }), { known: read });
    expect(saved).toMatchObject({ partnerId: 'p-1', isLandlordAlertChannel: true });
    expect(await ports.conversations.get(id)).toMatchObject({ partnerId: 'p-1', isLandlordAlertChannel: true });
  });

  it('creates the record anew when it was removed in between', async () => {
    const id = uid();
    await ports.conversations.save(id, () => link(id));
    const read = await ports.conversations.get(id);
    await ports.conversations.remove(id);
    await ports.conversations.save(id, (cur) => ({ ...(cur ?? link(id)), partnerId: 'p-2' }), { known: read });
    expect(await ports.conversations.get(id)).toMatchObject({ partnerId: 'p-2' });
  });

  it('ignores a record of another row passed as known', async () => {
    const a = uid();
    const b = uid();
    await ports.conversations.save(a, () => link(a));
    await ports.conversations.save(b, () => ({ ...link(b), partnerId: 'p-b' }));
    const readA = await ports.conversations.get(a);
    const saved = await ports.conversations.save(b, (cur) => ({ ...cur!, isLandlordAlertChannel: true }), { known: readA });
    expect(saved).toMatchObject({ conversationId: b, partnerId: 'p-b', isLandlordAlertChannel: true });
  });
});
