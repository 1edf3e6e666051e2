/**
 * A dossier and its history share one partition of the `dossiers` table (PK `<landlord>|<dossier>`),
 * so the history is one query and a change plus its audit entry is one transaction. Copies for other
 * access paths (the landlord's and each partner's dossier list, a partner's signals and requests) live
 * in `dossierindex` and are derived after the commit: see README.md "Copies and their repair".
 */
import { randomBytes } from 'node:crypto';
import { odata, type TransactionAction } from '@azure/data-tables';
import { DomainError } from '../rules/errors';
import { isOpenRequest } from '../rules/transfer';
import type { AuditEntry, ContactLogEntry, Dossier, InformationRequest, Instant, Signal, Visit } from '../rules/types';
import type { DossierHistory, DossierWithVisits, DossierWork, HistoryRewrite } from '../services/ports';
import { storeMessages } from '../messages/store';
import { asciiJson, encode, fromChunks, revOf, type Entity, type StoredEntity } from './codec';
import { appendSuffix, encodePart, joinKey, rangeEnd, sortableInstant } from './keys';
import { statusOf, withRetry } from './table';
import type { StoreContext } from './context';

import {
  byTime,
  DOSSIER_ROW,
  hasDerived,
  noDerived,
  partnersWithAccess,
  PENDING_PK,
  range,
  readCopy,
  readState,
  rowKeyOf,
  withVisits,
  type Derived,
  type DossierState,
  type Kind,
  type Staged,
} from './dossier-entities';
import { StagedDossierWork } from './dossier-work';

export { byTime, partnersWithAccess, PENDING_PK } from './dossier-entities';

export class DossierStore {
  constructor(
    private readonly ctx: StoreContext,
    readonly landlordId: string,
  ) {}

  private get table() {
    return this.ctx.tables.dossiers;
  }
  private get index() {
    return this.ctx.tables.dossierindex;
  }

  pk(dossierId: string): string {
    return joinKey(encodePart(this.landlordId), encodePart(dossierId));
  }
  partnerPk(partnerId: string): string {
    return joinKey(encodePart(this.landlordId), 'p', encodePart(partnerId));
  }
  private allPk(): string {
    return joinKey(encodePart(this.landlordId), 'all');
  }
  private numberPk(): string {
    return joinKey(encodePart(this.landlordId), 'number');
  }
  feedPk(partnerId: string): string {
    return joinKey(encodePart(this.landlordId), 'feed', encodePart(partnerId));
  }
  static rowKey(kind: Exclude<Kind, 'audit'>, id: string): string {
    return rowKeyOf(kind, id);
  }

  private dossierEntity(s: DossierState): Entity {
    return encode(this.pk(s.dossier.id), DOSSIER_ROW, s.dossier, { rev: s.rev, indexed: JSON.stringify(s.indexed) });
  }

  // ------------------------------------------------------------------------------------------
  // Reads

  async getState(dossierId: string): Promise<(DossierState & { etag: string }) | undefined> {
    const e = await this.table.get(this.pk(dossierId), DOSSIER_ROW);
    return e && { ...readState(e), etag: e.etag };
  }

  async get(dossierId: string): Promise<Dossier | undefined> {
    return (await this.getState(dossierId))?.dossier;
  }

  async getByNumber(number: string): Promise<Dossier | undefined> {
    const claim = await this.index.get(this.numberPk(), encodePart(number));
    if (!claim) return undefined;
    const dossier = await this.get(String(claim.dossierId));
    // A claim left by an interrupted create points to nothing, or to a dossier with another number.
    return dossier?.number === number ? dossier : undefined;
  }

  private async listIndex(pk: string): Promise<DossierWithVisits[]> {
    const rows = await this.index.query(odata`PartitionKey eq ${pk} and visible eq ${true}`);
    return rows
      .map(readCopy)
      .sort((a, b) => a.dossier.number.localeCompare(b.dossier.number) || a.dossier.id.localeCompare(b.dossier.id));
  }

  async listForPartner(partnerId: string): Promise<Dossier[]> {
    return (await this.listIndex(this.partnerPk(partnerId))).map((c) => c.dossier);
  }

  /** The same one partition as listForPartner, with the visits each copy carries. */
  listForPartnerWithVisits(partnerId: string): Promise<DossierWithVisits[]> {
    return this.listIndex(this.partnerPk(partnerId));
  }

  async listAll(): Promise<Dossier[]> {
    return (await this.listIndex(this.allPk())).map((c) => c.dossier);
  }

