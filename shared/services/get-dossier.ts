/**
 * A dossier's details for who may read it (DESIGN, Security): the dossier, its milestones (R11, R17,
 * R19, R20), its planned end (R2), the supporting organisation's general contact details for when
 * the support worker is away (R5), and the next steps this user may take. Every read is audited
 * (basis 'role') before anything is shown. A dossier the user may not see answers 'not-found', the
 * same as a missing id, and is not audited (nothing was shown).
 */
import { allowedDossierActions, type Action } from '../rules/access';
import { milestones, type Milestone } from '../rules/milestones';
import { allowedSteps, plannedEnd, type TrajectoryStep } from '../rules/trajectory';
import type { Dossier, IsoDate, PartnerContact } from '../rules/types';
import { auditEntry } from './audit';
import type { ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import { requireInput } from './validate';

export interface GetDossierInput {
  dossierId: string;
}

export interface DossierDetails {
  dossier: Dossier;
  milestones: Milestone[];
  plannedEnd?: IsoDate;
  /** R5: whom the tenant can reach when the support worker is away. */
  supportingPartner: { id: string; name: string; contact: PartnerContact } | undefined;
  /** The steps of the trajectory (trajectory.ts) that this user may take now. */
  nextSteps: TrajectoryStep[];
  /** Every dossier action of the access policy this user may take (menus, buttons). */
  actions: Action[];
}

/** Which access-policy action takes each step of the trajectory. */
const STEP_ACTION: Record<TrajectoryStep, Action> = {
  sign: 'dossier.sign',
  activate: 'dossier.activate',
  extend: 'dossier.extend',
  'close-positively': 'dossier.close',
  stop: 'dossier.close',
  'request-transfer': 'transfer.request',
  'decide-transfer': 'transfer.decide',
};

export async function getDossier(ctx: ServiceContext, input: GetDossierInput): Promise<DossierDetails> {
  requireInput(input);
  const dossier = await loadAuthorized(ctx, input.dossierId, 'dossier.read');
  const partner = await ctx.ports.partners.get(dossier.supportingPartnerId);
  const actions = allowedDossierActions(ctx.user, dossier);
  const details: DossierDetails = {
    dossier,
    milestones: dossier.leaseStart
      ? milestones({ leaseStart: dossier.leaseStart, extensions: dossier.extensions.map((e) => e.months), kind: dossier.kind }, ctx.calendar)
      : [],
    supportingPartner: partner && { id: partner.id, name: partner.name, contact: partner.contact },
    nextSteps: allowedSteps(dossier).filter((step) => actions.includes(STEP_ACTION[step])),
    actions,
  };
  const end = plannedEnd(dossier);
  if (end) details.plannedEnd = end;
  // Audited before it is shown: no disclosure without its trace.
  await ctx.ports.audit.append(auditEntry(ctx, 'dossier.read', { dossierId: dossier.id, basis: 'role' }));
  return details;
}
