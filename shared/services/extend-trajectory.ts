/**
 * R20: extends a running trajectory by a multiple of 3 months (usually after a final evaluation, R19);
 * R2: from the consultation of the 10-month evaluation on, or while extended.
 */
import { DomainError } from '../rules/errors';
import { extend } from '../rules/trajectory';
import type { Dossier, IsoDate } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { optionalDate, requireInput } from './validate';

export interface ExtendTrajectoryInput {
  dossierId: string;
  months: number;
  /** Default: today. */
  decidedOn?: IsoDate;
}

/**
 * The same extension decided on the same day is a repeat, not a second extension: each extension
 * ends with its own final evaluation (R20), so two on one day cannot both be meant.
 */
export const isSameExtension = (dossier: Dossier, months: number, decidedOn: IsoDate): boolean => {
  const last = dossier.extensions[dossier.extensions.length - 1];
  return dossier.status === 'extended' && last?.months === months && last.decidedOn === decidedOn;
};

export async function extendTrajectory(ctx: ServiceContext, input: ExtendTrajectoryInput): Promise<DossierChange> {
  requireInput(input);
  if (typeof input.months !== 'number') throw new DomainError('validation', msg.fieldMissing(msg.fieldLabel.months), { fields: ['months'] });
  const months = input.months;
  const decidedOn = optionalDate(input.decidedOn, 'date') ?? todayOf(ctx);
  return changeDossier(ctx, input.dossierId, {
    action: 'dossier.extend',
    audit: 'trajectory.extend',
    apply: (dossier) => (isSameExtension(dossier, months, decidedOn) ? dossier : extend(dossier, months, decidedOn, ctx.calendar)),
    details: (_before, after) => ({ months, decidedOn, extensions: after.extensions.length }),
  });
}
