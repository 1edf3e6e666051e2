/**
 * R15: at the flag deadline (00:00 on the meeting day) the list closes. For every partner that was
 * invited: with nothing to discuss, its consultation is off (record 'cancelled', an e-mail and a Teams
 * message, each once); otherwise its agenda card is refreshed with the closed list. Due from the
 * deadline until the end of the meeting day: later, telling is no use any more.
 */
import { consultationMonthFrom, monthCalendar, monthOf, nextMonth, type MonthCalendar } from '../rules/calendar';
import { isAfter } from '../rules/dates';
import type { Partner } from '../rules/types';
import { getAgenda } from '../services/get-agenda';
import { renderCancellation } from '../mail/render-cancellation';
import { formatReference } from '../mail/reference';
import type { LandlordRun } from './context';
import { markConsultation } from './consultation-record';
import { isSettled, jobRun, once, sendMailOnce } from './effects';
import { jobKeys } from './keys';
import { recipientsOf } from './recipients';
import { slotOf } from './slots';
import { atOrAfter } from './time';

export function deadlineDue(run: Pick<LandlordRun, 'now' | 'today' | 'calendar'>): MonthCalendar | undefined {
  const calendar = monthCalendar(monthOf(run.today), run.calendar);
  if (calendar.cancelled) return undefined; // R-H: no consultation this month
  return atOrAfter(run.now, calendar.flagDeadline) && !isAfter(run.today, calendar.meetingDate) ? calendar : undefined;
}

export async function deadlineJob(run: LandlordRun): Promise<void> {
  const calendar = deadlineDue(run);
  if (!calendar) return;
  await jobRun(run, 'deadline', jobKeys.deadlineRun(run.landlord.id, calendar.month), async () => {
    let settled = true;
    for (const partner of await run.partners()) {
      const invited = await run.deps.store.exactlyOnce.get(jobKeys.invitationMail(run.landlord.id, partner.id, calendar.month));
      if (invited?.status !== 'done') continue; // not invited: nothing to close
      settled = (await close(run, partner, calendar)) && settled;
    }
    return settled;
  });
}

async function close(run: LandlordRun, partner: Partner, calendar: MonthCalendar): Promise<boolean> {
  const l = run.landlord.id;
  const month = calendar.month;
  const where = { job: 'deadline' as const, partnerId: partner.id, month };
  const agenda = await getAgenda(run.systemContext(), { partnerId: partner.id, month });

  if (agenda.cancelled) {
    await markConsultation(run, partner, calendar, { status: 'cancelled' });
    const next = monthCalendar(consultationMonthFrom(nextMonth(month), run.calendar), run.calendar); // R-H: past cancelled months
    const reference = formatReference({ partnerId: partner.id, month });
    const mail = await sendMailOnce(run, {
      ...where,
      effect: 'cancellation-mail',
      key: jobKeys.cancellationMail(l, partner.id, month),
      compose: async () => ({
        to: await recipientsOf(run, partner),
        mail: renderCancellation({ landlord: run.landlord, partner, calendar, next, mode: partner.meetingMode, reference }),
        reference,
      }),
    });
    const offKey = jobKeys.consultationOff(l, partner.id, month);
    const off = await once(run, {
      ...where,
      effect: 'consultation-off',
      key: offKey,
      perform: () =>
        run.deps.teams.consultationOff({ landlordId: l, key: offKey, at: run.now, partnerId: partner.id, month, meetingDate: calendar.meetingDate, nextMeetingDate: next.meetingDate }),
      detail: (r) => ({ delivered: r.delivered }),
    });
    return isSettled(mail.outcome) && isSettled(off.outcome);
  }

  const slot = slotOf(await run.partners(), partner, calendar, run.landlord, run.deps.settings);
  const joinUrl = (await run.ports.consultations.get(partner.id, month))?.teamsJoinUrl;
  if (joinUrl) slot.joinUrl = joinUrl;
  const cardKey = jobKeys.closedCard(l, partner.id, month);
  const card = await once(run, {
    ...where,
    effect: 'agenda-card-closed',
    key: cardKey,
    perform: () => run.deps.teams.publishAgenda({ landlordId: l, key: cardKey, at: run.now, partnerId: partner.id, month, stage: 'closed', slot }),
    detail: (r) => ({ delivered: r.delivered }),
  });
  return isSettled(card.outcome);
}
