/** R1, R2: ratifies the lease once all three parties signed: the trajectory becomes active with its lease start. */
import { activate } from '../rules/trajectory';
import type { IsoDate } from '../rules/types';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { requireDate, requireInput } from './validate';

export interface ActivateTrajectoryInput {
  dossierId: string;
  leaseStart: IsoDate;
}

export async function activateTrajectory(ctx: ServiceContext, input: ActivateTrajectoryInput): Promise<DossierChange> {
  requireInput(input);
  const leaseStart = requireDate(input.leaseStart, 'leaseStart');
  const today = todayOf(ctx);
  return changeDossier(ctx, input.dossierId, {
    action: 'dossier.activate',
    audit: 'trajectory.activate',
    // A repeat (a second click) of the same start is answered with the dossier as it is.
    apply: (dossier) => (dossier.status !== 'candidacy' && dossier.leaseStart === leaseStart ? dossier : activate(dossier, leaseStart, today)),
    details: () => ({ leaseStart }),
  });
}
