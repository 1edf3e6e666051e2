/**
 * The protocol calendar (R12, R13, R15, R-H), in Europe/Brussels.
 *
 * - R12: the consultation is on the last Thursday of the month.
 * - R13: the invitation goes out on the second-to-last Thursday.
 * - R15: partners may flag dossiers until 00:00 (Brussels) on the meeting day.
 * - R-H: a meeting or invitation date on a Belgian public holiday or a closing day of the landlord
 *   moves to the previous working day. Holidays come from `date-holidays` (maintained upstream).
 *   When that pushes the meeting out of its month (and so onto or before the previous month's
 *   meeting), the month has no consultation: it is cancelled with the reason, and the next month's
 *   consultation takes over its dossiers (`takesOver`). Searches for "the next consultation" skip it.
 */
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { calendarMessages as msg } from '../messages/calendar';
import { addDays, compareDates, dayOfWeek, parseIsoDate } from './dates';
import { DomainError } from './errors';
import type { Instant, IsoDate, YearMonth } from './types';

export const PROTOCOL_TIME_ZONE = 'Europe/Brussels';

export interface CalendarConfig {
  /** Configured closing days of the landlord (R-H), 'YYYY-MM-DD'. */
  closingDays: readonly IsoDate[];
}

export type NonWorkingReason =
  | { kind: 'weekend' }
  | { kind: 'public-holiday'; name: string }
  | { kind: 'closing-day' };

/** Why a protocol date moved, and from where (R-H). */
export interface MovedDate {
  from: IsoDate;
  reason: NonWorkingReason | { kind: 'before-meeting' };
  /** Dutch, e.g. "verplaatst van 25/12/2025 wegens Kerstmis (wettelijke feestdag)". */
  description: string;
}

/** R-H: a month without consultation, and where its dossiers go. */
export interface CancelledMonth {
  /** The meeting day it would have had, in an earlier month. */
  wouldBe: IsoDate;
  /** The month whose consultation takes its dossiers. */
  movedTo: YearMonth;
  /** Dutch, a whole sentence. */
  description: string;
}

export interface MonthCalendar {
  month: YearMonth;
  /** R-H: set when this month has no consultation. */
  cancelled?: CancelledMonth;
  /** R-H: the cancelled month(s) just before, whose dossiers this consultation takes over. */
  takesOver?: { months: YearMonth[]; description: string };
  meetingDate: IsoDate;
  invitationDate: IsoDate;
  /** 00:00 Brussels time on the meeting day (R15), ISO 8601 with offset. */
  flagDeadline: Instant;
  meetingMoved?: MovedDate;
  invitationMoved?: MovedDate;
}

const THURSDAY = 4;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

// date-holidays computes a whole year at once; the result never changes, so keep it per year.
const belgium = new Holidays('BE', { languages: ['nl'] });
const holidaysByYear = new Map<number, Map<IsoDate, string>>();

function publicHolidaysOf(year: number): Map<IsoDate, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map();
    for (const h of belgium.getHolidays(year, 'nl')) {
      if (h.type === 'public') holidays.set(h.date.slice(0, 10), h.name);
    }
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The Dutch name of the Belgian public holiday on this date, if it is one. */
export function publicHolidayName(date: IsoDate): string | undefined {
  return publicHolidaysOf(Number(date.slice(0, 4))).get(date);
}

export function nonWorkingReason(date: IsoDate, config: CalendarConfig): NonWorkingReason | undefined {
  const holiday = publicHolidayName(date);
  if (holiday) return { kind: 'public-holiday', name: holiday };
  if (config.closingDays.includes(date)) return { kind: 'closing-day' };
  const weekday = dayOfWeek(date);
  if (weekday === 6 || weekday === 7) return { kind: 'weekend' };
  return undefined;
}

export const isWorkingDay = (date: IsoDate, config: CalendarConfig): boolean =>
  nonWorkingReason(date, config) === undefined;

