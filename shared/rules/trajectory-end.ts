/**
 * How a trajectory comes to an end (R2, R11, R19, R20), as pure rules on a dossier and its visits.
 *
 * - R19: a final evaluation counts only when held at home with the support worker present; one
 *   without the worker is kept as a visit, and a new final evaluation is to be planned.
 * - R2/R19: a trajectory ends positively only after the final evaluation of its current round (the
 *   one at its planned end: from one month before it [product], and after the last extension was
 *   decided), held with the worker present, with a finding for every part of the home (house,
 *   garden, terrace, garage) and without serious defects.
 * - R19: serious defects at a final evaluation keep the support going until the next consultation,
 *   which must decide how long it is extended. "The next consultation" is the first one after the
 *   day of the final evaluation: one recorded on a meeting day comes after that day's consultation.
 * - R2/R11/R20: an extension is decided from the consultation of the 10-month evaluation on (for
 *   every kind: the consultation where that evaluation would be), at a final evaluation, or while
 *   extended; not before. Stopping early, with a reason, stays possible at any time (trajectory.ts).
 */
import { trajectoryEndMessages as msg } from '../messages/trajectory-end';
import { consultationOnOrAfter, type CalendarConfig } from './calendar';
import { addDays, addMonths, latestDate } from './dates';
import { DomainError } from './errors';
import { plannedEndOf } from './milestones';
import type { Dossier, HomePart, IsoDate, Visit } from './types';

/** R17, R19: the parts of the home a full inspection covers ("inclusief tuin/terras/garage"). */
export const HOME_PARTS: readonly HomePart[] = ['house', 'garden', 'terrace', 'garage'];
/** R11: the evaluation from whose consultation on an extension can be decided (R20). */
export const EXTENSION_FROM_EVALUATION_MONTHS = 10;
/** [product] A final evaluation counts for the round from this many months before the planned end. */
export const FINAL_EVALUATION_EARLY_MONTHS = 1;

export type HeldVisit = Visit & { heldOn: IsoDate };

const isHeld = (v: Visit): v is HeldVisit => typeof v.heldOn === 'string' && v.heldOn !== '';

/** R19: a final evaluation held with the support worker present. */
export const isHeldFinalEvaluation = (v: Visit): v is HeldVisit => v.kind === 'final-evaluation' && isHeld(v) && v.supportWorkerPresent === true;

/** R19: recorded as a final evaluation, but the worker was not there: it counts as a visit only. */
export const isFinalEvaluationWithoutWorker = (v: Visit): v is HeldVisit =>
  v.kind === 'final-evaluation' && isHeld(v) && v.supportWorkerPresent !== true;

/** R19: the parts of the home the visit has no finding for. */
export const uninspectedParts = (v: Visit): HomePart[] => HOME_PARTS.filter((p) => !v.findings.some((f) => f.part === p));

const byHeldOn = (a: HeldVisit, b: HeldVisit): number => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id);

/** R2, R20: the planned end of the trajectory's current round (lease start + 12 months + extensions). */
function roundEnd(dossier: Dossier, leaseStart: IsoDate): IsoDate {
  return plannedEndOf(leaseStart, dossier.extensions.map((e) => e.months));
}

/**
 * R19, R20: the first day a final evaluation counts for the current round: a month before its planned
 * end, and the day after the last extension was decided (an evaluation that led to it belongs to the
 * previous round).
 */
export function finalEvaluationRoundStart(dossier: Dossier): IsoDate | undefined {
  if (!dossier.leaseStart) return undefined;
  const early = addMonths(roundEnd(dossier, dossier.leaseStart), -FINAL_EVALUATION_EARLY_MONTHS);
  const last = dossier.extensions[dossier.extensions.length - 1];
  return last ? latestDate(early, addDays(last.decidedOn, 1)) : early;
}

/** R19: the consultation that decides after a final evaluation: the first one after its day. */
export const decidingConsultation = (finalEvaluationOn: IsoDate, config: CalendarConfig): IsoDate =>
  consultationOnOrAfter(addDays(finalEvaluationOn, 1), config).meetingDate;

export interface PendingExtension {
  visitId: string;
  finalEvaluationOn: IsoDate;
  /** Meeting date of the consultation that must decide the extension. */
  consultation: IsoDate;
}

/**
 * R19: the latest final evaluation held before `before` found serious defects and no extension was
 * decided on or after its day (and before `before`): a consultation must decide how long support is
 * extended. `before` is a meeting day for an agenda or a consultation's conclusions, the day after
 * the closing date for a positive end.
 */
