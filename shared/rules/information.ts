/**
 * Information between a support organisation and the landlord (R7-R10), as pure decisions.
 *
 * - R7: information about a tenant is shared only on the basis of the tenant's signed consent,
 *   recorded on the dossier. A consent counts from `givenOn` (inclusive) until `withdrawnOn`
 *   (exclusive: on the day of withdrawal nothing is shared any more).
 * - R8: a signal needs that consent; R9: a safety signal is never blocked, it then goes on the basis
 *   'safety-without-consent' (the audit log records it as basis 'safety').
 * - R10: an open information request is reminded after 5 working days; which days are working days
 *   is the calendar's business, passed in as a function.
 * - R7 [product]: when consent is withdrawn, open information requests lapse and flags for a
 *   consultation not yet held are withdrawn (the services tell the landlord and who set the flag).
 */
import { informationMessages as msg } from '../messages/information';
import { addDays, isAfter, isBefore, parseIsoDate } from './dates';
import { DomainError } from './errors';
import { FREE_TEXT, requireFreeText } from './free-text';
import { isClosed } from './trajectory';
import { consultationNotYetHeld, isOpenRequest } from './transfer';
import type { CalendarConfig } from './calendar';
import type { Dossier, Flag, InformationRequest, Instant, IsoDate, SignalCategory } from './types';

export const SIGNAL_CATEGORIES: readonly SignalCategory[] = [
  'insufficient-cooperation',
  'insufficient-results',
  'aggression',
  'liveability',
  'damage-risk',
  'safety',
  'other',
];

/** R7: the consent's description (the limit lives in the one free-text table). */
export const CONSENT_SCOPE_MAX_LENGTH = FREE_TEXT.consentScope.max;
/** R10 [product]: an open information request is reminded after this many working days. */
export const INFORMATION_REQUEST_REMINDER_WORKING_DAYS = 5;
/** A calendar without a working day in a year is a configuration error, not a reason to loop forever. */
const MAX_DAYS_SCANNED = 366;

export type SharingBasis = 'consent' | 'safety-without-consent';

export interface SignalDecision {
  allowed: true;
  basis: SharingBasis;
  /** R9: a safety signal reaches the landlord at once, whatever the time of day. */
  urgent: boolean;
}

export interface InformationDecision {
  allowed: true;
  basis: 'consent';
}

// ---------------------------------------------------------------------------------------------
// R7 consent

/** R7: the tenant's consent is in force on `on`. */
export function hasValidConsent(dossier: Dossier, on: IsoDate): boolean {
  parseIsoDate(on);
  const consent = dossier.consent;
  if (!consent) return false;
  if (isBefore(on, consent.givenOn)) return false;
  return !consent.withdrawnOn || isBefore(on, consent.withdrawnOn);
}

function checkScope(scope: unknown): string {
  return requireFreeText(scope, 'consentScope', '', 'scope', {
    missing: msg.consentScopeMissing,
    'too-long': msg.consentScopeTooLong(CONSENT_SCOPE_MAX_LENGTH),
    'forbidden-character': msg.consentScopeInvalid,
  });
}

/**
 * R7: records the tenant's signed consent (date, scope). A new declaration replaces the previous one
 * (the audit log keeps the history); after a withdrawal it cannot predate that withdrawal. Recording
 * the same consent again is a no-op. Not on a closed trajectory.
 */
export function recordConsent(dossier: Dossier, givenOn: IsoDate, scope: string, today: IsoDate): Dossier {
  parseIsoDate(givenOn);
  parseIsoDate(today);
  const text = checkScope(scope);
  const current = dossier.consent;
  if (current && !current.withdrawnOn && current.givenOn === givenOn && current.scope === text) return dossier;
  if (isClosed(dossier)) throw new DomainError('conflict', msg.consentOnClosedTrajectory);
  if (isAfter(givenOn, today)) throw new DomainError('validation', msg.consentDateInFuture(today));
  if (current?.withdrawnOn && isBefore(givenOn, current.withdrawnOn)) {
    throw new DomainError('validation', msg.consentBeforeWithdrawal(current.withdrawnOn));
  }
  return { ...dossier, consent: { givenOn, scope: text } };
}

/**
 * R7: the tenant withdraws consent from `withdrawnOn` on. Allowed in every status (it only restricts
 * sharing). Withdrawing again on the same date is a no-op; on another date a conflict.
 */
export function withdrawConsent(dossier: Dossier, withdrawnOn: IsoDate, today: IsoDate): Dossier {
  parseIsoDate(withdrawnOn);
  parseIsoDate(today);
  const current = dossier.consent;
  if (!current) throw new DomainError('conflict', msg.noConsentToWithdraw);
  if (current.withdrawnOn === withdrawnOn) return dossier;
  if (current.withdrawnOn) throw new DomainError('conflict', msg.consentAlreadyWithdrawn(current.withdrawnOn));
  if (isBefore(withdrawnOn, current.givenOn)) throw new DomainError('validation', msg.withdrawalBeforeConsent(current.givenOn));
  if (isAfter(withdrawnOn, today)) throw new DomainError('validation', msg.withdrawalInFuture(today));
  return { ...dossier, consent: { ...current, withdrawnOn } };
}

