/**
 * The life of a trajectory as pure state transitions on `Dossier` (R1, R2, R6, R19, R20).
 *
 *   from \ to   active     extended   closed-positive    stopped
 *   candidacy   activate   -          -                  stop
 *   active      -          extend     closePositively    stop
 *   extended    -          extend     closePositively    stop
 *   (closed-positive and stopped are final)
 *
 * Every function returns a NEW dossier and never mutates its input, or throws a DomainError with a
 * Dutch message. When nothing changes (an idempotent repeat) the input itself is returned, so a
 * service can skip the write with `next === dossier`. Time is an input (`today`, `date`); no clock.
 *
 * Transfers (R6) can run in any state that is not closed; at most one request is open at a time, and
 * the dossier always has a supporting partner that is not among its former partners.
 */
import { trajectoryMessages as msg } from '../messages/trajectory';
import { addMonths, isAfter, isBefore, isValidIsoDate, latestDate, parseIsoDate } from './dates';
import { DomainError } from './errors';
import { checkFreeText, isAbsentText, type FreeTextField } from './free-text';
import type { CalendarConfig } from './calendar';
import { assertValidExtension, plannedEndOf } from './milestones';
import { assertExtensionTiming, assertPositiveEndAllowed } from './trajectory-end';
import {
  SIGNATORIES,
  type Dossier,
  type IsoDate,
  type ObligationDocuments,
  type Signatory,
  type TrajectoryKind,
  type TrajectoryStatus,
  type Transfer,
  type Visit,
} from './types';

/** [product] A lease start further ahead than this is taken for a typing error. */
export const LEASE_START_MAX_MONTHS_AHEAD = 12;

/** A trajectory still under way (not stopped, not closed): the one definition the code uses. */
export const OPEN_STATUSES: readonly TrajectoryStatus[] = ['candidacy', 'active', 'extended'];
/** An open trajectory with a lease: support is running (R2). */
export const RUNNING_STATUSES: readonly TrajectoryStatus[] = ['active', 'extended'];

// ---------------------------------------------------------------------------------------------
// Text validation

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type TextCheck = { ok: true; value: string } | { ok: false; problem: string };

/** Trims and checks a required text with the one free-text check, in this module's wording. */
function checkText(value: unknown, label: string, field: FreeTextField): TextCheck {
  const check = checkFreeText(value, field);
  if (check.ok) return check;
  const problem = {
    missing: msg.fieldMissing(label),
    'too-long': msg.fieldTooLong(label, check.max),
    'forbidden-character': msg.fieldForbiddenCharacter(label),
    'line-break': msg.fieldOneLine(label),
  }[check.problem];
  return { ok: false, problem };
}

function checkOptionalText(value: unknown, label: string, field: FreeTextField): TextCheck | undefined {
  return isAbsentText(value) ? undefined : checkText(value, label, field);
}

/** Collects problems of several fields, so a form can show them all at once. */
class Problems {
  readonly messages: string[] = [];
  readonly fields: string[] = [];

  take(field: string, check: TextCheck): string;
  take(field: string, check: TextCheck | undefined): string | undefined;
  take(field: string, check: TextCheck | undefined): string | undefined {
    if (!check) return undefined;
    if (check.ok) return check.value;
    this.add(field, check.problem);
    return '';
  }

  add(field: string, problem: string): void {
    this.fields.push(field);
    this.messages.push(problem);
  }

  throwIfAny(toMessage: (problems: readonly string[]) => string = msg.invalidInput): void {
    if (this.messages.length > 0) throw new DomainError('validation', toMessage(this.messages), { fields: this.fields });
  }
}

/** The support worker's name and optional e-mail address, or problems in `p`. */
function takeSupportWorker(p: Problems, worker: { name?: unknown; email?: unknown } | undefined): Dossier['supportWorker'] {
  const label = msg.fieldLabel;
  const name = p.take('supportWorker.name', checkText(worker?.name, label.supportWorkerName, 'supportWorkerName'));
  const email = p.take('supportWorker.email', checkOptionalText(worker?.email, label.supportWorkerEmail, 'email'));
  if (email && !EMAIL.test(email)) p.add('supportWorker.email', msg.fieldInvalid(label.supportWorkerEmail));
  return email ? { name, email } : { name };
}

