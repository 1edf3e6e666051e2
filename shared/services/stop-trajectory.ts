/** Stops a trajectory early: a candidacy that does not lead to a lease, or a running trajectory. */
import { stop } from '../rules/trajectory';
import type { IsoDate } from '../rules/types';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { optionalDate, requireInput } from './validate';

export interface StopTrajectoryInput {
  dossierId: string;
  /** Why (stored on the dossier, never audited). */
  reason: string;
  /** Default: today. */
  date?: IsoDate;
}

export async function stopTrajectory(ctx: ServiceContext, input: StopTrajectoryInput): Promise<DossierChange> {
  requireInput(input);
  const date = optionalDate(input.date, 'date') ?? todayOf(ctx);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : input.reason;
  return changeDossier(ctx, input.dossierId, {
    action: 'dossier.close',
    audit: 'trajectory.stop',
    apply: (dossier) =>
      dossier.status === 'stopped' && dossier.closedOn === date && dossier.stopReason === reason ? dossier : stop(dossier, date, input.reason),
    details: () => ({ closedOn: date, outcome: 'stopped' }),
  });
}
