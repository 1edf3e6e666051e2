/**
 * Dates as a Flemish user types and reads them (dd/mm/jjjj, the week from Monday), and as the API
 * takes them (ISO JJJJ-MM-DD). Pure: no clock, no DOM; the date picker (components/date-field.ts)
 * only renders. The picker works with local Date objects at midnight: the ISO day is read from the
 * local year, month and day, so no time zone shifts a day (Brussels midnight stays the same day).
 */
import { dateInputMessages as t } from '../../../shared/messages/date-input';

/** The calendar's month and day names in Belgian Dutch (Intl), its buttons from the catalogue. */
export interface CalendarTexts {
  months: string[];
  shortMonths: string[];
  /** From Sunday, as the picker expects; it starts the week on Monday through its own setting. */
  days: string[];
  shortDays: string[];
  goToToday: string;
  weekNumberFormatString: string;
  prevMonthAriaLabel: string;
  nextMonthAriaLabel: string;
  prevYearAriaLabel: string;
  nextYearAriaLabel: string;
  prevYearRangeAriaLabel: string;
  nextYearRangeAriaLabel: string;
  closeButtonAriaLabel: string;
  selectedDateFormatString: string;
  todayDateFormatString: string;
  monthPickerHeaderAriaLabel: string;
  yearPickerHeaderAriaLabel: string;
  dayMarkedAriaLabel: string;
}

const names = (options: Intl.DateTimeFormatOptions, dates: Date[]): string[] => {
  const format = new Intl.DateTimeFormat('nl-BE', { ...options, timeZone: 'UTC' });
  return dates.map((d) => format.format(d).replace(/\.$/, ''));
};
const MONTH_DATES = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2024, m, 1)));
// 7 January 2024 was a Sunday.
const WEEK_DATES = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2024, 0, 7 + d)));

export function calendarTexts(): CalendarTexts {
  return {
    months: names({ month: 'long' }, MONTH_DATES),
    shortMonths: names({ month: 'short' }, MONTH_DATES),
    days: names({ weekday: 'long' }, WEEK_DATES),
    shortDays: names({ weekday: 'short' }, WEEK_DATES),
    goToToday: t.goToToday,
    weekNumberFormatString: t.weekNumber,
    prevMonthAriaLabel: t.prevMonth,
    nextMonthAriaLabel: t.nextMonth,
    prevYearAriaLabel: t.prevYear,
    nextYearAriaLabel: t.nextYear,
    prevYearRangeAriaLabel: t.prevYearRange,
    nextYearRangeAriaLabel: t.nextYearRange,
    closeButtonAriaLabel: t.close,
    selectedDateFormatString: t.selected,
    todayDateFormatString: t.today,
    monthPickerHeaderAriaLabel: t.monthPickerHeader,
    yearPickerHeaderAriaLabel: t.yearPickerHeader,
    dayMarkedAriaLabel: t.marked,
  };
}

/** How the calendar writes a day and a month: "24 december 2026", "december 2026" (Dutch order). */
export interface CalendarFormatting {
  formatDay(date: Date): string;
  formatMonth(date: Date, strings: { months: string[] }): string;
  formatYear(date: Date): string;
  formatMonthDayYear(date: Date, strings: { months: string[] }): string;
  formatMonthYear(date: Date, strings: { months: string[] }): string;
}

export const calendarFormatting: CalendarFormatting = {
  formatDay: (date) => String(date.getDate()),
  formatMonth: (date, strings) => strings.months[date.getMonth()] ?? '',
  formatYear: (date) => String(date.getFullYear()),
  formatMonthDayYear: (date, strings) => `${date.getDate()} ${strings.months[date.getMonth()] ?? ''} ${date.getFullYear()}`,
  formatMonthYear: (date, strings) => `${strings.months[date.getMonth()] ?? ''} ${date.getFullYear()}`,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar day, or undefined (31/02, month 13, year 0). */
function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? undefined : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * What a user types: day first (24/12/2026, 24-12-2026, 24.12.2026, 1/2/2027, with spaces around),
 * or the ISO day that a pasted value or the API may carry (2026-12-24). Undefined when it is no day.
 * A two-digit year is refused: 24/12/26 could be read two ways.
 */
export function parseTypedDate(text: string): string | undefined {
  const s = text.trim();
  const dayFirst = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (dayFirst) return isoOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** "2026-12-24" -> "24/12/2026"; anything else as it is. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The picker's Date (local midnight) for an ISO day; undefined for no day. */
export function localDateOf(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !isoOf(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The ISO day of a Date the picker chose (its local year, month and day). */
export function isoOfLocalDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
