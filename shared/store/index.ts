/**
 * The Azure Table implementation of the storage ports (shared/services/ports.ts). Partition design:
 * README.md next to this file.
 */
import { odata } from '@azure/data-tables';
import type { AuditEntry, ContactLogEntry, InformationRequest, Signal, Visit } from '../rules/types';
import type { AuditLog, LandlordPorts, StorePorts } from '../services/ports';
import { storeMessages } from '../messages/store';
import { fromChunks, encode } from './codec';
import { appendSuffix, assertMonth, encodePart, joinKey, rangeEnd, sortableInstant } from './keys';
import { KeyedQueue, Table, type RetryPolicy, type StoreLogger } from './table';
import { TABLES, type StoreContext, type StoreHooks, type TableName } from './context';
import { tableClients, type ClientOptions, type Connection } from './connection';
import { byTime, DossierStore, PENDING_PK } from './dossier-store';
import { ConsultationStore } from './consultation-store';
import { OnceStore } from './once-store';
import { DirectoryCache } from './directory-cache';
import { coalesceRead, readRowKey } from './audit-reads';
import {
  absenceRepository,
  conversationRepository,
  landlordRepository,
  partnerRepository,
  userRepository,
} from './directory-store';

export { connectionFromEnv, startAzurite, type Connection, type RunningAzurite } from './connection';
export { partnersWithAccess } from './dossier-store';
export { DIRECTORY_CACHE_MS } from './directory-cache';

export interface StoreOptions extends ClientOptions {
  connection: Connection;
  /** Letters and digits, starting with a letter: isolates tests (each file its own prefix). */
  tablePrefix?: string;
  /** Optimistic-concurrency retries of our own writes (412/409). */
  retry?: Partial<RetryPolicy>;
  logger?: StoreLogger;
  hooks?: StoreHooks;
  /** Keep landlords, partners and users this long in this process (DIRECTORY_CACHE_MS for the server; default 0: off). */
  directoryCacheMs?: number;
}

export interface Store extends StorePorts {
  /** HTTP requests sent to storage since creation (retries included): for benchmarks. */
  requestCount(): number;
}

/**
 * Within one instance, writes to one record queue up; between instances the ETag decides. The loser
 * retries after a backoff while the winner's queue goes on at once, so the budget (~2 s) must outlast
 * a queue of writes on a busy machine: a click of one partner never fails because another was busy.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, baseDelayMs: 10, maxDelayMs: 400 };

const silent: StoreLogger = { warn: () => undefined, debug: () => undefined };

/** Creates the tables when missing (idempotent) and answers the store. */
export async function createStore(options: StoreOptions): Promise<Store> {
  const prefix = options.tablePrefix ?? '';
  if (prefix && !/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(prefix)) throw new Error('tablePrefix: letters and digits, starting with a letter');
  let requests = 0;
  const client = tableClients(options.connection, {
    ...options,
    onRequest: (request) => {
      requests++;
      options.onRequest?.(request);
    },
  });
  const log = options.logger ?? silent;
  const tables = Object.fromEntries(TABLES.map((name) => [name, new Table(client(prefix + name), log)])) as Record<TableName, Table>;
  await Promise.all(Object.values(tables).map((t) => t.create()));

  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const ctx: StoreContext = { tables, log, retry, hooks: options.hooks ?? {}, queue: new KeyedQueue(), directory: new DirectoryCache(options.directoryCacheMs ?? 0) };
  const once = new OnceStore(tables.once);

  return {
    landlords: landlordRepository(ctx),
    users: userRepository(ctx),
    exactlyOnce: once,
    forLandlord: (landlordId) => landlordPorts(ctx, landlordId),
    ping: async () => {
      await tables.landlords.get('ping', 'ping'); // a 404 is an answer: storage is up
    },
    repairPending: (now, graceMs = 60_000) => repairPending(ctx, now, graceMs),
    requestCount: () => requests,
  };
}

