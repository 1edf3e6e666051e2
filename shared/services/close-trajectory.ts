/**
 * R19: ends a running trajectory positively. Refused while the latest final evaluation at home found
 * serious defects and no consultation has decided on the dossier since (support then continues at
 * least until that consultation); the rule decides, this use case gathers the facts it needs.
 */
import { monthOf } from '../rules/calendar';
import { closePositively, type PositiveClosureContext } from '../rules/trajectory';
import type { Dossier, IsoDate } from '../rules/types';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, loadAuthorized, type DossierChange } from './dossier-access';
import { optionalDate, requireInput } from './validate';

export interface CloseTrajectoryInput {
  dossierId: string;
  /** Default: today. */
  date?: IsoDate;
}

/** The facts R19 needs: the latest final evaluation held, and the consultations since. */
async function closureContext(ctx: ServiceContext, dossier: Dossier, date: IsoDate): Promise<PositiveClosureContext> {
  const finals = (await ctx.ports.visits.listByDossier(dossier.id))
    .filter((v) => v.kind === 'final-evaluation' && v.heldOn !== undefined && v.heldOn <= date)
    .sort((a, b) => (a.heldOn as string).localeCompare(b.heldOn as string));
  const latest = finals[finals.length - 1];
  if (!latest?.seriousDefects) return { finalEvaluationFoundSeriousDefects: false, consultationDecidedSince: false };
  const heldOn = latest.heldOn as IsoDate;
  const partners = [...new Set([dossier.supportingPartnerId, dossier.registeringPartnerId])];
  const consultations = (
    await Promise.all(partners.map((p) => ctx.ports.consultations.listByPartner(p, { from: monthOf(heldOn) })))
  ).flat();
  const decidedSince = consultations.some(
    (c) =>
      (c.status === 'conclusions-sent' || c.status === 'confirmed') &&
      c.meetingDate >= heldOn &&
      c.conclusions.some((conclusion) => conclusion.dossierId === dossier.id),
  );
  return { finalEvaluationFoundSeriousDefects: true, consultationDecidedSince: decidedSince };
}

export async function closeTrajectory(ctx: ServiceContext, input: CloseTrajectoryInput): Promise<DossierChange> {
  requireInput(input);
  const date = optionalDate(input.date, 'date') ?? todayOf(ctx);
  const loaded = await loadAuthorized(ctx, input.dossierId, 'dossier.close');
  const context = await closureContext(ctx, loaded, date);
  return changeDossier(ctx, loaded.id, {
    action: 'dossier.close',
    audit: 'trajectory.close',
    apply: (dossier) =>
      dossier.status === 'closed-positive' && dossier.closedOn === date ? dossier : closePositively(dossier, date, context),
    details: () => ({ closedOn: date, outcome: 'closed-positive' }),
  });
}
