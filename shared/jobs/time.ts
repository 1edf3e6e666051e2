/** Moments of the protocol calendar in Brussels time, for deciding what is due at `now`. */
import { DateTime } from 'luxon';
import { PROTOCOL_TIME_ZONE, instantMillis } from '../rules/calendar';
import type { Instant, IsoDate } from '../rules/types';

/** `date` at `time` ("HH:MM") in Brussels, ISO 8601 with the offset of that moment. */
export function atBrussels(date: IsoDate, time: string): Instant {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: PROTOCOL_TIME_ZONE });
  if (!dt.isValid) throw new Error('time: invalid date or time');
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** A JavaScript Date as an Instant in Brussels time (the scheduler's clock → the jobs' `now`). */
export const instantOf = (date: Date): Instant => DateTime.fromJSDate(date).setZone(PROTOCOL_TIME_ZONE).toISO({ suppressMilliseconds: true }) as string;

export const atOrAfter = (now: Instant, moment: Instant): boolean => instantMillis(now) >= instantMillis(moment);

export const minusDays = (now: Instant, days: number): Instant =>
  DateTime.fromISO(now, { setZone: true }).minus({ days }).toISO({ suppressMilliseconds: true }) as string;

/** A consultation slot's start and end on its day, from "HH:MM" and minutes. */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * A moment typed on a command line: ISO 8601, read in Brussels time when it has no offset
 * ("2026-11-19T08:00" is 08:00 in Brussels). Undefined when it is not a moment.
 */
export function parseMoment(value: string): Instant | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) return undefined;
  const dt = DateTime.fromISO(value, { zone: PROTOCOL_TIME_ZONE, setZone: /(Z|[+-]\d{2}:\d{2})$/.test(value) });
  return dt.isValid ? (dt.toISO({ suppressMilliseconds: true }) as string) : undefined;
}
