/**
 * R5: a partner member reports that a support worker is out for a long period, with who replaces
 * them (or whom the tenant can contact). The dossiers named must be ones the member's organisation
 * supports; one it may not see answers 'not-found', like a missing id.
 * The absence and its audit entry (landlord's log) are two partitions, no one transaction: the same
 * report again (the retry after a failure between the writes) writes the entry when it is missing.
 */
import { authorize, canReadDossier, dossierNotFound } from '../rules/access';
import { isAfter } from '../rules/dates';
import type { Absence, IsoDate } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { appendUnlessLogged } from './audit-repair';
import { actorOf, notify, type ServiceContext } from './context';
import { idList, invalid, optionalDate, optionalId, requireDate, requireInput, requireText } from './validate';

export interface ReportAbsenceInput {
  workerName: string;
  from: IsoDate;
  expectedUntil?: IsoDate;
  replacementContact: string;
  dossierIds?: string[];
  /** An adapter's idempotency key (e.g. from the Teams activity): a repeat changes nothing. */
  absenceId?: string;
}

export interface ReportAbsenceResult {
  absence: Absence;
  changed: boolean;
}

const sameReport = (a: Absence, b: Absence): boolean =>
  JSON.stringify({ ...a, reportedAt: '', reportedBy: '' }) === JSON.stringify({ ...b, reportedAt: '', reportedBy: '' });

export async function reportAbsence(ctx: ServiceContext, input: ReportAbsenceInput): Promise<ReportAbsenceResult> {
  requireInput(input);
  authorize(ctx.user, 'absence.report'); // a member of a partner, for their own organisation
  const partnerId = ctx.user.partnerId as string;
  const workerName = requireText(input.workerName, 'workerName', 'personName');
  const from = requireDate(input.from, 'from');
  const expectedUntil = optionalDate(input.expectedUntil, 'expectedUntil');
  if (expectedUntil && isAfter(from, expectedUntil)) {
    throw invalid('expectedUntil', msg.dateBefore(msg.fieldLabel.expectedUntil, msg.fieldLabel.from, from));
  }
  const replacementContact = requireText(input.replacementContact, 'replacementContact', 'replacementContact');
  const dossierIds = idList(input.dossierIds, 'dossierIds');
  const id = optionalId(input.absenceId, 'absenceId') ?? ctx.ids();

  for (const dossierId of dossierIds) {
    const dossier = await ctx.ports.dossiers.get(dossierId);
    if (!dossier || !canReadDossier(ctx.user, dossier) || dossier.supportingPartnerId !== partnerId) throw dossierNotFound();
  }

  const absence: Absence = {
    id,
    partnerId,
    dossierIds,
    workerName,
    from,
    ...(expectedUntil ? { expectedUntil } : {}),
    replacementContact,
    reportedBy: actorOf(ctx),
    reportedAt: ctx.now,
  };
  // The stored report's own moment and reporter: a repaired entry says when and by whom it was made.
  const entryOf = (a: Absence) => ({
    ...auditEntry(ctx, 'absence.report', { partnerId, basis: 'role', details: { absenceId: a.id, dossiers: a.dossierIds.length, from: a.from } }),
    at: a.reportedAt,
    actor: a.reportedBy,
  });
  const existing = input.absenceId ? await ctx.ports.absences.get(partnerId, id) : undefined;
  if (existing) {
    if (!sameReport(existing, absence)) throw invalid('absenceId', msg.absenceIdTaken);
    await appendUnlessLogged(ctx, entryOf(existing), (e) => e.action === 'absence.report' && e.partnerId === partnerId && e.details?.absenceId === id);
    return { absence: existing, changed: false };
  }
  await ctx.ports.absences.create(absence);
  // Another partition than the absence: the audit entry follows the write (landlord's log).
  await ctx.ports.audit.append(entryOf(absence));
  await notify(ctx, 'absenceReported', (n) =>
    n.absenceReported({ landlordId: ctx.ports.landlordId, at: ctx.now, actor: actorOf(ctx), partnerId, absenceId: id, dossierIds }),
  );
  return { absence, changed: true };
}
