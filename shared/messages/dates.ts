/**
 * Dutch weekday and month names from Intl (nl-BE), not tabled by hand. Calendar days are formatted as
 * UTC midnights: a day's name does not depend on a clock or the machine's time zone. Node 20/22 and
 * the browsers carry full ICU, so these are "maandag", "ma", "januari" everywhere.
 */
const inUtc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nl-BE', { ...options, timeZone: 'UTC' });

const WEEKDAY_LONG = inUtc({ weekday: 'long' });
const WEEKDAY_SHORT = inUtc({ weekday: 'short' });
const MONTH_LONG = inUtc({ month: 'long' });

/** ISO weekday 1 (Monday) ... 7 (Sunday) as a day: 1 January 2024 was a Monday. */
const isoWeekdayDate = (isoWeekday: number): Date | undefined =>
  Number.isInteger(isoWeekday) && isoWeekday >= 1 && isoWeekday <= 7 ? new Date(Date.UTC(2024, 0, isoWeekday)) : undefined;

/** "maandag" ... "zondag"; '' for anything but 1-7. */
export function weekdayName(isoWeekday: number): string {
  const day = isoWeekdayDate(isoWeekday);
  return day ? WEEKDAY_LONG.format(day) : '';
}

/** "ma" ... "zo"; '' for anything but 1-7. */
export function shortWeekdayName(isoWeekday: number): string {
  const day = isoWeekdayDate(isoWeekday);
  return day ? WEEKDAY_SHORT.format(day) : '';
}

/** The weekday of a calendar day "YYYY-MM-DD": "donderdag". */
export function weekdayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return WEEKDAY_LONG.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)));
}

/** "januari" ... "december" for 1-12; '' otherwise. */
export function monthName(month: number): string {
  return Number.isInteger(month) && month >= 1 && month <= 12 ? MONTH_LONG.format(new Date(Date.UTC(2000, month - 1, 1))) : '';
}

/** The twelve month names, index 0 = January. */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, i) => monthName(i + 1));