function landlordPorts(ctx: StoreContext, landlordId: string): LandlordPorts {
  encodePart(landlordId); // refuse an empty id early
  const d = new DossierStore(ctx, landlordId);
  const c = new ConsultationStore(ctx, landlordId);
  const m = storeMessages.notFound;

  return {
    landlordId,
    partners: partnerRepository(ctx, landlordId),
    dossiers: {
      get: (id) => d.get(id),
      getByNumber: (number) => d.getByNumber(number),
      listForPartner: (partnerId) => d.listForPartner(partnerId),
      listForPartnerWithVisits: (partnerId) => d.listForPartnerWithVisits(partnerId),
      listAll: () => d.listAll(),
      create: (dossier) => d.create(dossier),
      update: (id, mutate) => d.update(id, mutate),
      history: (id) => d.history(id),
      rewriteHistory: (id, rewrite) => d.rewriteHistory(id, rewrite),
    },
    signals: {
      create: (s) => d.addSignal(s),
      get: (dossierId, id) => d.getRow(dossierId, 'signal', id),
      listByDossier: async (dossierId) => (await d.listKind<Signal>(dossierId, 'signal')).sort(byTime((s) => s.raisedAt)),
      listByPartner: (partnerId, options = {}) => d.listSignalsOfPartner(partnerId, options.since),
    },
    flags: c.flags,
    visits: {
      create: (v) => d.addVisit(v),
      get: (dossierId, id) => d.getRow(dossierId, 'visit', id),
      update: (dossierId, id, mutate) => d.updateRow(dossierId, 'visit', id, mutate, m.visit),
      listByDossier: async (dossierId) => (await d.listKind<Visit>(dossierId, 'visit')).sort(byTime((v) => v.heldOn ?? v.plannedOn)),
    },
    consultations: c.consultations,
    informationRequests: {
      create: (r) => d.addRequest(r),
      get: (dossierId, id) => d.getRow(dossierId, 'inforeq', id),
      update: (dossierId, id, mutate) => d.updateRow(dossierId, 'inforeq', id, mutate, m.informationRequest),
      listByDossier: async (dossierId) =>
        (await d.listKind<InformationRequest>(dossierId, 'inforeq')).sort(byTime((r) => r.askedAt)),
      listByPartner: (partnerId, options = {}) => d.listRequestsOfPartner(partnerId, options.openOnly === true),
    },
    contactLog: {
      add: (e) => d.addRow(e.dossierId, DossierStore.rowKey('contact', e.id), e, { signals: [], requests: [] }, 'contact.add'),
      listByDossier: async (dossierId) => (await d.listKind<ContactLogEntry>(dossierId, 'contact')).sort(byTime((e) => e.date)),
    },
    absences: absenceRepository(ctx, landlordId),
    conversations: conversationRepository(ctx, landlordId),
    audit: auditLog(ctx, landlordId, d),
    unitOfWork: {
      inDossier: (dossierId, work) => d.inDossier(dossierId, work),
      inConsultation: (partnerId, month, work) => c.inConsultation(partnerId, month, work),
    },
  };
}

/**
 * Audit entries of a dossier go into its partition (with the change they record, in one
 * transaction when written through the unit of work); the others into `audit`, per landlord and month.
 */
function auditLog(ctx: StoreContext, landlordId: string, d: DossierStore): AuditLog {
  const table = ctx.tables.audit;
  const pk = (month: string) => joinKey(encodePart(landlordId), assertMonth(month));
  return {
    append: async (entry: AuditEntry) => {
      if (entry.dossierId) {
        await d.appendAudit({ ...entry, dossierId: entry.dossierId });
        return;
      }
      // The month as written in the instant (local time when the instant carries the Brussels offset).
      const rowKey = joinKey(sortableInstant(entry.at), appendSuffix());
      await table.insert(encode(pk(entry.at.slice(0, 7)), rowKey, entry));
    },
    appendRead: async (entry, windowMs) => {
      if (windowMs <= 0) await d.appendAudit(entry);
      else await coalesceRead(ctx, ctx.tables.dossiers, d.pk(entry.dossierId), readRowKey(['audit'], entry, windowMs), entry);
    },
    // By time: a window's read row is keyed by the window's start, the others by their moment (stable sort).
    listByDossier: async (dossierId) => (await d.listKind<AuditEntry>(dossierId, 'audit')).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    listWithoutDossier: async (month, options = {}) => {
      const key = pk(month);
      // One moment: its RowKey range (the time comes first), not the whole month's log.
      const moment = options.at === undefined ? undefined : `${sortableInstant(options.at)}|`;
      const filter = moment ? odata`PartitionKey eq ${key} and RowKey ge ${moment} and RowKey lt ${rangeEnd(moment)}` : odata`PartitionKey eq ${key}`;
      return (await table.query(filter)).map((e) => fromChunks<AuditEntry>(e));
    },
  };
}

/** Re-derives the copies of dossiers whose writes left a pending marker older than the grace period. */
async function repairPending(ctx: StoreContext, now: string, graceMs: number): Promise<number> {
  const before = new Date(Date.parse(now) - graceMs);
  const index = ctx.tables.dossierindex;
  const markers = await index.query(odata`PartitionKey eq ${PENDING_PK} and Timestamp lt ${before}`);
  const byDossier = new Map<string, typeof markers>();
  for (const mk of markers) {
    const key = JSON.stringify([mk.landlordId, mk.dossierId]);
    byDossier.set(key, [...(byDossier.get(key) ?? []), mk]);
  }
  let repaired = 0;
  for (const [key, rows] of byDossier) {
    const [landlordId, dossierId] = JSON.parse(key) as [string, string];
    if (!(await new DossierStore(ctx, landlordId).resync(dossierId))) continue; // still moving: next run
    await Promise.all(rows.map((r) => index.delete(PENDING_PK, r.rowKey, r.etag)));
    ctx.log.debug({ dossierId }, 'dossier copies repaired');
    repaired++;
  }
  return repaired;
}
