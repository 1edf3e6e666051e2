/**
 * R16 (with R4, R18, R19, R20): after a partner's consultation the landlord coordinator records the
 * conclusions: per discussed dossier a short summary and a decision, which is applied to the dossier
 * through the rules:
 *   none                nothing changes
 *   extend N months     R20 `extend`, decided on the meeting day
 *   start-contact-log   R4: the dossier's contact log is switched on
 *   plan-extra-visit    R18: a planned extra visit is added (its date follows with record-visit)
 *   end-positively      R19 `closePositively` on the meeting day: only after the final evaluation of the
 *                       current round found the whole home without serious defects (trajectory-end.ts)
 *   stop (reason)       R2 `stop` on the meeting day, with the reason
 * R19: after a final evaluation with serious defects held before the meeting day, the consultation
 * must decide an extension; any other decision for that dossier is refused with the reason.
 * The consultation then waits for the partner's confirmation (status 'conclusions-sent').
 *
 * Every decision is first tried on the current dossiers: when a rule refuses one, nothing is written.
 * The consultation and each dossier are separate partitions, so they commit one after another
 * (consultation first). Every step is idempotent, so repeating the same call completes an
 * interrupted one (telling Teams included) and otherwise writes nothing; other conclusions after they
 * were sent are refused.
 * The 'conclusions.record' entry goes to the landlord's log (no transaction with the consultation):
 * the repeat writes it when a failure left it out. The consultation keeps no moment or author of
 * its conclusions, so such a late entry carries the repeat's moment and actor.
 */
import { authorize, authorizeForPartner, dossierNotFound } from '../rules/access';
import { isOpenDossier, partnerSeesDossier } from '../rules/agenda';
import { monthCalendar, monthsBetween, type CalendarConfig, type MonthCalendar } from '../rules/calendar';
import { isBefore } from '../rules/dates';
import { DomainError } from '../rules/errors';
import { assertValidExtension } from '../rules/milestones';
import { closePositively, extend, stop } from '../rules/trajectory';
import { assertConsultationDecision } from '../rules/trajectory-end';
import type { AuditEntry, Conclusion, ConclusionDecision, Consultation, Dossier, IsoDate, Partner, Visit, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry, type AuditDetails } from './audit';
import { appendUnlessLogged } from './audit-repair';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { loadDossier, loadPartner } from './dossier-access';
import { isSameExtension } from './extend-trajectory';
import type { DossierWork } from './ports';
import { invalid, LIMITS, requireId, requireInput, requireMonth, requireOneOf, requireText } from './validate';

export interface RecordConclusionsInput {
  partnerId: string;
  month: YearMonth;
  conclusions: { dossierId: string; summary: string; decision: ConclusionDecision }[];

  /**
   * The meeting's notes these conclusions come from (the side panel): refused when the notes changed
   * meanwhile, so a note added by someone else at the same moment is never lost unseen.
   */
  expectNotes?: readonly Conclusion[];
}

export interface RecordConclusionsResult {
  consultation: Consultation;
  /** Per dossier: whether this call changed it (false for 'none' and for a repeat). */
  applied: { dossierId: string; decision: ConclusionDecision['kind']; changed: boolean }[];
  /** False when the same conclusions were already recorded and applied: nothing was written. */
  changed: boolean;
}

export const DECISION_KINDS: readonly ConclusionDecision['kind'][] = ['none', 'extend', 'start-contact-log', 'plan-extra-visit', 'end-positively', 'stop'];

function decisionOf(value: unknown): ConclusionDecision {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (!DECISION_KINDS.includes(raw.kind as ConclusionDecision['kind'])) throw invalid('decision', msg.decisionKindInvalid);
  const kind = requireOneOf(raw.kind, DECISION_KINDS, 'decision');
  if (kind === 'stop') return { kind, reason: requireText(raw.reason, 'reason', 'reason') };
  if (kind !== 'extend') return { kind };
  const months = raw.months;
  if (typeof months !== 'number') throw invalid('months', msg.fieldMissing(msg.fieldLabel.months));
  assertValidExtension(months); // R20
  return { kind, months };
}

/** One dossier's conclusion as typed in a form or sent to the API: checked and trimmed. */
export function conclusionOf(raw: unknown): Conclusion {
  const c = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return { dossierId: requireId(c.dossierId, 'dossierId'), summary: requireText(c.summary, 'summary', 'conclusionSummary'), decision: decisionOf(c.decision) };
}

