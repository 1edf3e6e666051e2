/**
 * Storage ports: what the use cases need from storage, in domain terms only (no Azure types). The
 * implementation is shared/store (Azure Table storage; Azurite locally); its partition design is in
 * shared/store/README.md.
 *
 * Conventions for every repository:
 * - `get` answers `undefined` for a missing record; the service decides what to tell the user (a
 *   record the user may not see answers the same as a missing one).
 * - `create` refuses a record that exists: DomainError 'conflict'.
 * - `update(key, mutate)` reads the record, applies the pure function `mutate` and writes the result
 *   only if nobody changed the record in between (ETag). On a clash it reads again and re-applies
 *   `mutate`, a bounded number of times, then DomainError 'conflict'. So `mutate` must be pure: it can
 *   run more than once. A missing record: DomainError 'not-found'.
 * - Storage down or throttling: DomainError 'unavailable' (Dutch message, shown as is).
 * - Lists are complete (all pages are read).
 */
import type {
  Absence,
  AuditEntry,
  Consultation,
  ContactLogEntry,
  ConversationLink,
  Dossier,
  Flag,
  InformationRequest,
  Instant,
  LandlordConfig,
  Partner,
  Signal,
  User,
  Visit,
  YearMonth,
} from '../rules/types';

/** A pure change of a stored record. Runs again when someone else wrote first. */
export type Mutate<T> = (current: T) => T;

/** Create-or-change: `current` is undefined when the record does not exist yet. */
export type Upsert<T> = (current: T | undefined) => T;

// ---------------------------------------------------------------------------------------------
// Global (not scoped to one landlord)

export interface LandlordRepository {
  get(id: string): Promise<LandlordConfig | undefined>;
  list(): Promise<LandlordConfig[]>;
  create(config: LandlordConfig): Promise<LandlordConfig>;
  update(id: string, mutate: Mutate<LandlordConfig>): Promise<LandlordConfig>;
}

/** Users by Entra tenant + object id: the first lookup of every request, before the landlord is known. */
export interface UserRepository {
  get(tenantId: string, objectId: string): Promise<User | undefined>;
  /** All users of one Entra tenant (one organisation). */
  listByTenant(tenantId: string): Promise<User[]>;
  /** All users of a landlord, across tenants: an admin screen, not a hot path. */
  listByLandlord(landlordId: string): Promise<User[]>;
  create(user: User): Promise<User>;
  update(tenantId: string, objectId: string, mutate: Mutate<User>): Promise<User>;
  remove(tenantId: string, objectId: string): Promise<void>;
}

export type OnceStatus = 'claimed' | 'done' | 'failed';

export interface OnceRecord {
  key: string;
  status: OnceStatus;
  /** How many times the key was claimed (1 + retries after failure or an expired lease). */
  attempts: number;
  claimedAt?: Instant;
  /** Whatever `markDone` stored (small JSON: ids, counts; never personal data). */
  result?: unknown;
  /** Why it failed: an error code, never personal data. */
  reason?: string;
}

export interface ClaimOptions {
  /** The moment of the claim; needed to recognise an expired lease. */
  now?: Instant;
  /** A claim older than this (and not done) may be taken over: its holder probably crashed. */
  leaseMs?: number;
  /** A failed key may be claimed again (a retry). */
  reclaimFailed?: boolean;
}

export type OnceOutcome<T> = { ran: true; result: T } | { ran: false; record: OnceRecord };

/**
 * Exactly-once keys for jobs and outgoing messages, safe across several server instances. A key
 * names the effect, e.g. `invitation|<landlord>|<partner>|2025-12` or `mail|<message id>`.
 */
export interface ExactlyOnce {
  /** Insert-if-absent: true for exactly one caller of a key, false for all others. */
  claim(key: string, options?: ClaimOptions): Promise<boolean>;
  markDone(key: string, result?: unknown): Promise<void>;
  markFailed(key: string, reason: string): Promise<void>;
  get(key: string): Promise<OnceRecord | undefined>;
  /** claim, run `effect`, then mark done (or failed and rethrow). Runs `effect` at most once per claim. */
  run<T>(key: string, effect: () => Promise<T>, options?: ClaimOptions): Promise<OnceOutcome<T>>;
}

// ---------------------------------------------------------------------------------------------
// Scoped to one landlord: every record below belongs to `LandlordPorts.landlordId`.

export interface PartnerRepository {
  get(id: string): Promise<Partner | undefined>;
  list(): Promise<Partner[]>;
  create(partner: Partner): Promise<Partner>;
  update(id: string, mutate: Mutate<Partner>): Promise<Partner>;
}

/** Everything recorded on one dossier, read in one go (one partition). Each list oldest first. */
export interface DossierHistory {
  dossier: Dossier;
  signals: Signal[];
  visits: Visit[];
  contactLog: ContactLogEntry[];
  informationRequests: InformationRequest[];
  audit: AuditEntry[];
}

/** A dossier from a partner's list, with its visits when the list's copy carries them (oldest first). */
export interface DossierWithVisits {
  dossier: Dossier;
  visits?: Visit[];
}