function requireText(value: unknown, field: keyof typeof msg.fieldLabel, kind: FreeTextField): string {
  const problems = new Problems();
  const text = problems.take(field, checkText(value, msg.fieldLabel[field], kind));
  problems.throwIfAny();
  return text;
}

// ---------------------------------------------------------------------------------------------
// Queries

export const isClosed = (dossier: Dossier): boolean => !OPEN_STATUSES.includes(dossier.status);
export const isRunning = (dossier: Dossier): boolean => RUNNING_STATUSES.includes(dossier.status);
export const isOpenDossier = (dossier: Dossier): boolean => OPEN_STATUSES.includes(dossier.status);

/** R1: the parties whose signature on the "Bevestiging" is still missing, in a fixed order. */
export const missingSignatures = (dossier: Dossier): Signatory[] => SIGNATORIES.filter((s) => !dossier.signatures[s]);

/** R6: the transfer request that waits for the receiving partner, if any. */
export const openTransfer = (dossier: Dossier): Transfer | undefined => dossier.transfers.find((t) => t.status === 'requested');

/** R2: lease start + 12 months + the sum of the extensions; undefined while there is no lease start. */
export function plannedEnd(dossier: Dossier): IsoDate | undefined {
  if (!dossier.leaseStart) return undefined;
  return plannedEndOf(dossier.leaseStart, dossier.extensions.map((e) => e.months));
}

const statusLabel = (dossier: Dossier): string => msg.statusLabel[dossier.status] ?? dossier.status;

// ---------------------------------------------------------------------------------------------
// Candidacy

export interface CandidacyInput {
  /** Generated by the service. */
  id: string;
  landlordId: string;
  /** Human reference, e.g. "VT-2025-014", generated by the service. */
  number: string;
  kind: TrajectoryKind;
  tenant: { name: string; address?: string };
  registeringPartnerId: string;
  supportingPartnerId: string;
  supportWorker: { name: string; email?: string };
  documents?: ObligationDocuments;
}

const DOCUMENT_KEYS: readonly (keyof ObligationDocuments)[] = ['lease', 'toelichting', 'rio', 'huisdierenbeleid'];

/** A new trajectory, status 'candidacy' (R1). Validates every field and reports all problems at once. */
export function createCandidacy(input: CandidacyInput, today: IsoDate): Dossier {
  const createdOn = parseIsoDate(today);
  const label = msg.fieldLabel;
  const p = new Problems();
  const id = p.take('id', checkText(input?.id, label.id, 'id'));
  const landlordId = p.take('landlordId', checkText(input?.landlordId, label.landlordId, 'id'));
  const number = p.take('number', checkText(input?.number, label.number, 'dossierNumber'));
  if (input?.kind !== 'VT' && input?.kind !== 'other') p.add('kind', msg.fieldInvalid(label.kind));
  const tenantName = p.take('tenant.name', checkText(input?.tenant?.name, label.tenantName, 'tenantName'));
  const tenantAddress = p.take(
    'tenant.address',
    checkOptionalText(input?.tenant?.address, label.tenantAddress, 'tenantAddress'),
  );
  const registeringPartnerId = p.take(
    'registeringPartnerId',
    checkText(input?.registeringPartnerId, label.registeringPartnerId, 'id'),
  );
  const supportingPartnerId = p.take(
    'supportingPartnerId',
    checkText(input?.supportingPartnerId, label.supportingPartnerId, 'id'),
  );
  const supportWorker = takeSupportWorker(p, input?.supportWorker);
  // R3: the versions of the documents that define the tenant's obligations; an empty one is left out.
  const documents: ObligationDocuments = {};
  for (const key of DOCUMENT_KEYS) {
    const version = p.take('documents', checkOptionalText(input?.documents?.[key], label.documents, 'documentVersion'));
    if (version) documents[key] = version;
  }
  p.throwIfAny(msg.candidacyInvalid);

  return {
    id,
    landlordId,
    number,
    kind: input.kind,
    tenant: tenantAddress ? { name: tenantName, address: tenantAddress } : { name: tenantName },
    registeringPartnerId,
    supportingPartnerId,
    supportWorker,
    signatures: {},
    extensions: [],
    status: 'candidacy',
    formerPartnerIds: [],
    transfers: [],
    contactLogActive: false,
    documents,
    createdOn,
  };
}

