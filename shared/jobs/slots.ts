/**
 * [product] When each partner's consultation starts on the meeting day (R12 gives the day, not the
 * hour): partners take consecutive slots of CONSULTATION_MINUTES from CONSULTATION_START, in the order
 * of their ids among all the landlord's partners. That order does not depend on who has dossiers this
 * month, so a partner's time is the same in the meeting, the invitation and the card, whenever they
 * are made.
 */
import type { MonthCalendar } from '../rules/calendar';
import type { LandlordConfig, Partner } from '../rules/types';
import type { ConsultationSlot } from './ports';
import type { JobSettings } from './settings';
import { addMinutes, atBrussels } from './time';

export function slotOf(
  partners: readonly Partner[],
  partner: Partner,
  calendar: MonthCalendar,
  landlord: LandlordConfig,
  settings: Pick<JobSettings, 'consultationStart' | 'consultationMinutes'>,
): ConsultationSlot {
  const index = Math.max(0, [...partners].map((p) => p.id).sort().indexOf(partner.id));
  const startTime = addMinutes(settings.consultationStart, index * settings.consultationMinutes);
  const endTime = addMinutes(startTime, settings.consultationMinutes);
  return {
    meetingDate: calendar.meetingDate,
    startTime,
    endTime,
    mode: partner.meetingMode,
    ...(partner.meetingMode === 'in-person' && { address: landlord.officeAddress }),
  };
}

export const slotStart = (slot: ConsultationSlot): string => atBrussels(slot.meetingDate, slot.startTime);
export const slotEnd = (slot: ConsultationSlot): string => atBrussels(slot.meetingDate, slot.endTime);