function conclusionsOf(value: unknown): Conclusion[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid('conclusions', msg.conclusionsEmpty);
  if (value.length > LIMITS.listItems) throw invalid('conclusions', msg.tooMany(msg.fieldLabel.conclusions, LIMITS.listItems));
  const conclusions = value.map(conclusionOf);
  if (new Set(conclusions.map((c) => c.dossierId)).size !== conclusions.length) {
    throw invalid('conclusions', msg.duplicate(msg.fieldLabel.conclusions));
  }
  return conclusions;
}

/** The id of the extra visit a consultation plans for a dossier: the same on every repeat. */
export const extraVisitId = (partnerId: string, month: YearMonth): string => `consultation-${month}-${partnerId}`.slice(0, LIMITS.id);

/** One decision on one dossier, as a pure step: the same object when it was applied already. */
function applyDecision(dossier: Dossier, visits: readonly Visit[], decision: ConclusionDecision, meetingDate: IsoDate, calendar: CalendarConfig): Dossier {
  // R19: after serious defects at a final evaluation, this consultation must decide an extension.
  if (dossier.status !== 'closed-positive' && dossier.status !== 'stopped') assertConsultationDecision(dossier, visits, decision, meetingDate, calendar);
  switch (decision.kind) {
    case 'none':
    case 'plan-extra-visit':
      return dossier;
    case 'extend':
      return isSameExtension(dossier, decision.months, meetingDate) ? dossier : extend(dossier, decision.months, meetingDate, calendar);
    case 'start-contact-log':
      if (dossier.contactLogActive) return dossier;
      if (!isOpenDossier(dossier)) throw new DomainError('conflict', msg.contactLogOnClosed);
      return { ...dossier, contactLogActive: true };
    case 'end-positively':
      if (dossier.status === 'closed-positive' && dossier.closedOn === meetingDate) return dossier;
      return closePositively(dossier, meetingDate, { visits, calendar });
    case 'stop':
      if (dossier.status === 'stopped' && dossier.closedOn === meetingDate && dossier.stopReason === decision.reason) return dossier;
      return stop(dossier, meetingDate, decision.reason);
  }
}

/** R18: the planned extra visit, checked like any visit: it belongs to a tenancy. */
function extraVisit(dossier: Dossier, id: string): Visit {
  if (!dossier.leaseStart) throw new DomainError('conflict', msg.visitWithoutLease);
  return { id, dossierId: dossier.id, kind: 'extra', findings: [], seriousDefects: false };
}

export const canonical = (conclusions: readonly Conclusion[]): string =>
  JSON.stringify(
    conclusions.map((c) => ({
      dossierId: c.dossierId,
      summary: c.summary,
      decision: c.decision.kind === 'extend' ? { kind: c.decision.kind, months: c.decision.months } : c.decision.kind === 'stop' ? { kind: c.decision.kind, reason: c.decision.reason } : { kind: c.decision.kind },
    })),
  );

/** A consultation not stored yet, as it is once held: conclusions are being recorded. */
export const heldConsultation = (partner: Partner, calendar: MonthCalendar): Consultation => ({
  partnerId: partner.id,
  month: calendar.month,
  meetingDate: calendar.meetingDate,
  invitationDate: calendar.invitationDate,
  flagDeadline: calendar.flagDeadline,
  mode: partner.meetingMode,
  status: 'held',
  conclusions: [],
});

/** The meeting day of a partner's consultation of a month; before it no conclusion is accepted (R16). */
export function assertMeetingDayCame(ctx: ServiceContext, stored: Consultation | undefined, month: YearMonth): IsoDate {
  const meetingDate = stored?.meetingDate ?? monthCalendar(month, ctx.calendar).meetingDate;
  if (isBefore(todayOf(ctx), meetingDate)) throw new DomainError('conflict', msg.conclusionsBeforeMeeting(meetingDate));
  return meetingDate;
}

/**
 * One conclusion tried on its current dossier, writing nothing: one of this partner's dossiers (else
 * the same not-found as a missing id), and a decision its rule accepts on the meeting day.
 */
export async function checkConclusion(ctx: ServiceContext, partnerId: string, month: YearMonth, c: Conclusion, meetingDate: IsoDate): Promise<Dossier> {
  const dossier = await loadDossier(ctx, c.dossierId);
  authorize(ctx.user, 'dossier.read', dossier);
  if (!partnerSeesDossier(dossier, partnerId)) throw dossierNotFound();
  applyDecision(dossier, await ctx.ports.visits.listByDossier(dossier.id), c.decision, meetingDate, ctx.calendar);
  if (c.decision.kind === 'plan-extra-visit') extraVisit(dossier, extraVisitId(partnerId, month));
  return dossier;
}

