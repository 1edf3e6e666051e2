/**
 * R13 (with R12, R15, R16, R-H): on invitation day, from JOBS_DAY_START until the flag deadline, every
 * partner with ongoing dossiers gets, each exactly once:
 *   1. the month's Teams meeting, unless its consultation is in person (R16),
 *   2. the invitation e-mail with the agenda's three parts, date and time, the link or the address,
 *      the flag deadline, how to flag, moved dates and the reference,
 *   3. the agenda card in its Teams conversation.
 * Its consultation record becomes 'invited'. A later run of the same day (or after a crash, or on a
 * second instance) completes what is missing and repeats nothing.
 */
import { monthCalendar, monthOf, type MonthCalendar } from '../rules/calendar';
import type { Partner } from '../rules/types';
import { getAgenda } from '../services/get-agenda';
import { renderInvitation } from '../mail/render-invitation';
import { formatReference } from '../mail/reference';
import type { LandlordRun } from './context';
import { markConsultation } from './consultation-record';
import { isSettled, jobRun, once, sendMailOnce } from './effects';
import { jobKeys } from './keys';
import type { Meeting } from './ports';
import { recipientsOf } from './recipients';
import { slotEnd, slotOf, slotStart } from './slots';
import { atBrussels, atOrAfter } from './time';
import { jobMessages } from '../messages/jobs';

export function invitationDue(run: Pick<LandlordRun, 'now' | 'today' | 'calendar' | 'deps'>): MonthCalendar | undefined {
  const calendar = monthCalendar(monthOf(run.today), run.calendar);
  if (calendar.cancelled) return undefined; // R-H: no consultation this month
  const opens = atBrussels(calendar.invitationDate, run.deps.settings.dayStart);
  return atOrAfter(run.now, opens) && !atOrAfter(run.now, calendar.flagDeadline) ? calendar : undefined;
}

export async function invitationJob(run: LandlordRun): Promise<void> {
  const calendar = invitationDue(run);
  if (!calendar) return;
  await jobRun(run, 'invitation', jobKeys.invitationRun(run.landlord.id, calendar.month), async () => {
    let settled = true;
    for (const partner of await run.partners()) settled = (await invite(run, partner, calendar)) && settled;
    return settled;
  });
}

async function invite(run: LandlordRun, partner: Partner, calendar: MonthCalendar): Promise<boolean> {
  const l = run.landlord.id;
  const month = calendar.month;
  const agenda = await getAgenda(run.systemContext(), { partnerId: partner.id, month });
  if (agenda.overview.length + agenda.otherTrajectories.length === 0) return true; // no ongoing dossiers: no invitation
  const slot = slotOf(await run.partners(), partner, calendar, run.landlord, run.deps.settings);
  const where = { job: 'invitation' as const, partnerId: partner.id, month };

  if (partner.meetingMode === 'teams') {
    const key = jobKeys.meeting(l, partner.id, month);
    const ensure = () =>
      run.deps.meetings.ensureMeeting({
        organizer: run.deps.settings.graph.organizer ?? run.from.address,
        externalId: `wb-${l}-${partner.id}-${month}`,
        subject: jobMessages.meetingSubject(run.landlord.name, calendar.meetingDate),
        start: slotStart(slot),
        end: slotEnd(slot),
      });
    // createOrGet is idempotent by externalId: performing again after a crash answers the same meeting.
    const meeting = await once<Meeting>(run, { ...where, effect: 'meeting', key, perform: ensure });
    if (meeting.result) slot.joinUrl = meeting.result.joinUrl;
    // No link yet: the invitation waits for it, unless the meeting was given up (the coordinator was
    // alerted): then the invitation still goes out on time, saying the link follows.
    else if (meeting.outcome !== 'gave-up') return false;
  }
  await markConsultation(run, partner, calendar, { status: 'invited', ...(slot.joinUrl && { teamsJoinUrl: slot.joinUrl }) });

  const reference = formatReference({ partnerId: partner.id, month });
  const mail = await sendMailOnce(run, {
    ...where,
    effect: 'invitation-mail',
    key: jobKeys.invitationMail(l, partner.id, month),
    compose: async () => ({
      to: await recipientsOf(run, partner),
      mail: renderInvitation({ landlord: run.landlord, partner, agenda, slot, reference }),
      reference,
    }),
  });
  const cardKey = jobKeys.agendaCard(l, partner.id, month);
  const card = await once(run, {
    ...where,
    effect: 'agenda-card',
    key: cardKey,
    perform: () => run.deps.teams.publishAgenda({ landlordId: l, key: cardKey, at: run.now, partnerId: partner.id, month, stage: 'invitation', slot }),
    detail: (r) => ({ delivered: r.delivered }),
  });
  return isSettled(mail.outcome) && isSettled(card.outcome);
}
