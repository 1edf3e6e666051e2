/**
 * R2, R19: ends a running trajectory positively. The rule decides from the dossier's visits (the
 * final evaluation of the current round, with the worker present, the whole home inspected and no
 * serious defects); this use case gathers them.
 */
import { closePositively } from '../rules/trajectory';
import type { IsoDate } from '../rules/types';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, loadAuthorized, type DossierChange } from './dossier-access';
import { optionalDate, requireInput } from './validate';

export interface CloseTrajectoryInput {
  dossierId: string;
  /** Default: today. */
  date?: IsoDate;
}

export async function closeTrajectory(ctx: ServiceContext, input: CloseTrajectoryInput): Promise<DossierChange> {
  requireInput(input);
  const date = optionalDate(input.date, 'date') ?? todayOf(ctx);
  const loaded = await loadAuthorized(ctx, input.dossierId, 'dossier.close');
  const visits = await ctx.ports.visits.listByDossier(loaded.id);
  return changeDossier(ctx, loaded.id, {
    action: 'dossier.close',
    audit: 'trajectory.close',
    apply: (dossier) =>
      dossier.status === 'closed-positive' && dossier.closedOn === date ? dossier : closePositively(dossier, date, { visits, calendar: ctx.calendar }),
    details: () => ({ closedOn: date, outcome: 'closed-positive' }),
  });
}
