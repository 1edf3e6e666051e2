/**
 * Milestones of a trajectory (R11, R17, R19, R20): when each is due and, for the evaluations, the
 * consultation it belongs to.
 *
 * - R11: an accelerated-allocation (VT) trajectory is evaluated at lease start + 1, 4 and 10 months,
 *   at the first consultation held on or after that date.
 * - R17: the home visit at lease start + 3 months (every tenant).
 * - R19: the final evaluation at home at lease start + 12 months.
 * - R20: each extension ends with a new final evaluation at the new planned end.
 * Visits are planned by the landlord, not held at a consultation: their `consultation` is null.
 * A trajectory outside accelerated allocation ('other') has the visits but not the 1/4/10-month
 * evaluations, which R11 ties to accelerated allocation.
 */
import { consultationOnOrAfter, type CalendarConfig } from './calendar';
import { addMonths, parseIsoDate } from './dates';
import { DomainError } from './errors';
import { trajectoryTimingMessages as msg } from '../messages/milestones';
import type { IsoDate, MilestoneKind, TrajectoryKind } from './types';

export const SUPPORT_MONTHS = 12; // R2
export const EVALUATION_MONTHS = [1, 4, 10] as const; // R11
export const HOME_VISIT_MONTHS = 3; // R17
export const EXTENSION_STEP_MONTHS = 3; // R20

export interface Milestone {
  kind: MilestoneKind;
  due: IsoDate;
  /** Meeting date of the consultation it belongs to; null for home visits. */
  consultation: IsoDate | null;
  /** For final evaluations: 0 for the first, n after the n-th extension. */
  round?: number;
}

export interface MilestoneInput {
  leaseStart: IsoDate;
  /** Months of each extension, in order (R20). */
  extensions: readonly number[];
  kind?: TrajectoryKind;
}

/** R20: an extension is a positive multiple of 3 months. */
export function assertValidExtension(months: number): void {
  if (!Number.isInteger(months) || months <= 0 || months % EXTENSION_STEP_MONTHS !== 0) {
    throw new DomainError('validation', msg.extensionNotMultipleOfThree(String(months)));
  }
}

/** R2: lease start + 12 months + the sum of the extensions (calendar months, clamped). */
export function plannedEndOf(leaseStart: IsoDate, extensions: readonly number[]): IsoDate {
  const extra = extensions.reduce((sum, months) => sum + months, 0);
  return addMonths(leaseStart, SUPPORT_MONTHS + extra);
}

/**
 * R2/R20: the planned end right after the extension decided on `decidedOn` (the one a consultation's
 * conclusions name), or undefined when the dossier has no such extension (yet).
 */
export function plannedEndAfterExtension(
  dossier: { leaseStart?: IsoDate; extensions: readonly { months: number; decidedOn: IsoDate }[] },
  decidedOn: IsoDate,
  months: number,
): IsoDate | undefined {
  if (!dossier.leaseStart) return undefined;
  const index = dossier.extensions.findIndex((e) => e.decidedOn === decidedOn && e.months === months);
  if (index < 0) return undefined;
  return plannedEndOf(dossier.leaseStart, dossier.extensions.slice(0, index + 1).map((e) => e.months));
}

const evaluationKind = { 1: 'evaluation-1m', 4: 'evaluation-4m', 10: 'evaluation-10m' } as const;

export function milestones(input: MilestoneInput, config: CalendarConfig): Milestone[] {
  const leaseStart = parseIsoDate(input.leaseStart);
  input.extensions.forEach(assertValidExtension);

  const evaluation = (months: (typeof EVALUATION_MONTHS)[number]): Milestone => {
    const due = addMonths(leaseStart, months);
    return { kind: evaluationKind[months], due, consultation: consultationOnOrAfter(due, config).meetingDate };
  };
  const visit = (kind: MilestoneKind, due: IsoDate, round?: number): Milestone =>
    round === undefined ? { kind, due, consultation: null } : { kind, due, consultation: null, round };

  const list: Milestone[] = [];
  const isVT = (input.kind ?? 'VT') === 'VT';
  if (isVT) list.push(evaluation(1));
  list.push(visit('home-visit-3m', addMonths(leaseStart, HOME_VISIT_MONTHS)));
  if (isVT) list.push(evaluation(4), evaluation(10));
  for (let round = 0; round <= input.extensions.length; round++) {
    list.push(visit('final-evaluation', plannedEndOf(leaseStart, input.extensions.slice(0, round)), round));
  }
  return list;
}