export interface DossierRepository {
  get(id: string): Promise<Dossier | undefined>;
  /** By the human reference ("VT-2025-014"), e.g. from an e-mail reply. */
  getByNumber(number: string): Promise<Dossier | undefined>;
  /**
   * The dossiers a partner may see: it is the supporting partner, or the registering partner and has
   * not handed the dossier over (R6). Ordered by number. Cost grows with this partner's dossiers only.
   */
  listForPartner(partnerId: string): Promise<Dossier[]>;
  /**
   * The same list, read in the same one request, with each dossier's visits (R17-R19) for the agenda.
   * Like the list itself the visits are a copy, current once the write's copies are written (or
   * repaired). `visits` is absent when the copy does not carry them (written before copies did):
   * read `visits.listByDossier` for that dossier.
   */
  listForPartnerWithVisits(partnerId: string): Promise<DossierWithVisits[]>;
  /** All dossiers of the landlord, ordered by number. */
  listAll(): Promise<Dossier[]>;
  /** Refuses a taken id or number ('conflict'). */
  create(dossier: Dossier): Promise<Dossier>;
  /** id, landlordId and number never change. */
  update(id: string, mutate: Mutate<Dossier>): Promise<Dossier>;
  history(id: string): Promise<DossierHistory | undefined>;
  /**
   * Rewrites every record of a dossier's history with pure functions (privacy purge): each chunk
   * of up to 100 records in one transaction, then the copies are derived again. Not a use-case path:
   * records are otherwise facts (signals are never changed).
   */
  rewriteHistory(id: string, rewrite: HistoryRewrite): Promise<void>;
}

/** Pure rewrites per kind of record in a dossier's history; a kind left out stays as it is. */
export interface HistoryRewrite {
  dossier?: (d: Dossier) => Dossier;
  signal?: (s: Signal) => Signal;
  visit?: (v: Visit) => Visit;
  contact?: (c: ContactLogEntry) => ContactLogEntry;
  request?: (r: InformationRequest) => InformationRequest;
}

export interface SignalRepository {
  /** Signals are facts: no update, no delete. */
  create(signal: Signal): Promise<Signal>;
  get(dossierId: string, id: string): Promise<Signal | undefined>;
  listByDossier(dossierId: string): Promise<Signal[]>;
  /** A partner's signals, oldest first, optionally those raised at or after `since` (R14). */
  listByPartner(partnerId: string, options?: { since?: Instant }): Promise<Signal[]>;
}

/** Flags live with the consultation they are for (partner + month). */
export interface FlagRepository {
  /** Refuses a second active flag of the same dossier for the same month ('conflict'); a withdrawn flag is replaced. */
  create(flag: Flag): Promise<Flag>;
  get(partnerId: string, month: YearMonth, dossierId: string): Promise<Flag | undefined>;
  /** Sets `withdrawnAt`; 'not-found' when there is no active flag. */
  withdraw(partnerId: string, month: YearMonth, dossierId: string, at: Instant): Promise<Flag>;
  list(partnerId: string, month: YearMonth, options?: { includeWithdrawn?: boolean }): Promise<Flag[]>;
}

export interface VisitRepository {
  /** A visit of a missing dossier: 'not-found'. Visit writes also refresh the dossier's list copies. */
  create(visit: Visit): Promise<Visit>;
  get(dossierId: string, id: string): Promise<Visit | undefined>;
  update(dossierId: string, id: string, mutate: Mutate<Visit>): Promise<Visit>;
  listByDossier(dossierId: string): Promise<Visit[]>;
}

export interface ConsultationRepository {
  get(partnerId: string, month: YearMonth): Promise<Consultation | undefined>;
  /** The consultation (if created yet) and all its flags, withdrawn ones included: one read. */
  getWithFlags(partnerId: string, month: YearMonth): Promise<{ consultation?: Consultation; flags: Flag[] }>;
  create(consultation: Consultation): Promise<Consultation>;
  update(partnerId: string, month: YearMonth, mutate: Mutate<Consultation>): Promise<Consultation>;
  /** A partner's consultations, oldest first, optionally within [from, to] (months, inclusive). */
  listByPartner(partnerId: string, options?: { from?: YearMonth; to?: YearMonth }): Promise<Consultation[]>;
}

export interface InformationRequestRepository {
  create(request: InformationRequest): Promise<InformationRequest>;
  get(dossierId: string, id: string): Promise<InformationRequest | undefined>;
  /** E.g. record the answer. */
  update(dossierId: string, id: string, mutate: Mutate<InformationRequest>): Promise<InformationRequest>;
  listByDossier(dossierId: string): Promise<InformationRequest[]>;
  /** A partner's requests, oldest first; `openOnly` for the unanswered ones (R10 reminders). */
  listByPartner(partnerId: string, options?: { openOnly?: boolean }): Promise<InformationRequest[]>;
}

export interface ContactLogRepository {
  add(entry: ContactLogEntry): Promise<ContactLogEntry>;
  /** Oldest first. */
  listByDossier(dossierId: string): Promise<ContactLogEntry[]>;
}