  async listKind<T>(dossierId: string, kind: Kind): Promise<T[]> {
    const { from, to } = range(kind);
    const pk = this.pk(dossierId);
    const rows = await this.table.query(odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}`);
    return rows.map((e) => fromChunks<T>(e));
  }

  async getRow<T>(dossierId: string, kind: Exclude<Kind, 'audit'>, id: string): Promise<T | undefined> {
    const e = await this.table.get(this.pk(dossierId), DossierStore.rowKey(kind, id));
    return e && fromChunks<T>(e);
  }

  async history(dossierId: string): Promise<DossierHistory | undefined> {
    const pk = this.pk(dossierId);
    const rows = await this.table.query(odata`PartitionKey eq ${pk}`);
    const h: Omit<DossierHistory, 'dossier'> & { dossier?: Dossier } = {
      signals: [],
      visits: [],
      contactLog: [],
      informationRequests: [],
      audit: [],
    };
    for (const e of rows) {
      const kind = e.rowKey.split('|')[0];
      if (kind === DOSSIER_ROW) h.dossier = fromChunks<Dossier>(e);
      else if (kind === 'signal') h.signals.push(fromChunks<Signal>(e));
      else if (kind === 'visit') h.visits.push(fromChunks<Visit>(e));
      else if (kind === 'contact') h.contactLog.push(fromChunks<ContactLogEntry>(e));
      else if (kind === 'inforeq') h.informationRequests.push(fromChunks<InformationRequest>(e));
      else if (kind === 'audit') h.audit.push(fromChunks<AuditEntry>(e)); // RowKey order = append order
    }
    if (!h.dossier) return undefined;
    h.signals.sort(byTime((s) => s.raisedAt));
    h.visits.sort(byTime((v) => v.heldOn ?? v.plannedOn));
    h.contactLog.sort(byTime((c) => c.date));
    h.informationRequests.sort(byTime((r) => r.askedAt));
    return h as DossierHistory;
  }

  // ------------------------------------------------------------------------------------------
  // Writes

  /**
   * The one write path of a dossier partition: stage (reads + pure decisions), note the pending
   * copies, commit in one transaction (retried from the reads on a clash), then write the copies.
   * `copies`: the write certainly has copies to derive, so the marker is written alongside the
   * first read instead of between read and commit (a shorter window for clashes).
   */
  async commit<T>(
    dossierId: string,
    what: string,
    stage: () => Promise<Staged<T>>,
    options: { copies?: boolean; serialKey?: string } = {},
  ): Promise<T> {
    let marker: Promise<string> | undefined = options.copies ? this.writeMarker(dossierId) : undefined;
    let committed: Staged<T> | undefined;
    // Read-mutate-write of one record waits for its turn in this process (KeyedQueue), up to the
    // commit; the copies are written after the turn is passed on.
    const serial = <R>(task: () => Promise<R>) => (options.serialKey ? this.ctx.queue.run(options.serialKey, task) : task());
    try {
      committed = await serial(() => withRetry(this.ctx.retry, this.ctx.log, what, async () => {
        const staged = await stage();
        if (!marker && hasDerived(staged.derived)) marker = this.writeMarker(dossierId);
        await marker; // durable before the commit, so a crash after the commit leaves it behind
        try {
          await this.table.submit(staged.actions);
        } catch (err) {
          if (staged.existsMessage && statusOf(err) === 409) throw new DomainError('conflict', staged.existsMessage);
          throw err;
        }
        return staged;
      }));
    } catch (err) {
      // Nothing was written: the marker has nothing to announce.
      if (marker) await marker.then((rk) => this.index.delete(PENDING_PK, rk)).catch(() => undefined);
      throw err;
    }
    if (marker) await this.syncAfterCommit(dossierId, committed.derived, await marker);
    return committed.result;
  }

  /** Written before the commit, removed after the copies: a crash in between leaves it for repair. */
  private writeMarker(dossierId: string): Promise<string> {
    const rowKey = joinKey(encodePart(this.landlordId), encodePart(dossierId), randomBytes(8).toString('hex'));
    const written = this.index.insert({ partitionKey: PENDING_PK, rowKey, landlordId: this.landlordId, dossierId }).then(() => rowKey);
    written.catch(() => undefined); // awaited later; meanwhile a failure must not count as unhandled
    return written;
  }

  private async syncAfterCommit(dossierId: string, derived: Derived, markerRow: string): Promise<void> {
    try {
      await this.ctx.hooks.beforeDerivedSync?.(dossierId);
      if (await this.syncDerived(dossierId, derived)) await this.index.delete(PENDING_PK, markerRow);
    } catch (err) {
      // The write itself succeeded; the copies are repaired later from the marker.
      this.ctx.log.warn({ dossierId, error: (err as Error).name }, 'dossier copies not written: left for repair');
    }
  }

  /** Writes every copy; answers false when one could not be written (the marker then stays). */
  private async syncDerived(dossierId: string, derived: Derived): Promise<boolean> {
    const writes: Promise<boolean>[] = derived.signals.map((s) => this.index.upsert(this.signalCopy(s)).then(() => true));
    const d = derived.dossier;
    if (d) {
      // Read after the commit of revision d.rev, so they hold every visit up to that revision (each
      // visit write raises the revision); newer ones too at worst, which their own copies repeat.
      const visits = derived.visits ?? (await this.listKind<Visit>(dossierId, 'visit'));
      const dossierChars = asciiJson(d.dossier).length;
      const visible = partnersWithAccess(d.dossier);
      const copy = (pk: string, isVisible: boolean) => {
        const e = encode(pk, encodePart(d.dossier.id), d.dossier, { rev: d.rev, visible: isVisible, number: d.dossier.number, status: d.dossier.status });
        return isVisible ? withVisits(e, dossierChars, visits) : e; // a tombstone keeps no history
      };
      writes.push(this.writeIfNewer(copy(this.allPk(), true)));
      // Partners that lost access keep a tombstone (visible false): a late, older copy cannot revive them.
      for (const p of d.indexed) writes.push(this.writeIfNewer(copy(this.partnerPk(p), visible.includes(p))));
    }
    for (const { value, rev } of derived.requests) {
      const rowKey = DossierStore.rowKey('inforeq', value.id);
      writes.push(this.writeIfNewer(encode(this.feedPk(value.partnerId), rowKey, value, { rev, open: isOpenRequest(value) })));
      // R6: an organisation the request was handed over from keeps a closed copy (no reminder, no list).
      for (const from of new Set((value.handedOver ?? []).map((h) => h.fromPartnerId))) {
        if (from !== value.partnerId) writes.push(this.writeIfNewer(encode(this.feedPk(from), rowKey, value, { rev, open: false })));
      }
    }
    return (await Promise.all(writes)).every(Boolean);
  }

  /**
   * Copies only move forward: a writer that committed revision 5 but arrives after the copy of
   * revision 6 leaves it alone. Concurrent copy writers settle it with the copy's ETag.
   */
  private async writeIfNewer(entity: Entity): Promise<boolean> {
    const rev = revOf(entity);
    for (let i = 0; i < this.ctx.retry.attempts; i++) {
      const current = await this.index.get(entity.partitionKey, entity.rowKey);
      if (current && revOf(current) >= rev) return true;
      try {
        if (current) await this.index.replace(entity, current.etag);
        else await this.index.insert(entity);
        return true;
      } catch (err) {
        if (statusOf(err) !== 412 && statusOf(err) !== 409) throw err;
      }
    }
    return false;
  }

  private signalCopy(s: Signal): Entity {
    return encode(this.feedPk(s.partnerId), joinKey('signal', sortableInstant(s.raisedAt), encodePart(s.id)), s);
  }

  /** Re-derives every copy of one dossier from its partition (idempotent). */
  async resync(dossierId: string): Promise<boolean> {
    const pk = this.pk(dossierId);
    const visits: Visit[] = [];
    const derived: Derived = { ...noDerived(), visits };
    for (const e of await this.table.query(odata`PartitionKey eq ${pk}`)) {
      const kind = e.rowKey.split('|')[0];
      if (kind === DOSSIER_ROW) derived.dossier = readState(e);
      else if (kind === 'signal') derived.signals.push(fromChunks<Signal>(e));
      else if (kind === 'visit') visits.push(fromChunks<Visit>(e));
      else if (kind === 'inforeq') derived.requests.push({ value: fromChunks<InformationRequest>(e), rev: revOf(e) });
    }
    return this.syncDerived(dossierId, derived);
  }

  /**
   * Privacy purge: every record of the partition through its rewrite, in transactions of up to 100
   * (one partition), conditional on the ETag read; revisions move forward so the copies follow.
   */
  async rewriteHistory(dossierId: string, rewrite: HistoryRewrite): Promise<void> {
    const pk = this.pk(dossierId);
    const rows = await this.table.query(odata`PartitionKey eq ${pk}`);
    if (!rows.some((e) => e.rowKey === DOSSIER_ROW)) throw new DomainError('not-found', storeMessages.notFound.dossier);
    const byKind: Record<string, ((value: never) => unknown) | undefined> = {
      // Always: its revision must move for the copies (they carry the visits) to be rewritten.
      [DOSSIER_ROW]: rewrite.dossier ?? ((d: Dossier) => d),
      signal: rewrite.signal,
      visit: rewrite.visit,
      contact: rewrite.contact,
      inforeq: rewrite.request,
    };
    const actions: TransactionAction[] = [];
    for (const e of rows) {
      const change = byKind[e.rowKey.split('|')[0] ?? ''];
      if (!change) continue;
      const next = change(fromChunks<never>(e));
      // Keep the scalar properties beside the JSON (revision, copies' bookkeeping), revision + 1.
      const kept = Object.fromEntries(
        Object.entries(e).filter(([k]) => !/^j\d+$|^jn$|^etag$|^timestamp$|^partitionKey$|^rowKey$/.test(k)),
      ) as Record<string, string | number | boolean>;
      if ('rev' in kept) kept.rev = revOf(e) + 1;
      actions.push(['update', encode(pk, e.rowKey, next, kept), 'Replace', { etag: e.etag }]);
    }
    for (let i = 0; i < actions.length; i += 100) await this.table.submit(actions.slice(i, i + 100));
    await this.resync(dossierId);
  }

  // ------------------------------------------------------------------------------------------
  // Use-case writes

  async create(dossier: Dossier): Promise<Dossier> {
    if (dossier.landlordId !== this.landlordId) throw new Error('dossier of another landlord');
    const state: DossierState = { dossier, rev: 1, indexed: partnersWithAccess(dossier) };
    const entity = this.dossierEntity(state); // refuses a too large record before anything is written
    await this.claimNumber(dossier);
    return this.commit(dossier.id, 'dossier.create', async () => ({
      actions: [['create', entity]],
      derived: { ...noDerived(), dossier: state, visits: [] },
      result: dossier,
      existsMessage: storeMessages.exists.dossier,
    }), { copies: true });
  }

  /** Numbers are unique per landlord: a claim row, taken over only when it points to nothing. */
  private async claimNumber(d: Dossier): Promise<void> {
    const pk = this.numberPk();
    const rowKey = encodePart(d.number);
    try {
      await this.index.insert({ partitionKey: pk, rowKey, dossierId: d.id });
      return;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    const claim = await this.index.get(pk, rowKey);
    if (!claim || claim.dossierId === d.id) return;
    const holder = await this.get(String(claim.dossierId));
    if (holder?.number === d.number) throw new DomainError('conflict', storeMessages.dossierNumberTaken(d.number));
    try {
      await this.index.replace({ partitionKey: pk, rowKey, dossierId: d.id }, claim.etag);
    } catch (err) {
      if (statusOf(err) === 412) throw new DomainError('conflict', storeMessages.dossierNumberTaken(d.number));
      throw err;
    }
  }

  inDossier<T>(dossierId: string, work: (w: DossierWork) => T | Promise<T>): Promise<T> {
    return this.commit(dossierId, 'dossier.work', async () => {
      const e = await this.table.get(this.pk(dossierId), DOSSIER_ROW);
      if (!e) throw new DomainError('not-found', storeMessages.notFound.dossier);
      const w = new StagedDossierWork(this, readState(e), e);
      const result = await work(w);
      return { ...w.staged(), result };
    });
  }

  /** `update(mutate)`: a unit of work that certainly changes the dossier. */
  update(dossierId: string, mutate: (current: Dossier) => Dossier): Promise<Dossier> {
    return this.commit(
      dossierId,
      'dossier.update',
      async () => {
        const e = await this.table.get(this.pk(dossierId), DOSSIER_ROW);
        if (!e) throw new DomainError('not-found', storeMessages.notFound.dossier);
        const w = new StagedDossierWork(this, readState(e), e);
        const next = mutate(w.dossier);
        w.setDossier(next);
        return { ...w.staged(), result: next };
      },
      { copies: true, serialKey: this.serialKey(dossierId, DOSSIER_ROW) },
    );
  }

  private serialKey(dossierId: string, rowKey: string): string {
    return JSON.stringify(['dossiers', this.landlordId, dossierId, rowKey]);
  }

  /** A single new row in the partition (a fact: signal, contact, audit entry, new visit or request). */
  addRow<T>(dossierId: string, rowKey: string, value: T, derived: Derived, what: string): Promise<T> {
    return this.commit(dossierId, what, async () => ({
      actions: [['create', encode(this.pk(dossierId), rowKey, value, { rev: 1 })]],
      derived,
      result: value,
      existsMessage: storeMessages.exists.record,
    }));
  }

  /** Read-mutate-write of one history row (visit, information request). */
  updateRow<T extends { id: string; dossierId: string }>(
    dossierId: string,
    kind: 'visit' | 'inforeq',
    id: string,
    mutate: (current: T) => T,
    notFound: string,
  ): Promise<T> {
    const pk = this.pk(dossierId);
    const rowKey = DossierStore.rowKey(kind, id);
    // A visit write also rewrites the dossier row: queue behind the dossier's other writes.
    const serialKey = this.serialKey(dossierId, kind === 'visit' ? DOSSIER_ROW : rowKey);
    return this.commit(dossierId, kind + '.update', async () => {
      const e = await this.table.get(pk, rowKey);
      if (!e) throw new DomainError('not-found', notFound);
      const next = mutate(fromChunks<T>(e));
      if (next.id !== id || next.dossierId !== dossierId) throw new Error('id and dossierId are immutable');
      const rev = revOf(e) + 1;
      const derived = noDerived();
      const actions: TransactionAction[] = [['update', encode(pk, rowKey, next, { rev }), 'Replace', { etag: e.etag }]];
      if (kind === 'inforeq') derived.requests.push({ value: next as unknown as InformationRequest, rev });
      else {
        const touched = await this.touchDossier(dossierId);
        actions.push(touched.action);
        derived.dossier = touched.state;
      }
      return { actions, derived, result: next };
    }, { copies: true, serialKey });
  }

  /** A new visit, with the dossier row touched (see touchDossier). */
  addVisit(visit: Visit): Promise<Visit> {
    const pk = this.pk(visit.dossierId);
    return this.commit(visit.dossierId, 'visit.create', async () => {
      const touched = await this.touchDossier(visit.dossierId);
      return {
        actions: [['create', encode(pk, DossierStore.rowKey('visit', visit.id), visit, { rev: 1 })], touched.action],
        derived: { ...noDerived(), dossier: touched.state },
        result: visit,
        existsMessage: storeMessages.exists.record,
      };
    }, { copies: true, serialKey: this.serialKey(visit.dossierId, DOSSIER_ROW) });
  }

  /**
   * A visit write counts as a change of the dossier for its copies (they carry the visits, and only
   * move forward by revision): the dossier row is rewritten with revision + 1 in the same
   * transaction, conditional on its ETag, so visit writes and dossier writes are ordered by revision.
   */
  private async touchDossier(dossierId: string): Promise<{ action: TransactionAction; state: DossierState }> {
    const e = await this.table.get(this.pk(dossierId), DOSSIER_ROW);
    if (!e) throw new DomainError('not-found', storeMessages.notFound.dossier);
    const current = readState(e);
    const state: DossierState = { ...current, rev: current.rev + 1 };
    return { action: ['update', this.dossierEntity(state), 'Replace', { etag: e.etag }], state };
  }

  appendAudit(entry: AuditEntry & { dossierId: string }): Promise<AuditEntry> {
    const rowKey = joinKey('audit', sortableInstant(entry.at), appendSuffix());
    return this.addRow(entry.dossierId, rowKey, entry, noDerived(), 'audit.append');
  }

  addSignal(signal: Signal): Promise<Signal> {
    return this.addRow(signal.dossierId, DossierStore.rowKey('signal', signal.id), signal, { ...noDerived(), signals: [signal] }, 'signal.create');
  }

  addRequest(request: InformationRequest): Promise<InformationRequest> {
    const derived = { ...noDerived(), requests: [{ value: request, rev: 1 }] };
    return this.addRow(request.dossierId, DossierStore.rowKey('inforeq', request.id), request, derived, 'inforeq.create');
  }

  async listSignalsOfPartner(partnerId: string, since?: Instant): Promise<Signal[]> {
    const pk = this.feedPk(partnerId);
    const from = since ? joinKey('signal', sortableInstant(since)) : 'signal|';
    const to = rangeEnd('signal');
    return (await this.index.query(odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}`)).map((e) => fromChunks<Signal>(e));
  }

  async listRequestsOfPartner(partnerId: string, openOnly: boolean): Promise<InformationRequest[]> {
    const pk = this.feedPk(partnerId);
    const { from, to } = range('inforeq');
    const filter = openOnly
      ? odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to} and open eq ${true}`
      : odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}`;
    return (await this.index.query(filter)).map((e) => fromChunks<InformationRequest>(e)).sort(byTime((r) => r.askedAt));
  }

  /** For the unit of work: a row's state with its ETag. */
  async readRow(dossierId: string, rowKey: string): Promise<StoredEntity | undefined> {
    return this.table.get(this.pk(dossierId), rowKey);
  }

  newDossierEntity(s: DossierState): Entity {
    return this.dossierEntity(s);
  }
}
