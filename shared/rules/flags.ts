/**
 * Flagging a dossier for discussion at a partner's monthly consultation (R15, R13b), and withdrawing
 * the flag. Pure decisions: the service stores what they return.
 *
 * - R15: a flag is accepted until 00:00 (Brussels) on the meeting day. After that it is refused with
 *   the date of the next consultation ('deadline-passed', details `{ nextConsultation }`).
 * - R13b: every flag states the concrete problem, in short: required, trimmed, at most
 *   PROBLEM_MAX_LENGTH characters; line breaks and tabs become single spaces (a statement is one
 *   line on a card), any other control character or bidirectional override is refused (free-text.ts).
 * - DESIGN, Security: the partner whose consultation it is must see the dossier (registering or
 *   supporting partner, not handed over); otherwise 'not-found', the same error as for a dossier that
 *   does not exist (access.ts). Whether the USER may flag ('flag.create', 'flag.withdraw') is the
 *   service's `authorize` call, before this.
 * - A closed dossier (positively ended or stopped) cannot be flagged.
 * - R7: a problem statement shares information about the tenant, so a dossier is flagged only while
 *   the tenant's consent is in force ('forbidden', reason 'no-consent'); the Dutch reason points to the
 *   safety report (R9), which is never blocked.
 * - Idempotent: flagging a dossier that already has an active flag for that month returns the existing
 *   flag unchanged (outcome 'already-flagged'), whatever the new text says and even after the deadline
 *   (a retry of a flag that was accepted). The first statement stands and nobody's statement is
 *   silently overwritten; to change it, withdraw and flag again (a withdrawn flag is replaced).
 * - A flag can be withdrawn until the same deadline. [product] A flag the landlord set can only be
 *   withdrawn by the landlord.
 * - Without a month, a flag is for the next open consultation. [product] A month further ahead than
 *   FLAG_MONTHS_AHEAD after that one is refused (most likely a typing error).
 */
import { agendaMessages as msg } from '../messages/agenda';
import { trajectoryMessages } from '../messages/trajectory';
import { dossierNotFound } from './access';
import { assertInstant, isActiveFlag, isOpenDossier, partnerSeesDossier } from './agenda';
import { brusselsDate, flagDeadlinePassed, meetingPhase, monthCalendar, nextMonth, nextOpenConsultation, parseYearMonth, type CalendarConfig } from './calendar';
import { addDays } from './dates';
import { DomainError } from './errors';
import { checkFreeText, FREE_TEXT } from './free-text';
import { hasValidConsent } from './information';
import type { Dossier, Flag, Instant, YearMonth } from './types';

/** R13b: a short statement of the concrete problem (the limit lives in the one free-text table). */
export const PROBLEM_MAX_LENGTH = FREE_TEXT.problem.max;

/** [product] How many months after the next open consultation a flag may still be for. */
export const FLAG_MONTHS_AHEAD = 2;

/** R13b: the problem statement as stored: trimmed, on one line. Throws 'validation' in Dutch. */
export function normaliseProblem(problem: unknown): string {
  const check = checkFreeText(problem, 'problem');
  if (check.ok) return check.value;
  const fields = { fields: ['problem'] };
  switch (check.problem) {
    case 'missing':
      throw new DomainError('validation', msg.problemMissing, fields);
    case 'too-long':
      throw new DomainError('validation', msg.problemTooLong(check.max), { ...fields, max: check.max });
    default:
      throw new DomainError('validation', msg.problemInvalid, fields);
  }
}

/** R15: the month a flag made at `now` is for when none is given: the next open consultation. */
export const flagMonthAt = (now: Instant, config: CalendarConfig): YearMonth => nextOpenConsultation(assertInstant(now), config).month;

/** The active (not withdrawn) flag of a dossier for a partner's consultation of a month, if any. */
export const activeFlagOf = (flags: readonly Flag[], dossierId: string, partnerId: string, month: YearMonth): Flag | undefined =>
  flags.find((f) => f.dossierId === dossierId && f.partnerId === partnerId && f.month === month && isActiveFlag(f));

function assertPartnerSees(dossier: Dossier, partnerId: string): void {
  if (!partnerSeesDossier(dossier, partnerId)) throw dossierNotFound(); // the same answer as a missing id
}

/** R15: refuses when the consultation's flag deadline has passed, naming the next consultation. */
function assertFlagDeadlineOpen(month: YearMonth, now: Instant, config: CalendarConfig): void {
  const calendar = monthCalendar(month, config);
  if (calendar.cancelled) throw new DomainError('conflict', calendar.cancelled.description, { nextConsultation: calendar.cancelled.movedTo }); // R-H
  if (!flagDeadlinePassed(calendar, now)) return;
  const next = nextOpenConsultation(now, config);
  // After the meeting day the reason is that the meeting is over, not a deadline.
  const text = meetingPhase(calendar.meetingDate, now) === 'over' ? msg.flagMeetingOver(calendar.meetingDate, next.meetingDate) : msg.flagDeadlinePassed(calendar.meetingDate, addDays(calendar.meetingDate, -1), next.meetingDate);
  throw new DomainError('deadline-passed', text, {
    nextConsultation: next.meetingDate,
  });
}

