import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  datePartsOf,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isAfter,
  isBefore,
  isLeapYear,
  isValidIsoDate,
  lastDayOfMonth,
  latestDate,
  parseIsoDate,
} from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/rules/errors';

/** Any valid date between 1900 and 2200, built from its parts. */
const isoDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('isValidIsoDate / parseIsoDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01', '9999-12-31', '2025-04-30'])(
    'accepts %s',
    (value) => {
      expect(isValidIsoDate(value)).toBe(true);
      expect(parseIsoDate(value)).toBe(value);
    },
  );

  it.each([
    ['a non-leap 29 February', '2025-02-29'],
    ['1900, not a leap year', '1900-02-29'],
    ['month 13', '2025-13-01'],
    ['month 0', '2025-00-10'],
    ['day 0', '2025-01-00'],
    ['31 April', '2025-04-31'],
    ['year 0', '0000-01-01'],
    ['a one-digit month', '2025-1-01'],
    ['a time part', '2025-01-01T00:00'],
    ['leading space', ' 2025-01-01'],
    ['trailing newline', '2025-01-01\n'],
    ['slashes', '01/02/2025'],
    ['empty', ''],
    ['a five-digit year', '12025-01-01'],
  ])('rejects %s (%j) with a validation DomainError in Dutch', (_what, value) => {
    expect(isValidIsoDate(value)).toBe(false);
    expect(() => parseIsoDate(value)).toThrow(DomainError);
    try {
      parseIsoDate(value);
    } catch (e) {
      expect((e as DomainError).code).toBe('validation');
      expect((e as DomainError).message).toMatch(/Ongeldige datum/);
    }
  });

  it('rejects non-strings without crashing', () => {
    expect(isValidIsoDate(undefined)).toBe(false);
    expect(isValidIsoDate(20250101)).toBe(false);
    expect(() => parseIsoDate(null as unknown as string)).toThrow(DomainError);
  });

  it('echoes at most a short, single-line excerpt of a rejected value', () => {
    const long = `2025-01-01${'x'.repeat(500)}\nmore`;
    try {
      parseIsoDate(long);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect((e as DomainError).message.length).toBeLessThan(160);
      expect((e as DomainError).message).not.toContain('\n');
    }
  });

  it('round-trips parts through formatIsoDate and datePartsOf', () => {
    fc.assert(fc.property(isoDate, (date) => expect(formatIsoDate(datePartsOf(date))).toBe(date)));
  });

  it('formatIsoDate refuses parts that are not a day', () => {
    expect(() => formatIsoDate({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => formatIsoDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
    expect(formatIsoDate({ year: 5, month: 3, day: 7 })).toBe('0005-03-07');
  });
});

describe('daysInMonth / isLeapYear', () => {
  it.each([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
    expect(lastDayOfMonth(formatIsoDate({ year, month, day: 1 }))).toBe(formatIsoDate({ year, month, day: days }));
  });

  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [2100, false],
  ])('isLeapYear(%i) = %s', (year, leap) => expect(isLeapYear(year)).toBe(leap));
});

describe('addMonths (calendar months, clamped to month end: PROTOCOL, R2, R11)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2025-03-10', 12, '2026-03-10'],
    ['2025-03-10', 0, '2025-03-10'],
    ['2025-08-31', 18, '2027-02-28'],
    ['2025-01-01', -13, '2023-12-01'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adding a total at once differs from adding month by month at a month end', () => {
    expect(addMonths(addMonths('2025-01-31', 1), 1)).toBe('2025-03-28');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
  });

  it('moves the month by exactly n and keeps the day unless it is clamped to the month end', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -240, max: 240 }), (date, n) => {
        const from = datePartsOf(date);
        const to = datePartsOf(addMonths(date, n));
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(n);
        if (to.day !== from.day) {
          expect(to.day).toBeLessThan(from.day);
          expect(to.day).toBe(daysInMonth(to.year, to.month));
        }
      }),
    );
  });

  it('is monotonic: a later date never lands before an earlier one', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -60, max: 60 }), (a, b, n) => {
        if (compareDates(a, b) <= 0) expect(compareDates(addMonths(a, n), addMonths(b, n))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('refuses a non-integer amount and a result outside 0001-9999', () => {
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-01', -1)).toThrow(RangeError);
  });

  it('refuses an invalid date with a validation DomainError', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(DomainError);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-29', 2, '2025-03-31'], // across the switch to summer time in Brussels
    ['2025-10-25', 2, '2025-10-27'], // across the switch back to winter time
    ['0050-06-15', 1, '0050-06-16'], // two-digit years are not mapped to 19xx
    ['2025-05-29', 0, '2025-05-29'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('is undone by adding the opposite amount and agrees with daysBetween', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(addDays(moved, -n)).toBe(date);
        expect(daysBetween(date, moved)).toBe(n);
        expect(compareDates(moved, date)).toBe(Math.sign(n));
      }),
    );
  });

  it('refuses a non-integer amount', () => {
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', Number.NaN)).toThrow(RangeError);
  });
});

describe('compareDates / isBefore / isAfter / latestDate / daysBetween', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
  ] as const)('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
    expect(isBefore(a, b)).toBe(expected < 0);
    expect(isAfter(a, b)).toBe(expected > 0);
  });

  it('is antisymmetric and agrees with the order of days', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(compareDates(a, b)).toBe(-compareDates(b, a) || 0);
        expect(compareDates(a, b)).toBe(Math.sign(daysBetween(b, a)));
      }),
    );
  });

  it('throws on an invalid date instead of comparing strings', () => {
    expect(() => compareDates('2025-1-1', '2025-01-01')).toThrow(DomainError);
  });

  it('latestDate picks the latest', () => {
    expect(latestDate('2025-03-01', '2025-01-01', '2025-04-30', '2025-04-01')).toBe('2025-04-30');
    expect(latestDate('2025-03-01')).toBe('2025-03-01');
  });

  it('daysBetween counts calendar days', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
  });
});

describe('dayOfWeek (ISO 8601: 1 = Monday ... 7 = Sunday)', () => {
  it.each([
    ['2025-05-29', 4], // Ascension 2025, a Thursday (R-H example)
    ['2025-12-25', 4], // Christmas 2025, a Thursday
    ['2031-05-22', 4], // Ascension 2031
    ['2033-07-21', 4], // National Day 2033
    ['2025-03-03', 1],
    ['2025-03-08', 6],
    ['2025-03-09', 7],
    ['2000-01-01', 6],
    ['1970-01-01', 4],
  ])('%s is weekday %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('advances by one each day, wrapping Sunday to Monday', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(dayOfWeek(addDays(date, 1))).toBe((dayOfWeek(date) % 7) + 1);
        expect(dayOfWeek(addDays(date, 7))).toBe(dayOfWeek(date));
      }),
    );
  });
});