export async function recordConclusions(ctx: ServiceContext, input: RecordConclusionsInput): Promise<RecordConclusionsResult> {
  requireInput(input);
  const partnerId = requireId(input.partnerId, 'partnerId');
  const month = requireMonth(input.month);
  authorizeForPartner(ctx.user, 'conclusions.record', { landlordId: ctx.ports.landlordId, partnerId });
  const partner = await loadPartner(ctx, partnerId);
  const conclusions = conclusionsOf(input.conclusions);

  const stored = await ctx.ports.consultations.get(partnerId, month);
  const calendar = monthCalendar(month, ctx.calendar);
  const meetingDate = assertMeetingDayCame(ctx, stored, month);

  // Every decision must pass its rule before anything is written.
  const visitId = extraVisitId(partnerId, month);
  for (const c of conclusions) await checkConclusion(ctx, partnerId, month, c, meetingDate);

  const recorded = await ctx.ports.unitOfWork.inConsultation(partnerId, month, (w) => {
    const current = w.consultation;
    if (current && (current.status === 'conclusions-sent' || current.status === 'confirmed')) {
      if (canonical(current.conclusions) === canonical(conclusions)) return { consultation: current, changed: false };
      throw new DomainError('conflict', msg.conclusionsAlreadySent);
    }
    if (input.expectNotes && canonical(current?.draftConclusions ?? []) !== canonical(input.expectNotes)) {
      throw new DomainError('conflict', msg.meetingNotesChanged);
    }
    const base: Consultation = current ?? heldConsultation(partner, calendar);
    // The meeting's notes (the side panel) are what was sent from now on.
    const { draftConclusions: _notes, ...rest } = base;
    const next: Consultation = { ...rest, conclusions, status: 'conclusions-sent' };
    w.setConsultation(next);
    return { consultation: next, changed: true };
  });

  // Right after the consultation's commit: a failure on a dossier below must not lose the first moment.
  const recordEntry = auditEntry(ctx, 'conclusions.record', { partnerId, basis: 'role', details: { month, dossiers: conclusions.length } });
  if (recorded.changed) {
    await ctx.ports.audit.append(recordEntry);
  } else {
    // Recorded on or after the meeting day: the entry is in the log of one of these months.
    const months = monthsBetween(recorded.consultation.meetingDate.slice(0, 7), ctx.now.slice(0, 7));
    const same = (e: AuditEntry) => e.action === 'conclusions.record' && e.partnerId === partnerId && e.details?.month === month;
    await appendUnlessLogged(ctx, recordEntry, same, months);
  }

  const applied: RecordConclusionsResult['applied'] = [];
  for (const c of conclusions) {
    const visits = await ctx.ports.visits.listByDossier(c.dossierId); // R19
    const changed = await ctx.ports.unitOfWork.inDossier(c.dossierId, async (w: DossierWork) => {
      authorize(ctx.user, 'dossier.read', w.dossier);
      if (!partnerSeesDossier(w.dossier, partnerId)) throw dossierNotFound();
      const next = applyDecision(w.dossier, visits, c.decision, meetingDate, ctx.calendar);
      let visitAdded = false;
      if (c.decision.kind === 'plan-extra-visit' && !(await w.getVisit(visitId))) {
        w.putVisit(extraVisit(w.dossier, visitId));
        visitAdded = true;
      }
      if (next === w.dossier && !visitAdded) return false;
      if (next !== w.dossier) w.setDossier(next);
      const details: AuditDetails = { month, decision: c.decision.kind };
      if (c.decision.kind === 'extend') details.months = c.decision.months;
      if (visitAdded) details.visitId = visitId;
      w.appendAudit(auditEntry(ctx, 'conclusions.apply', { dossierId: c.dossierId, partnerId, basis: 'role', details }));
      return true;
    });
    applied.push({ dossierId: c.dossierId, decision: c.decision.kind, changed });
  }

  // Also on a repeat: it completes an interrupted call, the telling included (the bot posts the card
  // once per conversation, keyed, so a card that did arrive is not posted twice).
  await notify(ctx, 'conclusionsSent', (n) =>
    n.conclusionsSent({
      landlordId: ctx.ports.landlordId,
      at: ctx.now,
      actor: actorOf(ctx),
      partnerId,
      month,
      dossierIds: conclusions.map((c) => c.dossierId),
    }),
  );
  return { consultation: recorded.consultation, applied, changed: recorded.changed || applied.some((a) => a.changed) };
}
