/**
 * Date fields of the dossier pages (bot/tab/logic/date-input.ts): typed and shown as dd/mm/jjjj,
 * sent as ISO, calendar names in Belgian Dutch, nothing in English or mm/dd/yyyy.
 */
import fc from 'fast-check';
import { calendarFormatting, calendarTexts, displayDate, isoOfLocalDate, localDateOf, parseTypedDate } from '../../../bot/tab/logic/date-input';
import { dateInputMessages } from '../../../shared/messages/date-input';

describe('typing a date (dd/mm/jjjj)', () => {
  it('reads the day first, with /, - or . and single digits, and gives the ISO day', () => {
    expect(parseTypedDate('24/12/2026')).toBe('2026-12-24');
    expect(parseTypedDate(' 4-1-2027 ')).toBe('2027-01-04');
    expect(parseTypedDate('01.03.2026')).toBe('2026-03-01');
    // 03/04 is the third of April, never the fourth of March.
    expect(parseTypedDate('03/04/2026')).toBe('2026-04-03');
  });

  it('takes the ISO day as it is (pasted, or a value from the API)', () => {
    expect(parseTypedDate('2026-12-31')).toBe('2026-12-31');
  });

  it('knows the end of each month and leap years', () => {
    expect(parseTypedDate('31/01/2026')).toBe('2026-01-31');
    expect(parseTypedDate('31/04/2026')).toBeUndefined();
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    expect(parseTypedDate('29/02/2027')).toBeUndefined();
    expect(parseTypedDate('2027-02-29')).toBeUndefined();
  });

  it('refuses what is no day: month 13, day 0, a two-digit year, words, empty', () => {
    for (const text of ['12/13/2026', '00/12/2026', '24/12/26', 'morgen', '', '24/12', '2026/12/24']) expect(parseTypedDate(text)).toBeUndefined();
  });

  it('shows an ISO day as dd/mm/jjjj', () => {
    expect(displayDate('2026-12-04')).toBe('04/12/2026');
  });

  it('property: every day from 1900 to 2099 survives typing it as shown, and the picker\'s local Date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseTypedDate(displayDate(iso))).toBe(iso);
        const local = localDateOf(iso);
        expect(local && isoOfLocalDate(local)).toBe(iso);
      }),
    );
  });

  it('the picker\'s Date is local midnight of that day: the last day of a month and New Year stay themselves', () => {
    for (const iso of ['2026-12-31', '2027-01-01', '2026-03-29', '2026-10-25']) {
      const d = localDateOf(iso) as Date;
      expect([d.getHours(), d.getMinutes()]).toEqual([0, 0]);
      expect(isoOfLocalDate(d)).toBe(iso);
    }
    expect(localDateOf('2026-02-30')).toBeUndefined();
  });
});

describe('the calendar in Belgian Dutch', () => {
  const texts = calendarTexts();

  it('has Dutch month and day names, the days from Sunday as the picker expects', () => {
    expect(texts.months).toEqual(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);
    expect(texts.days).toEqual(['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']);
    expect(texts.shortDays).toEqual(['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za']);
    expect(texts.shortMonths[2]).toBe('mrt');
  });

  it('no English is left in its buttons and labels', () => {
    const all = Object.values(texts).flat().join(' ');
    expect(all).not.toMatch(/January|Monday|Go to|Previous|Next|Close|Selected|Today|marked/);
    expect(texts.goToToday).toBe(dateInputMessages.goToToday);
  });

  it('writes a day and a month in Dutch order', () => {
    const d = new Date(2026, 11, 4);
    expect(calendarFormatting.formatMonthDayYear(d, texts)).toBe('4 december 2026');
    expect(calendarFormatting.formatMonthYear(d, texts)).toBe('december 2026');
  });

  it('a refused text names what was typed and how to write a day', () => {
    expect(dateInputMessages.invalid('12/31/2026')).toBe('"12/31/2026" is geen geldige datum: typ dd/mm/jjjj, bijvoorbeeld 24/12/2026, of kies een dag in de kalender.');
    expect(dateInputMessages.placeholder).toBe('dd/mm/jjjj');
  });
});
