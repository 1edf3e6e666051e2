/** Dutch weekday and month names come from Intl (nl-BE): the same words the hand-made tables had. */
import { MONTH_NAMES, monthName, shortWeekdayName, weekdayName, weekdayOf } from '../../../shared/messages/dates';
import { calendarMessages } from '../../../shared/messages/calendar';
import { cliMessages } from '../../../shared/messages/cli';
import { mailMessages } from '../../../shared/messages/mail';

describe('dates in Belgian Dutch (Intl nl-BE)', () => {
  it('names the weekdays, ISO 1 = Monday ... 7 = Sunday, long and short', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(weekdayName)).toEqual(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']);
    expect([1, 2, 3, 4, 5, 6, 7].map(shortWeekdayName)).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    expect([0, 8, 1.5].map(weekdayName)).toEqual(['', '', '']);
    expect(cliMessages.weekdays).toEqual(['', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
  });

  it('names the months', () => {
    expect(MONTH_NAMES).toEqual(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);
    expect([0, 13].map(monthName)).toEqual(['', '']);
  });

  it('the weekday of a calendar day does not depend on the time zone (a day is a UTC midnight)', () => {
    // Christmas 2025 was a Thursday; 24/12 the Wednesday the consultation moved to (R-H); leap day 2028 a Tuesday.
    expect(['2025-12-25', '2025-12-24', '2028-02-29', '2026-03-29'].map(weekdayOf)).toEqual(['donderdag', 'woensdag', 'dinsdag', 'zondag']);
  });

  it('keeps the texts the messages wrote with the tables', () => {
    expect(mailMessages.longDate('2026-11-26', 4)).toBe('donderdag 26 november 2026');
    expect(mailMessages.weekday(7)).toBe('zondag');
    expect(calendarMessages.takesOver(['2027-08', '2027-12'])).toContain('de dossiers van augustus 2027 en december 2027 op');
  });
});