// ---------------------------------------------------------------------------------------------
// R7, R8, R9 signals

/**
 * May a signal of this category about this dossier be recorded and passed on, on `on`?
 * R9: a safety signal is always passed on (on consent when there is one, else 'safety-without-consent').
 * R7/R8: any other signal needs valid consent ('forbidden' otherwise) and a trajectory that is not closed.
 */
export function decideSignal(dossier: Dossier, category: SignalCategory, on: IsoDate): SignalDecision {
  if (!SIGNAL_CATEGORIES.includes(category)) throw new DomainError('validation', msg.unknownSignalCategory);
  const consent = hasValidConsent(dossier, on);
  if (category === 'safety') return { allowed: true, basis: consent ? 'consent' : 'safety-without-consent', urgent: true }; // R9
  if (isClosed(dossier)) throw new DomainError('conflict', msg.signalOnClosedTrajectory);
  if (!consent) throw new DomainError('forbidden', msg.signalRefusedWithoutConsent, { reason: 'no-consent' }); // R7
  return { allowed: true, basis: 'consent', urgent: false };
}

// ---------------------------------------------------------------------------------------------
// R7, R10 information requests

/** R7, R10: the landlord may ask about a trajectory that is not closed, on the basis of consent. */
export function checkInformationRequestAllowed(dossier: Dossier, on: IsoDate): InformationDecision {
  const consent = hasValidConsent(dossier, on);
  if (isClosed(dossier)) throw new DomainError('conflict', msg.requestOnClosedTrajectory);
  if (!consent) throw new DomainError('forbidden', msg.requestRefusedWithoutConsent, { reason: 'no-consent' });
  return { allowed: true, basis: 'consent' };
}

/** R7: an answer passes information too, so it needs consent in force when it is given. */
export function checkInformationAnswerAllowed(dossier: Dossier, on: IsoDate): InformationDecision {
  if (!hasValidConsent(dossier, on)) {
    throw new DomainError('forbidden', msg.answerRefusedWithoutConsent, { reason: 'no-consent' });
  }
  return { allowed: true, basis: 'consent' };
}

/**
 * R7 [product]: when the tenant withdraws consent, an open request lapses on the day of withdrawal:
 * it can no longer be answered and is not reminded. Anything else is returned as is (the same object).
 */
export const lapseRequest = (request: InformationRequest, withdrawnOn: IsoDate): InformationRequest =>
  isOpenRequest(request) ? { ...request, lapsedOn: parseIsoDate(withdrawnOn) } : request;

/**
 * R10 with R6: the day from which the 5 working days of an open request count: the day it was asked,
 * or the day it reached the organisation that must answer it now (after a transfer).
 */
export const reminderCountsFrom = (request: InformationRequest, askedOn: IsoDate): IsoDate => request.handedOver?.at(-1)?.on ?? askedOn;

/**
 * R7 [product]: when the tenant withdraws consent, a flag for a consultation not yet held (its problem
 * statement shares information about the tenant) is withdrawn, with the reason; undefined when the flag
 * stays (another dossier, withdrawn already, or its consultation was held).
 */
export function flagWithdrawnOnConsentWithdrawal(flag: Flag, dossierId: string, now: Instant, today: IsoDate, config: CalendarConfig): Flag | undefined {
  if (flag.dossierId !== dossierId || flag.withdrawnAt || !consultationNotYetHeld(flag.month, today, config)) return undefined;
  return { ...flag, withdrawnAt: now, withdrawnBecause: 'consent-withdrawn' };
}

/** R10: the day on which an unanswered request asked on `askedOn` is reminded: its 5th working day after. */
export function informationRequestReminderDate(askedOn: IsoDate, isWorkingDay: (date: IsoDate) => boolean): IsoDate {
  let day = parseIsoDate(askedOn);
  let left = INFORMATION_REQUEST_REMINDER_WORKING_DAYS;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned >= MAX_DAYS_SCANNED) throw new RangeError(`No working day within ${MAX_DAYS_SCANNED} days after ${askedOn}`);
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** R10: an open request is due for a reminder once 5 working days have passed since it was asked. */
export function informationRequestReminderDue(
  askedOn: IsoDate,
  answered: boolean,
  today: IsoDate,
  isWorkingDay: (date: IsoDate) => boolean,
): boolean {
  parseIsoDate(today);
  if (answered) return false;
  return !isBefore(today, informationRequestReminderDate(askedOn, isWorkingDay));
}
