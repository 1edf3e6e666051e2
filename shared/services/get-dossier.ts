/**
 * A dossier's details for who may read it (DESIGN, Security): the dossier, its milestones (R11, R17,
 * R19, R20), its planned end (R2), the supporting organisation's general contact details for when
 * the support worker is away (R5), and the next steps this user may take. Every read is audited
 * (basis 'role') before anything is shown. A dossier the user may not see answers 'not-found', the
 * same as a missing id, and is not audited (nothing was shown).
 */
import { allowedDossierActions, canReadSignal, type Action } from '../rules/access';
import { milestones, type Milestone } from '../rules/milestones';
import { allowedSteps, plannedEnd, type TrajectoryStep } from '../rules/trajectory';
import type { ContactLogEntry, Dossier, InformationRequest, IsoDate, PartnerContact, Signal, Visit } from '../rules/types';
import { auditEntry, READ_AUDIT_WINDOW_MS } from './audit';
import type { ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import { requireInput } from './validate';

export interface GetDossierInput {
  dossierId: string;
  /** False where signal descriptions are not shown (a shared chat): signals come by kind and date only, not audited as read. */
  signalTexts?: boolean;
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
  /** Planned and held visits (R17-R19), oldest first: the milestones' state (rules/milestone-state.ts) reads them. */
  visits: Visit[];
  /** R8/R9: the signals this user may read, with their description and the name of the organisation that raised it, oldest first (their read is audited). */
  signals: (Signal & { partnerName: string })[];
  /** How many signals the dossier has that this user may not read (shown by count, never by content). */
  otherSignals: number;
  contactLog: ContactLogEntry[];
  informationRequests: InformationRequest[];
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
  const [partner, history] = await Promise.all([ctx.ports.partners.get(dossier.supportingPartnerId), ctx.ports.dossiers.history(dossier.id)]);
  const actions = allowedDossierActions(ctx.user, dossier);
  const allSignals = history?.signals ?? [];
  const readable = allSignals.filter((s) => canReadSignal(ctx.user, dossier, s));
  const partnerNames = new Map<string, string>();
  for (const id of new Set(readable.map((s) => s.partnerId))) partnerNames.set(id, id === partner?.id ? partner.name : ((await ctx.ports.partners.get(id))?.name ?? id));
  const signals = readable.map((s) => ({ ...s, partnerName: partnerNames.get(s.partnerId) ?? s.partnerId }));
  const details: DossierDetails = {
    dossier,
    milestones: dossier.leaseStart
      ? milestones({ leaseStart: dossier.leaseStart, extensions: dossier.extensions.map((e) => e.months), kind: dossier.kind }, ctx.calendar)
      : [],
    supportingPartner: partner && { id: partner.id, name: partner.name, contact: partner.contact },
    nextSteps: allowedSteps(dossier).filter((step) => actions.includes(STEP_ACTION[step])),
    actions,
    visits: history?.visits ?? [],
    signals: input.signalTexts === false ? signals.map((s) => ({ ...s, description: '' })) : signals,
    otherSignals: allSignals.length - signals.length,
    contactLog: history?.contactLog ?? [],
    informationRequests: history?.informationRequests ?? [],
  };
  const end = plannedEnd(dossier);
  if (end) details.plannedEnd = end;
  // Audited before it is shown: no disclosure without its trace.
  // Repeated reads within the window are counted on one entry: the count is the audit (no flood).
  const window = ctx.readAuditWindowMs ?? READ_AUDIT_WINDOW_MS;
  await ctx.ports.audit.appendRead({ ...auditEntry(ctx, 'dossier.read', { basis: 'role' }), dossierId: dossier.id }, window);
  // R8/R9: signal descriptions passed on to this reader, audited on the basis each was passed on with.
  if (input.signalTexts !== false) {
    for (const basis of ['consent', 'safety'] as const) {
      const shown = signals.filter((s) => (s.basis === 'consent' ? 'consent' : 'safety') === basis);
      if (shown.length === 0) continue;
      const entry = auditEntry(ctx, 'signal.read', { basis, details: { signals: shown.length, signalIds: shown.map((s) => s.id).join(',') } });
      await ctx.ports.audit.appendRead({ ...entry, dossierId: dossier.id }, window);
    }
  }
  return details;
}
