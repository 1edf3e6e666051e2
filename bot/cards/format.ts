/** Dutch (nl-BE) dates and the least personal form of a tenant's name for shared chats. */
import { DateTime } from 'luxon';
import { PROTOCOL_TIME_ZONE } from '../../shared/rules/calendar';
import type { Instant, IsoDate } from '../../shared/rules/types';

const LOCALE = 'nl-BE';

/** "donderdag 27 november 2025" */
export const longDate = (date: IsoDate): string =>
  DateTime.fromISO(date, { zone: PROTOCOL_TIME_ZONE }).setLocale(LOCALE).toFormat('cccc d LLLL yyyy');

/** "27/11/2025" */
export const shortDate = (date: IsoDate): string => DateTime.fromISO(date, { zone: PROTOCOL_TIME_ZONE }).toFormat('dd/LL/yyyy');

/** "27/11/2025 om 14:05", in Brussels time whatever the offset of the instant. */
export const dateTime = (instant: Instant): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(PROTOCOL_TIME_ZONE).setLocale(LOCALE).toFormat("dd/LL/yyyy 'om' HH:mm");

/** "november 2025" */
export const monthName = (month: string): string =>
  DateTime.fromISO(`${month}-01`, { zone: PROTOCOL_TIME_ZONE }).setLocale(LOCALE).toFormat('LLLL yyyy');

/** "Aïsha El Amrani" -> "A. E. A.": enough to recognise a dossier in a meeting, not to identify someone. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((part) => /\p{L}/u.test(part))
    .map((part) => `${[...part][0]?.toLocaleUpperCase(LOCALE) ?? ''}.`)
    .join(' ');
}