// ---------------------------------------------------------------------------------------------
// R1 signatures and start

/**
 * R1: records that `signatory` signed the "Bevestiging van een begeleidingsovereenkomst" on `date`.
 * Only while a candidacy; never in the future; the same signatory and date again is a no-op; another
 * date for a party that already signed is a conflict.
 */
export function recordSignature(dossier: Dossier, signatory: Signatory, date: IsoDate, today: IsoDate): Dossier {
  if (!SIGNATORIES.includes(signatory)) throw new DomainError('validation', msg.unknownSignatory);
  parseIsoDate(date);
  parseIsoDate(today);
  const existing = dossier.signatures[signatory];
  if (existing === date) return dossier;
  if (dossier.status !== 'candidacy') throw new DomainError('conflict', msg.signOnlyInCandidacy(statusLabel(dossier)));
  if (existing) {
    throw new DomainError('conflict', msg.alreadySignedOtherDate(msg.signatoryLabel[signatory], existing), {
      signatory,
      signedOn: existing,
    });
  }
  if (isAfter(date, today)) throw new DomainError('validation', msg.signatureInFuture(today));
  return { ...dossier, signatures: { ...dossier.signatures, [signatory]: date } };
}

/**
 * R1: ratifies the lease: the trajectory becomes active with its lease start. Refused until all three
 * parties signed (the message names who is missing). The lease cannot start before the last signature,
 * nor [product] more than LEASE_START_MAX_MONTHS_AHEAD months after today.
 */
export function activate(dossier: Dossier, leaseStart: IsoDate, today: IsoDate): Dossier {
  parseIsoDate(leaseStart);
  parseIsoDate(today);
  if (dossier.status !== 'candidacy') throw new DomainError('conflict', msg.activateOnlyCandidacy(statusLabel(dossier)));
  const missing = missingSignatures(dossier);
  if (missing.length > 0) {
    throw new DomainError('conflict', msg.missingSignatures(missing.map((s) => msg.signatoryLabel[s])), { missing });
  }
  const [first, ...rest] = SIGNATORIES.map((s) => dossier.signatures[s] as IsoDate);
  const lastSignature = latestDate(first as IsoDate, ...rest);
  if (isBefore(leaseStart, lastSignature)) throw new DomainError('validation', msg.leaseStartBeforeSignatures(lastSignature));
  const latestStart = addMonths(today, LEASE_START_MAX_MONTHS_AHEAD);
  if (isAfter(leaseStart, latestStart)) throw new DomainError('validation', msg.leaseStartTooFarAhead(latestStart));
  return { ...dossier, leaseStart, status: 'active' };
}

// ---------------------------------------------------------------------------------------------
// R19, R20 extension and closing

function requireLeaseStart(dossier: Dossier): IsoDate {
  if (!dossier.leaseStart || !isValidIsoDate(dossier.leaseStart)) throw new DomainError('conflict', msg.missingLeaseStart);
  return dossier.leaseStart;
}

/** A decision on a running trajectory falls on or after the lease start and the previous extension. */
function assertDecisionDate(dossier: Dossier, date: IsoDate): void {
  parseIsoDate(date);
  const leaseStart = requireLeaseStart(dossier);
  if (isBefore(date, leaseStart)) throw new DomainError('validation', msg.decisionBeforeLeaseStart(leaseStart));
  const previous = dossier.extensions[dossier.extensions.length - 1];
  if (previous && isBefore(date, previous.decidedOn)) {
    throw new DomainError('validation', msg.decisionBeforePreviousExtension(previous.decidedOn));
  }
}

function assertNoOpenTransfer(dossier: Dossier): void {
  if (openTransfer(dossier)) throw new DomainError('conflict', msg.closingWithOpenTransfer);
}

/**
 * R20: extends a running trajectory by a positive multiple of 3 months; status becomes 'extended'.
 * R2: decided from the 10-month consultation on, or while extended (trajectory-end.ts).
 */
export function extend(dossier: Dossier, months: number, decidedOn: IsoDate, calendar: CalendarConfig): Dossier {
  if (!isRunning(dossier)) throw new DomainError('conflict', msg.extendOnlyWhenRunning(statusLabel(dossier)));
  assertValidExtension(months);
  assertDecisionDate(dossier, decidedOn);
  assertExtensionTiming(dossier, decidedOn, calendar);
  return { ...dossier, extensions: [...dossier.extensions, { months, decidedOn }], status: 'extended' };
}

