/**
 * Calendar-day arithmetic on `IsoDate` strings ('YYYY-MM-DD'), pure and time-zone free.
 *
 * A date is a day in Europe/Brussels, but the arithmetic never needs the zone: every computation runs
 * on UTC midnight, where no day is ever 23 or 25 hours long. Years 0001-9999 are supported (the
 * proleptic Gregorian calendar), the range a four-digit year can write.
 *
 * - A month added to a date is a calendar month, clamped to the month's last day
 *   (2025-01-31 + 1 month = 2025-02-28; PROTOCOL, R2, R11).
 * - Weekdays are numbered as in ISO 8601: 1 = Monday ... 7 = Sunday.
 */
import { calendarMessages } from '../messages/calendar';
import { DomainError } from './errors';
import type { IsoDate } from './types';

/** ISO 8601 weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
/** How much of a rejected value is echoed in the error message. */
const ECHO_LIMIT = 40;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days of a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True for an existing calendar day written exactly as 'YYYY-MM-DD'. */
export const isValidIsoDate = (value: unknown): value is IsoDate => partsOf(value) !== undefined;

function echo(value: unknown): string {
  // The value can come from a user: show a short, single-line excerpt only.
  const text = typeof value === 'string' ? value : String(value);
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return oneLine.length > ECHO_LIMIT ? `${oneLine.slice(0, ECHO_LIMIT)}…` : oneLine;
}

/**
 * Checks that `value` is a valid 'YYYY-MM-DD' date and returns it, typed. Throws a validation
 * DomainError with a Dutch message otherwise.
 */
export function parseIsoDate(value: string): IsoDate {
  if (!isValidIsoDate(value)) throw new DomainError('validation', calendarMessages.invalidDate(echo(value)));
  return value;
}

/** The parts of a valid date (throws like `parseIsoDate`). */
export function datePartsOf(date: IsoDate): DateParts {
  const parts = partsOf(date);
  if (!parts) throw new DomainError('validation', calendarMessages.invalidDate(echo(date)));
  return parts;
}

/** Writes parts as 'YYYY-MM-DD'; throws a RangeError when they are not an existing day. */
export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || year > MAX_YEAR || !isValidIsoDate(text)) {
    throw new RangeError(`Not a date between 0001-01-01 and 9999-12-31: ${year}-${month}-${day}`);
  }
  return text;
}

/** Milliseconds of UTC midnight of the date (no 0-99 year mapping, unlike Date.UTC). */
function utcMidnight({ year, month, day }: DateParts): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function fromUtcMidnight(ms: number): IsoDate {
  const d = new Date(ms);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function assertInteger(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${what} must be an integer, got ${amount}`);
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromUtcMidnight(utcMidnight(datePartsOf(date)) + days * DAY_MS);
}

/**
 * The date `months` calendar months later (earlier when negative), clamped to the last day of the
 * target month: 2025-01-31 + 1 = 2025-02-28, 2024-01-31 + 1 = 2024-02-29.
 * Add a total at once: adding 1 month twice can differ from adding 2 (03-31 vs 03-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { year, month, day } = datePartsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`${date} + ${months} months is outside 0001-9999`);
  }
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** -1 when a is before b, 0 when equal, 1 when after. Throws on an invalid date. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  datePartsOf(a);
  datePartsOf(b);
  // Valid 'YYYY-MM-DD' strings sort like the days they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) < 0;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) > 0;

/** The latest of one or more dates. */
export function latestDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((latest, date) => (isAfter(date, latest) ? date : latest), parseIsoDate(first));
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(datePartsOf(to)) - utcMidnight(datePartsOf(from))) / DAY_MS);
}

/** ISO 8601 weekday of the date: 1 = Monday ... 7 = Sunday. */
export function dayOfWeek(date: IsoDate): Weekday {
  const sundayIsZero = new Date(utcMidnight(datePartsOf(date))).getUTCDay();
  return (sundayIsZero === 0 ? 7 : sundayIsZero) as Weekday;
}

/** The last day of the date's month. */
export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = datePartsOf(date);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}