export interface AbsenceRepository {
  create(absence: Absence): Promise<Absence>;
  get(partnerId: string, id: string): Promise<Absence | undefined>;
  update(partnerId: string, id: string, mutate: Mutate<Absence>): Promise<Absence>;
  listByPartner(partnerId: string): Promise<Absence[]>;
}

export interface ConversationRepository {
  get(conversationId: string): Promise<ConversationLink | undefined>;
  /**
   * Create or change (the bot refreshes the reference; a coordinator links a partner). `known`: the
   * link as this process just read or saved it, which spares the store a read when nobody wrote since.
   */
  save(conversationId: string, change: Upsert<ConversationLink>, options?: { known?: ConversationLink }): Promise<ConversationLink>;
  remove(conversationId: string): Promise<void>;
  list(): Promise<ConversationLink[]>;
  listByPartner(partnerId: string): Promise<ConversationLink[]>;
  listAlertChannels(): Promise<ConversationLink[]>;
}

/** Append-only: there is no update and no delete. */
export interface AuditLog {
  /** Entries with a dossierId go to that dossier's history; others to the landlord's log of the month of `at`. */
  append(entry: AuditEntry): Promise<void>;
  /**
   * A read of a dossier (a disclosure): identical reads (same actor, action, basis, details) within
   * one window of `windowMs` are one entry whose `details.reads` counts them (`details.lastReadAt`:
   * the last one). windowMs 0: an entry per read. Listed at the moment of the window's first read;
   * entries of one same moment may list in any order.
   */
  appendRead(entry: AuditEntry & { dossierId: string }, windowMs: number): Promise<void>;
  /** Oldest first (by `at`, then by order of appending). */
  listByDossier(dossierId: string): Promise<AuditEntry[]>;
  /** Entries without a dossier, of one month, oldest first; with `at`, only those written for that moment. */
  listWithoutDossier(month: YearMonth, options?: { at?: Instant }): Promise<AuditEntry[]>;
}

// ---------------------------------------------------------------------------------------------
// Writes that hold together: one partition, one transaction, all or nothing.

/**
 * Staged writes to one dossier's partition. `dossier` is read fresh on every attempt; reads through
 * `getVisit`/`getInformationRequest` make a later `put` of the same record conditional on it being
 * unchanged. A `put` without a prior read creates (and fails if the record exists).
 */
export interface DossierWork {
  readonly dossier: Dossier;
  setDossier(next: Dossier): void;
  getVisit(id: string): Promise<Visit | undefined>;
  putVisit(visit: Visit): void;
  getInformationRequest(id: string): Promise<InformationRequest | undefined>;
  putInformationRequest(request: InformationRequest): void;
  addSignal(signal: Signal): void;
  addContactLogEntry(entry: ContactLogEntry): void;
  /** The entry's dossierId is set to this dossier. */
  appendAudit(entry: AuditEntry): void;
}

/** Staged writes to one partner's consultation of one month and its flags. */
export interface ConsultationWork {
  readonly consultation: Consultation | undefined;
  readonly flags: readonly Flag[];
  setConsultation(next: Consultation): void;
  putFlag(flag: Flag): void;
}

export interface UnitOfWork {
  /**
   * Runs `work`, then commits everything it staged in one transaction. When a record changed
   * meanwhile, nothing is written and `work` runs again on fresh data (bounded; then 'conflict').
   * `work` must only stage writes (no mail, no other I/O): it can run more than once. Its result
   * is returned after the commit. A missing dossier: 'not-found'. At most 100 writes.
   */
  inDossier<T>(dossierId: string, work: (w: DossierWork) => T | Promise<T>): Promise<T>;
  inConsultation<T>(partnerId: string, month: YearMonth, work: (w: ConsultationWork) => T | Promise<T>): Promise<T>;
}

/** Everything the use cases of one landlord need. */
export interface LandlordPorts {
  readonly landlordId: string;
  partners: PartnerRepository;
  dossiers: DossierRepository;
  signals: SignalRepository;
  flags: FlagRepository;
  visits: VisitRepository;
  consultations: ConsultationRepository;
  informationRequests: InformationRequestRepository;
  contactLog: ContactLogRepository;
  absences: AbsenceRepository;
  conversations: ConversationRepository;
  audit: AuditLog;
  unitOfWork: UnitOfWork;
}

export interface StorePorts {
  landlords: LandlordRepository;
  users: UserRepository;
  exactlyOnce: ExactlyOnce;
  forLandlord(landlordId: string): LandlordPorts;
  /** Health check: resolves when storage answers, else DomainError 'unavailable'. */
  ping(): Promise<void>;
  /**
   * Re-derives the copies (a partner's dossier list, a partner's signals and requests) of dossiers
   * whose write was interrupted before its copies were written. Idempotent; run it from a job.
   * Only writes older than `graceMs` (default 60 s) before `now` are repaired: younger ones may still
   * be in flight. Answers how many dossiers were repaired.
   */
  repairPending(now: Instant, graceMs?: number): Promise<number>;
}