/** The date itself when it is a working day, otherwise the closest working day before it (R-H). */
export function workingDayOnOrBefore(date: IsoDate, config: CalendarConfig): IsoDate {
  let day = date;
  while (!isWorkingDay(day, config)) day = addDays(day, -1);
  return day;
}

/** The working day that is `count` working days after `date` (R10: reminders after 5 working days). */
export function addWorkingDays(date: IsoDate, count: number, config: CalendarConfig): IsoDate {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, config)) left--;
  }
  return day;
}

export function parseYearMonth(value: string): YearMonth {
  if (!YEAR_MONTH.test(value)) throw new DomainError('validation', msg.invalidMonth(value));
  return value;
}

export function nextMonth(month: YearMonth, by = 1): YearMonth {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthOf = (date: IsoDate): YearMonth => date.slice(0, 7);

/** R12: the last Thursday of the month, before any move. */
export function lastThursday(month: YearMonth): IsoDate {
  const lastDay = addDays(`${nextMonth(month)}-01`, -1);
  const back = (dayOfWeek(lastDay) - THURSDAY + 7) % 7;
  return addDays(lastDay, -back);
}

function describeReason(reason: MovedDate['reason']): string {
  switch (reason.kind) {
    case 'public-holiday':
      return msg.publicHoliday(reason.name);
    case 'closing-day':
      return msg.closingDay;
    case 'weekend':
      return msg.weekend;
    case 'before-meeting':
      return msg.tooCloseToMeeting;
  }
}

function moved(from: IsoDate, reason: MovedDate['reason']): MovedDate {
  const description = reason.kind === 'before-meeting' ? msg.movedBeforeMeeting(from) : msg.moved(from, describeReason(reason));
  return { from, reason, description };
}

/** 00:00 in Brussels on that day, with the offset of that moment (+01:00 or +02:00). */
export function brusselsMidnight(date: IsoDate): Instant {
  const start = DateTime.fromISO(date, { zone: PROTOCOL_TIME_ZONE }).startOf('day');
  return start.toISO({ suppressMilliseconds: true }) as string;
}

/** The calendar day in Brussels of a moment. */
export function brusselsDate(now: Instant | Date): IsoDate {
  const instant = typeof now === 'string' ? DateTime.fromISO(now, { setZone: true }) : DateTime.fromJSDate(now);
  return instant.setZone(PROTOCOL_TIME_ZONE).toISODate() as string;
}

/** Milliseconds since the epoch of an Instant, for comparing moments with different offsets. */
export const instantMillis = (instant: Instant): number => DateTime.fromISO(instant, { setZone: true }).toMillis();

/** R-H: the meeting day after moving off holidays and closing days, before any cancellation. */
const movedMeeting = (month: YearMonth, config: CalendarConfig): IsoDate => workingDayOnOrBefore(lastThursday(month), config);

/** R-H: closing days push the meeting out of its month, so onto or before the previous month's. */
export const isCancelledMonth = (month: YearMonth, config: CalendarConfig): boolean => monthOf(movedMeeting(month, config)) !== month;

/** At most this many cancelled months in a row are looked past (a year closed is a configuration error). */
const MAX_CANCELLED_IN_A_ROW = 12;

/** R-H: the month itself, or the first month after it that has a consultation. */
export function consultationMonthFrom(month: YearMonth, config: CalendarConfig): YearMonth {
  let m = month;
  for (let i = 0; i < MAX_CANCELLED_IN_A_ROW && isCancelledMonth(m, config); i++) m = nextMonth(m);
  return m;
}

/** R-H: the cancelled months right before `month`, oldest first. */
function cancelledBefore(month: YearMonth, config: CalendarConfig): YearMonth[] {
  const months: YearMonth[] = [];
  for (let m = nextMonth(month, -1); months.length < MAX_CANCELLED_IN_A_ROW && isCancelledMonth(m, config); m = nextMonth(m, -1)) months.unshift(m);
  return months;
}

/** The protocol dates of one month (R12, R13, R15, R-H). */
export function monthCalendar(month: YearMonth, config: CalendarConfig): MonthCalendar {
  parseYearMonth(month);
  const plannedMeeting = lastThursday(month);
  const meetingDate = movedMeeting(month, config);

  const plannedInvitation = addDays(plannedMeeting, -7);
  let invitationDate = workingDayOnOrBefore(plannedInvitation, config);
  let invitationReason: MovedDate['reason'] | undefined = nonWorkingReason(plannedInvitation, config);
  // Closing days may push the meeting back onto the invitation: the invitation must come first.
  if (compareDates(invitationDate, meetingDate) >= 0) {
    invitationDate = workingDayOnOrBefore(addDays(meetingDate, -1), config);
    invitationReason = { kind: 'before-meeting' };
  }

  const calendar: MonthCalendar = {
    month,
    meetingDate,
    invitationDate,
    flagDeadline: brusselsMidnight(meetingDate),
  };
  const meetingReason = nonWorkingReason(plannedMeeting, config);
  if (meetingReason) calendar.meetingMoved = moved(plannedMeeting, meetingReason);
  if (invitationReason) calendar.invitationMoved = moved(plannedInvitation, invitationReason);
  if (monthOf(meetingDate) !== month) {
    const movedTo = consultationMonthFrom(nextMonth(month), config);
    calendar.cancelled = { wouldBe: meetingDate, movedTo, description: msg.monthCancelled(month, meetingDate, movedMeeting(movedTo, config)) };
  } else {
    const before = cancelledBefore(month, config);
    if (before.length > 0) calendar.takesOver = { months: before, description: msg.takesOver(before) };
  }
  return calendar;
}

/** The months from..to inclusive. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** R11: the first consultation held on or after a date (R-H: a cancelled month has none). */
export function consultationOnOrAfter(date: IsoDate, config: CalendarConfig): MonthCalendar {
  parseIsoDate(date);
  const sameMonth = monthCalendar(monthOf(date), config);
  if (!sameMonth.cancelled && compareDates(sameMonth.meetingDate, date) >= 0) return sameMonth;
  return monthCalendar(consultationMonthFrom(nextMonth(monthOf(date)), config), config);
}

/** R15: the first consultation whose flag deadline has not passed at `now` (R-H: cancelled months skipped). */
export function nextOpenConsultation(now: Instant, config: CalendarConfig): MonthCalendar {
  const nowMillis = instantMillis(now);
  let calendar = monthCalendar(consultationMonthFrom(monthOf(brusselsDate(now)), config), config);
  while (instantMillis(calendar.flagDeadline) <= nowMillis) calendar = monthCalendar(consultationMonthFrom(nextMonth(calendar.month), config), config);
  return calendar;
}

/** R-H, R14: the last month before `month` that has a consultation ("since the previous consultation"). */
export const previousConsultationMonth = (month: YearMonth, config: CalendarConfig): YearMonth => {
  let m = nextMonth(month, -1);
  for (let i = 0; i < MAX_CANCELLED_IN_A_ROW && isCancelledMonth(m, config); i++) m = nextMonth(m, -1);
  return m;
};

/** R15: may a partner still flag a dossier for this month's consultation at `now`? */
export const flagDeadlinePassed = (calendar: MonthCalendar, now: Instant): boolean =>
  instantMillis(now) >= instantMillis(calendar.flagDeadline);

/** Where a consultation stands on the day of `now` in Brussels: before its meeting day, on it, or after it. */
export type MeetingPhase = 'upcoming' | 'today' | 'over';

/** R15, R16: past, today and future read differently (a meeting that is over has no link, no deadline, no flags). */
export function meetingPhase(meetingDate: IsoDate, now: Instant): MeetingPhase {
  const today = brusselsDate(now);
  return today < meetingDate ? 'upcoming' : today === meetingDate ? 'today' : 'over';
}
