/**
 * The staged work of one `inDossier` attempt: reads guard the writes (ETags), and all writes of the
 * dossier's partition go in one transaction; the copies are derived after the commit (dossier-store.ts).
 */
import type { TransactionAction } from '@azure/data-tables';
import { DomainError } from '../rules/errors';
import type { AuditEntry, ContactLogEntry, Dossier, InformationRequest, Signal, Visit } from '../rules/types';
import type { DossierWork } from '../services/ports';
import { storeMessages } from '../messages/store';
import { encode, fromChunks, revOf, type StoredEntity } from './codec';
import { appendSuffix, joinKey, sortableInstant } from './keys';
import type { DossierStore } from './dossier-store';
import { noDerived, partnersWithAccess, rowKeyOf, type Derived, type DossierState } from './dossier-entities';

/** Collects the writes of one attempt of `inDossier`; see DossierWork in ports.ts. */
export class StagedDossierWork implements DossierWork {
  private readonly reads = new Map<string, { etag: string; rev: number } | null>();
  private readonly writes = new Map<string, TransactionAction>();
  private readonly derived = noDerived();
  private readonly storedJson: string;
  /** What setDossier staged (maybe unchanged: then only a guard). */
  private next: Dossier | undefined;
  private visitsChanged = false;
  readonly dossier: Dossier;

  constructor(
    private readonly store: DossierStore,
    private readonly state: DossierState,
    private readonly entity: StoredEntity,
  ) {
    this.dossier = state.dossier;
    this.storedJson = JSON.stringify(state.dossier);
  }

  private get id() {
    return this.state.dossier.id;
  }
  private get pk() {
    return this.store.pk(this.id);
  }

  setDossier(next: Dossier): void {
    const cur = this.state.dossier;
    if (next.id !== cur.id || next.landlordId !== cur.landlordId || next.number !== cur.number) {
      throw new Error('dossier id, landlord and number are immutable');
    }
    this.next = next;
  }

  /** The dossier row's write, if any, decided once all the work is staged. */
  private dossierWrite(): TransactionAction | undefined {
    const changed = this.next !== undefined && JSON.stringify(this.next) !== this.storedJson;
    // Unchanged: rewrite as is, which still makes the commit conditional on the dossier (a guard).
    if (!changed && !this.visitsChanged) {
      return this.next && ['update', this.store.newDossierEntity(this.state), 'Replace', { etag: this.entity.etag }];
    }
    // A visit change counts as a dossier change: a new revision, so its copies follow (touchDossier).
    const dossier = changed && this.next ? this.next : this.state.dossier;
    const s: DossierState = { dossier, rev: this.state.rev + 1, indexed: [...new Set([...this.state.indexed, ...partnersWithAccess(dossier)])] };
    this.derived.dossier = s;
    return ['update', this.store.newDossierEntity(s), 'Replace', { etag: this.entity.etag }];
  }

  private async read<T>(kind: 'visit' | 'inforeq', id: string): Promise<T | undefined> {
    const rowKey = rowKeyOf(kind, id);
    const e = await this.store.readRow(this.id, rowKey);
    this.reads.set(rowKey, e ? { etag: e.etag, rev: revOf(e) } : null);
    return e && fromChunks<T>(e);
  }

  private put(rowKey: string, value: unknown, extra: Record<string, string | number | boolean> = {}): number {
    const read = this.reads.get(rowKey);
    const rev = (read?.rev ?? 0) + 1;
    const entity = encode(this.pk, rowKey, value, { ...extra, rev });
    this.writes.set(rowKey, read ? ['update', entity, 'Replace', { etag: read.etag }] : ['create', entity]);
    return rev;
  }

  private own<T extends { dossierId: string }>(x: T): T {
    if (x.dossierId !== this.id) throw new Error('record of another dossier');
    return x;
  }

  getVisit(id: string) {
    return this.read<Visit>('visit', id);
  }
  putVisit(visit: Visit): void {
    this.put(rowKeyOf('visit', this.own(visit).id), visit);
    this.visitsChanged = true;
  }
  getInformationRequest(id: string) {
    return this.read<InformationRequest>('inforeq', id);
  }
  putInformationRequest(request: InformationRequest): void {
    const rev = this.put(rowKeyOf('inforeq', this.own(request).id), request);
    this.derived.requests = this.derived.requests.filter((r) => r.value.id !== request.id).concat({ value: request, rev });
  }
  addSignal(signal: Signal): void {
    this.put(rowKeyOf('signal', this.own(signal).id), signal);
    this.derived.signals.push(signal);
  }
  addContactLogEntry(entry: ContactLogEntry): void {
    this.put(rowKeyOf('contact', this.own(entry).id), entry);
  }
  appendAudit(entry: AuditEntry): void {
    this.put(joinKey('audit', sortableInstant(entry.at), appendSuffix()), { ...entry, dossierId: this.id });
  }

  staged(): { actions: TransactionAction[]; derived: Derived } {
    const dossier = this.dossierWrite();
    const actions = dossier ? [dossier, ...this.writes.values()] : [...this.writes.values()];
    if (actions.length > 100) throw new DomainError('validation', storeMessages.tooManyWrites);
    return { actions, derived: this.derived };
  }
}