/** What R19 looks at when a trajectory ends positively: the dossier's visits and the calendar. */
export interface PositiveClosureContext {
  visits: readonly Visit[];
  calendar: CalendarConfig;
}

/**
 * R2, R19: ends a running trajectory positively, only after the final evaluation of its current round
 * at home, with the support worker present, the whole home inspected and no serious defects
 * (trajectory-end.ts says why not, in Dutch).
 */
export function closePositively(dossier: Dossier, date: IsoDate, context: PositiveClosureContext): Dossier {
  if (!isRunning(dossier)) throw new DomainError('conflict', msg.closeOnlyWhenRunning(statusLabel(dossier)));
  assertNoOpenTransfer(dossier);
  assertDecisionDate(dossier, date);
  assertPositiveEndAllowed(dossier, context.visits, date, context.calendar);
  return { ...dossier, status: 'closed-positive', closedOn: date };
}

/** A stopped dossier keeps why. TODO(types.ts): `stopReason?: string` on Dossier. */
export type StoppedDossier = Dossier & { stopReason: string };

/** Stops a trajectory early (a candidacy that does not lead to a lease, or a running one). */
export function stop(dossier: Dossier, date: IsoDate, reason: string): StoppedDossier {
  if (isClosed(dossier)) throw new DomainError('conflict', msg.stopOnlyWhenOpen(statusLabel(dossier)));
  const stopReason = requireText(reason, 'reason', 'reason');
  assertNoOpenTransfer(dossier);
  if (isRunning(dossier)) assertDecisionDate(dossier, date);
  else parseIsoDate(date);
  return { ...dossier, status: 'stopped', closedOn: date, stopReason };
}

// ---------------------------------------------------------------------------------------------
// R6 transfer

/** Who asks for a transfer: a member of the current supporting partner. */
export interface TransferRequester {
  partnerId: string;
  /** Stored as `Transfer.requestedBy`. */
  userId: string;
}

/**
 * R6: the current supporting partner asks another organisation to take the trajectory over. Only the
 * supporting partner, not to itself, one open request at a time, and not on a closed trajectory.
 */
export function requestTransfer(
  dossier: Dossier,
  toPartnerId: string,
  requestedBy: TransferRequester,
  reason: string,
  today: IsoDate,
): Dossier {
  const requestedOn = parseIsoDate(today);
  if (isClosed(dossier)) throw new DomainError('conflict', msg.transferOfClosedTrajectory(statusLabel(dossier)));
  if (requestedBy?.partnerId !== dossier.supportingPartnerId) {
    throw new DomainError('forbidden', msg.transferOnlyBySupportingPartner);
  }
  const p = new Problems();
  const to = p.take('toPartnerId', checkText(toPartnerId, msg.fieldLabel.toPartnerId, 'id'));
  const userId = p.take('requestedBy', checkText(requestedBy.userId, msg.fieldLabel.requestedBy, 'id'));
  const why = p.take('reason', checkText(reason, msg.fieldLabel.reason, 'reason'));
  p.throwIfAny();
  if (to === dossier.supportingPartnerId) throw new DomainError('validation', msg.transferToSelf);
  if (openTransfer(dossier)) throw new DomainError('conflict', msg.transferAlreadyOpen);
  const transfer: Transfer = {
    fromPartnerId: dossier.supportingPartnerId,
    toPartnerId: to,
    requestedOn,
    requestedBy: userId,
    reason: why,
    status: 'requested',
  };
  return { ...dossier, transfers: [...dossier.transfers, transfer] };
}

/** The open request, checked to be decided by its receiving partner on or after the request date. */
function openTransferFor(dossier: Dossier, byPartnerId: string, today: IsoDate): Transfer {
  parseIsoDate(today);
  const open = openTransfer(dossier);
  if (!open) throw new DomainError('conflict', msg.noOpenTransfer);
  if (byPartnerId !== open.toPartnerId) throw new DomainError('forbidden', msg.transferOnlyByReceivingPartner);
  if (open.fromPartnerId !== dossier.supportingPartnerId) throw new DomainError('conflict', msg.transferOutOfDate);
  if (isBefore(today, open.requestedOn)) throw new DomainError('validation', msg.transferDecisionBeforeRequest(open.requestedOn));
  return open;
}

