/**
 * R16: after the consultation.
 * - From JOBS_DAY_START on the working day after the meeting, while no conclusions are recorded for a
 *   consultation that took place (record 'invited'), the coordinator is reminded once in Teams.
 * - Once the coordinator recorded them (record 'conclusions-sent'), they are e-mailed to the partner
 *   for confirmation (at the next run, also on the meeting day itself).
 * - 5 working days after that e-mail, still without confirmation: one reminder e-mail.
 * Looks at the consultations of the last months whose meeting was at most WINDOW_DAYS ago: one query
 * per partner per run.
 */
import { plannedEndAfterExtension } from '../rules/milestones';
import { addWorkingDays, monthCalendar, monthOf, nextMonth } from '../rules/calendar';
import { addDays, isAfter, isBefore } from '../rules/dates';
import type { Consultation, Partner, YearMonth } from '../rules/types';
import { renderConclusions } from '../mail/render-conclusions';
import { formatReference } from '../mail/reference';
import type { LandlordRun } from './context';
import { once, sendMailOnce, type MailResult } from './effects';
import { jobKeys } from './keys';
import { recipientsOf } from './recipients';
import { atBrussels, atOrAfter } from './time';

/** [product] How long after a meeting its conclusions are still followed up automatically. */
export const WINDOW_DAYS = 62;
/** R16 [product]: conclusions without an answer are reminded after this many working days. */
export const CONFIRMATION_REMINDER_WORKING_DAYS = 5;

export function conclusionMonths(run: Pick<LandlordRun, 'today' | 'calendar'>): YearMonth[] {
  const current = monthOf(run.today);
  return [nextMonth(current, -2), nextMonth(current, -1), current].filter((m) => {
    const meeting = monthCalendar(m, run.calendar).meetingDate;
    return !isBefore(run.today, meeting) && !isAfter(run.today, addDays(meeting, WINDOW_DAYS));
  });
}

export async function conclusionsJob(run: LandlordRun): Promise<void> {
  const months = conclusionMonths(run);
  if (months.length === 0) return;
  for (const partner of await run.partners()) {
    const consultations = await run.ports.consultations.listByPartner(partner.id, { from: months[0], to: months[months.length - 1] });
    for (const c of consultations) if (months.includes(c.month)) await followUp(run, partner, c);
  }
}

async function followUp(run: LandlordRun, partner: Partner, c: Consultation): Promise<void> {
  const l = run.landlord.id;
  const where = { job: 'conclusions' as const, partnerId: partner.id, month: c.month };
  const dayStarted = atOrAfter(run.now, atBrussels(run.today, run.deps.settings.dayStart));

  if (c.status === 'invited' || c.status === 'held') {
    const dayAfter = addWorkingDays(c.meetingDate, 1, run.calendar);
    if (isBefore(run.today, dayAfter) || !dayStarted) return;
    const key = jobKeys.recordConclusionsReminder(l, partner.id, c.month);
    await once(run, {
      ...where,
      effect: 'record-conclusions-reminder',
      key,
      perform: () =>
        run.deps.teams.remindCoordinator({
          landlordId: l,
          key,
          at: run.now,
          reminder: { kind: 'record-conclusions', partnerId: partner.id, month: c.month, meetingDate: c.meetingDate },
        }),
      detail: (r) => ({ delivered: r.delivered }),
    });
    return;
  }
  if (c.status !== 'conclusions-sent') return;

  const reference = formatReference({ partnerId: partner.id, month: c.month });
  const compose = (reminderOf?: { sentOn: string }) => async () => {
    const numbers = new Map<string, string>();
    const plannedEnds = new Map<string, string>();
    for (const conclusion of c.conclusions) {
      const dossier = await run.ports.dossiers.get(conclusion.dossierId);
      if (dossier) numbers.set(dossier.id, dossier.number);
      const end = dossier && conclusion.decision.kind === 'extend' ? plannedEndAfterExtension(dossier, c.meetingDate, conclusion.decision.months) : undefined;
      if (end) plannedEnds.set(conclusion.dossierId, end);
    }
    return {
      to: await recipientsOf(run, partner),
      mail: renderConclusions({ landlord: run.landlord, partner, consultation: c, numbers, plannedEnds, reference, ...(reminderOf && { reminderOf }) }),
      reference,
    };
  };
  const sent = await sendMailOnce(run, { ...where, effect: 'conclusions-mail', key: jobKeys.conclusionsMail(l, partner.id, c.month), compose: compose() });
  const sentOn = (sent.result as MailResult | undefined)?.sentOn;
  if (!sentOn || !dayStarted || isBefore(run.today, addWorkingDays(sentOn, CONFIRMATION_REMINDER_WORKING_DAYS, run.calendar))) return;
  await sendMailOnce(run, {
    ...where,
    effect: 'conclusions-reminder',
    key: jobKeys.conclusionsReminder(l, partner.id, c.month),
    compose: compose({ sentOn }),
  });
}