/** [product] Not further ahead than FLAG_MONTHS_AHEAD months after the next open consultation. */
function assertNotTooFarAhead(month: YearMonth, now: Instant, config: CalendarConfig): void {
  const latest = nextMonth(nextOpenConsultation(now, config).month, FLAG_MONTHS_AHEAD);
  if (month > latest) throw new DomainError('validation', msg.flagMonthTooFarAhead(monthCalendar(latest, config).meetingDate), { fields: ['month'] });
}

export interface FlagRequest {
  dossier: Dossier;
  /** The partner whose consultation it is for; it must see the dossier. */
  partnerId: string;
  /** The consultation month; by default the next open consultation. */
  month?: YearMonth;
  /** R13b: short statement of the concrete problem. */
  problem: string;
  /** User id (Entra object id) of who flags. */
  flaggedBy: string;
  /** Where the flag came from; 'landlord' when the landlord flags it for the partner's consultation. */
  source: Flag['source'];
  now: Instant;
  /** The flags already recorded for this partner's consultation (withdrawn ones may be included). */
  existingFlags: readonly Flag[];
}

export type FlagDecision = { outcome: 'created'; flag: Flag } | { outcome: 'already-flagged'; flag: Flag };

/** R15/R13b: flag a dossier for discussion. See the file comment for the rules. */
export function decideFlag(request: FlagRequest, config: CalendarConfig): FlagDecision {
  const { dossier, partnerId, now } = request;
  assertInstant(now);
  assertPartnerSees(dossier, partnerId);
  const month = request.month === undefined ? flagMonthAt(now, config) : parseYearMonth(request.month);
  // Idempotent, also when a retry arrives after the deadline: the dossier is on the agenda.
  const existing = activeFlagOf(request.existingFlags, dossier.id, partnerId, month);
  if (existing) return { outcome: 'already-flagged', flag: existing };
  if (!isOpenDossier(dossier)) {
    throw new DomainError('conflict', msg.dossierClosed(trajectoryMessages.statusLabel[dossier.status] ?? dossier.status));
  }
  // R7: a problem statement tells the landlord (or the partner) about the tenant: only on consent.
  if (!hasValidConsent(dossier, brusselsDate(now))) {
    throw new DomainError('forbidden', msg.flagRefusedWithoutConsent(request.source === 'landlord'), { reason: 'no-consent' });
  }
  assertFlagDeadlineOpen(month, now, config);
  assertNotTooFarAhead(month, now, config);
  const problem = normaliseProblem(request.problem);
  return {
    outcome: 'created',
    flag: { dossierId: dossier.id, partnerId, month, problem, flaggedBy: request.flaggedBy, flaggedAt: now, source: request.source },
  };
}

export interface WithdrawFlagRequest {
  dossier: Dossier;
  partnerId: string;
  month: YearMonth;
  /** Who withdraws: [product] only the landlord withdraws a flag the landlord set. */
  withdrawnBy: 'partner' | 'landlord';
  now: Instant;
  existingFlags: readonly Flag[];
}

export type WithdrawFlagDecision = { outcome: 'withdrawn'; flag: Flag } | { outcome: 'already-withdrawn'; flag: Flag };

/** R15: a flag can be withdrawn until the flag deadline. Withdrawing twice answers the first withdrawal. */
export function decideWithdrawFlag(request: WithdrawFlagRequest, config: CalendarConfig): WithdrawFlagDecision {
  const { dossier, partnerId, now } = request;
  assertInstant(now);
  assertPartnerSees(dossier, partnerId);
  const month = parseYearMonth(request.month);
  const calendar = monthCalendar(month, config);

  const active = activeFlagOf(request.existingFlags, dossier.id, partnerId, month);
  if (!active) {
    const withdrawn = request.existingFlags.filter((f) => f.dossierId === dossier.id && f.partnerId === partnerId && f.month === month).at(-1);
    if (withdrawn) return { outcome: 'already-withdrawn', flag: withdrawn };
    throw new DomainError('not-found', msg.noFlagToWithdraw(calendar.meetingDate));
  }
  if (active.source === 'landlord' && request.withdrawnBy !== 'landlord') {
    throw new DomainError('forbidden', msg.landlordFlagNotWithdrawable);
  }
  if (flagDeadlinePassed(calendar, now)) {
    // On the meeting day the partner can still say it on the meeting; after it, that is over too.
    const text = meetingPhase(calendar.meetingDate, now) === 'over' ? msg.withdrawMeetingOver(calendar.meetingDate) : msg.withdrawDeadlinePassed(calendar.meetingDate);
    throw new DomainError('deadline-passed', text, { consultation: calendar.meetingDate });
  }
  return { outcome: 'withdrawn', flag: { ...active, withdrawnAt: now } };
}