export function pendingExtension(dossier: Dossier, visits: readonly Visit[], before: IsoDate, config: CalendarConfig): PendingExtension | undefined {
  const latest = visits
    .filter((v) => v.dossierId === dossier.id && isHeldFinalEvaluation(v))
    .map((v) => v as HeldVisit)
    .filter((v) => v.heldOn < before)
    .sort(byHeldOn)
    .pop();
  if (!latest?.seriousDefects) return undefined;
  const decidedSince = dossier.extensions.some((e) => e.decidedOn >= latest.heldOn && e.decidedOn < before);
  if (decidedSince) return undefined;
  return { visitId: latest.id, finalEvaluationOn: latest.heldOn, consultation: decidingConsultation(latest.heldOn, config) };
}

/**
 * R2, R19: why the trajectory cannot end positively on `date`, in Dutch; undefined when it can.
 * Only the visits of this dossier held on or before `date` are considered.
 */
export function positiveEndProblem(dossier: Dossier, visits: readonly Visit[], date: IsoDate, config: CalendarConfig): string | undefined {
  const from = finalEvaluationRoundStart(dossier);
  if (!from) return undefined; // no lease start: trajectory.ts refuses with its own reason
  const mine = visits.filter((v): v is HeldVisit => v.dossierId === dossier.id && isHeld(v) && v.heldOn <= date);
  const pending = pendingExtension(dossier, mine, addDays(date, 1), config);
  if (pending) return msg.seriousDefectsMustExtend(pending.finalEvaluationOn, pending.consultation);
  const inRound = (v: HeldVisit) => v.heldOn >= from;
  const latest = mine.filter(isHeldFinalEvaluation).filter(inRound).sort(byHeldOn).pop();
  if (!latest) {
    const withoutWorker = mine.filter(isFinalEvaluationWithoutWorker).filter(inRound).sort(byHeldOn).pop();
    return withoutWorker ? msg.finalEvaluationWithoutWorker(withoutWorker.heldOn) : msg.noFinalEvaluation(from);
  }
  const missing = uninspectedParts(latest);
  if (missing.length > 0) return msg.homeNotFullyInspected(latest.heldOn, missing);
  if (latest.seriousDefects) return msg.seriousDefectsMustExtend(latest.heldOn, decidingConsultation(latest.heldOn, config));
  return undefined;
}

/** R2, R19: throws the reason why the trajectory cannot end positively on `date`. */
export function assertPositiveEndAllowed(dossier: Dossier, visits: readonly Visit[], date: IsoDate, config: CalendarConfig): void {
  const problem = positiveEndProblem(dossier, visits, date, config);
  if (problem) throw new DomainError('conflict', problem);
}

/**
 * R2, R11, R20: the first day an extension can be decided: the consultation of the 10-month
 * evaluation. Undefined while extended (R20's monthly discussion can extend again) or without lease.
 */
export function earliestExtensionDecision(dossier: Dossier, config: CalendarConfig): IsoDate | undefined {
  if (!dossier.leaseStart || dossier.status === 'extended') return undefined;
  return consultationOnOrAfter(addMonths(dossier.leaseStart, EXTENSION_FROM_EVALUATION_MONTHS), config).meetingDate;
}

/** R2, R20: throws when an extension decided on `decidedOn` comes too early. */
export function assertExtensionTiming(dossier: Dossier, decidedOn: IsoDate, config: CalendarConfig): void {
  const earliest = earliestExtensionDecision(dossier, config);
  if (earliest && decidedOn < earliest) throw new DomainError('conflict', msg.extensionTooEarly(earliest), { earliest });
}

/**
 * R19: what a consultation on `meetingDate` may decide for a dossier: after a final evaluation with
 * serious defects held before that day, an extension (or, R2, stopping early with a reason). Throws
 * the reason otherwise.
 */
export function assertConsultationDecision(
  dossier: Dossier,
  visits: readonly Visit[],
  decision: { kind: string },
  meetingDate: IsoDate,
  config: CalendarConfig,
): void {
  if (decision.kind === 'extend' || decision.kind === 'stop') return;
  const pending = pendingExtension(dossier, visits, meetingDate, config);
  if (!pending) return;
  if (decision.kind === 'end-positively') throw new DomainError('conflict', msg.consultationCannotEndPositively(dossier.number, pending.finalEvaluationOn));
  throw new DomainError('conflict', msg.consultationMustExtend(dossier.number, pending.finalEvaluationOn));
}
