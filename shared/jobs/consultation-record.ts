/**
 * The consultation record follows the calendar: 'invited' (with the Teams link) when the invitation
 * goes out (R13, R16), 'cancelled' when the deadline passes with nothing to discuss (R15). Written in
 * the consultation's partition with its ETag (the flags there stay untouched); a later status
 * (conclusions recorded, confirmed) is never set back. Idempotent: a repeat writes nothing.
 */
import type { MonthCalendar } from '../rules/calendar';
import type { Consultation, ConsultationStatus, Partner } from '../rules/types';
import type { LandlordRun } from './context';

const MAY_BECOME: Record<'invited' | 'cancelled', readonly ConsultationStatus[]> = {
  invited: ['planned'],
  cancelled: ['planned', 'invited'],
};

export async function markConsultation(
  run: LandlordRun,
  partner: Partner,
  calendar: MonthCalendar,
  change: { status: 'invited' | 'cancelled'; teamsJoinUrl?: string },
): Promise<void> {
  await run.ports.unitOfWork.inConsultation(partner.id, calendar.month, (w) => {
    const current = w.consultation;
    const base: Consultation = current ?? {
      partnerId: partner.id,
      month: calendar.month,
      meetingDate: calendar.meetingDate,
      invitationDate: calendar.invitationDate,
      flagDeadline: calendar.flagDeadline,
      mode: partner.meetingMode,
      status: 'planned',
      conclusions: [],
    };
    const next: Consultation = {
      ...base,
      status: MAY_BECOME[change.status].includes(base.status) ? change.status : base.status,
      ...(change.teamsJoinUrl && !base.teamsJoinUrl && { teamsJoinUrl: change.teamsJoinUrl }),
    };
    if (current && JSON.stringify(next) === JSON.stringify(current)) return;
    w.setConsultation(next);
  });
}