const decided = (dossier: Dossier, open: Transfer, status: 'accepted' | 'rejected', decidedOn: IsoDate): Transfer[] =>
  dossier.transfers.map((t) => (t === open ? { ...t, status, decidedOn } : t));

/**
 * R6: the receiving partner accepts: it becomes the supporting partner, the old one joins
 * `formerPartnerIds` (and so loses access), and the request stays in the history. A partner that
 * takes a dossier back leaves `formerPartnerIds`. Optionally names the new support worker.
 */
export function acceptTransfer(
  dossier: Dossier,
  byPartnerId: string,
  today: IsoDate,
  newSupportWorker?: { name: string; email?: string },
): Dossier {
  const open = openTransferFor(dossier, byPartnerId, today);
  let supportWorker = dossier.supportWorker;
  if (newSupportWorker) {
    const p = new Problems();
    supportWorker = takeSupportWorker(p, newSupportWorker);
    p.throwIfAny();
  }
  const others = dossier.formerPartnerIds.filter((id) => id !== open.toPartnerId && id !== open.fromPartnerId);
  const formerPartnerIds = [...others, open.fromPartnerId];
  return {
    ...dossier,
    supportingPartnerId: open.toPartnerId,
    formerPartnerIds,
    supportWorker,
    transfers: decided(dossier, open, 'accepted', today),
  };
}

/**
 * R6: the receiving partner declines, with a reason that the requesting organisation reads; the current
 * supporting partner stays responsible.
 */
export function rejectTransfer(dossier: Dossier, byPartnerId: string, today: IsoDate, reason: string): Dossier {
  const open = openTransferFor(dossier, byPartnerId, today);
  const refusalReason = requireText(reason, 'refusalReason', 'reason');
  return { ...dossier, transfers: dossier.transfers.map((t) => (t === open ? { ...t, status: 'rejected', decidedOn: today, refusalReason } : t)) };
}

/**
 * R6 [product]: the organisation that asked for the transfer takes its request back while the receiving
 * organisation has not decided; nothing changes hands. Only a member of the requesting (still supporting)
 * organisation, on or after the request date.
 */
export function cancelTransfer(dossier: Dossier, by: TransferRequester, today: IsoDate): Dossier {
  parseIsoDate(today);
  const open = openTransfer(dossier);
  if (!open) throw new DomainError('conflict', msg.noOpenTransfer);
  if (by?.partnerId !== open.fromPartnerId || by.partnerId !== dossier.supportingPartnerId) {
    throw new DomainError('forbidden', msg.transferCancelOnlyByRequester);
  }
  if (isBefore(today, open.requestedOn)) throw new DomainError('validation', msg.transferDecisionBeforeRequest(open.requestedOn));
  const cancelledBy = requireText(by.userId, 'requestedBy', 'id');
  return { ...dossier, transfers: dossier.transfers.map((t) => (t === open ? { ...t, status: 'cancelled', decidedOn: today, cancelledBy } : t)) };
}

// ---------------------------------------------------------------------------------------------
// What next

export type TrajectoryStep =
  | 'sign'
  | 'activate'
  | 'extend'
  | 'close-positively'
  | 'stop'
  | 'request-transfer'
  | 'decide-transfer';

/**
 * The steps the dossier's state allows next, in a stable order (for buttons and menus). Who may take
 * them is decided by `access.ts`; inputs (dates, R19 context) are checked when the step is taken.
 */
export function allowedSteps(dossier: Dossier): TrajectoryStep[] {
  if (isClosed(dossier)) return [];
  const transferOpen = openTransfer(dossier) !== undefined;
  const steps: TrajectoryStep[] = [];
  if (dossier.status === 'candidacy') {
    steps.push(missingSignatures(dossier).length > 0 ? 'sign' : 'activate');
  } else {
    steps.push('extend');
    if (!transferOpen) steps.push('close-positively');
  }
  if (!transferOpen) steps.push('stop');
  steps.push(transferOpen ? 'decide-transfer' : 'request-transfer');
  return steps;
}
