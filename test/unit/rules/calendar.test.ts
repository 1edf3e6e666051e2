import fc from 'fast-check';
import {
  meetingPhase,
  addWorkingDays,
  brusselsDate,
  consultationOnOrAfter,
  flagDeadlinePassed,
  isWorkingDay,
  lastThursday,
  monthCalendar,
  nextOpenConsultation,
  workingDayOnOrBefore,
} from '../../../shared/rules/calendar';
import { addDays, compareDates, dayOfWeek } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/rules/errors';

const noClosingDays = { closingDays: [] as string[] };

describe('R12: the consultation is on the last Thursday of the month', () => {
  it.each([
    ['2025-01', '2025-01-30'],
    ['2025-02', '2025-02-27'],
    ['2024-02', '2024-02-29'], // leap day is the last Thursday
    ['2026-12', '2026-12-31'], // the month's last day is a Thursday
    ['2026-10', '2026-10-29'],
    ['2027-04', '2027-04-29'],
  ])('R12: %s meets on %s', (month, expected) => {
    expect(lastThursday(month)).toBe(expected);
    expect(monthCalendar(month, noClosingDays).meetingDate).toBe(expected);
  });
});

describe('R13: the invitation goes out on the second-to-last Thursday', () => {
  it.each([
    ['2025-01', '2025-01-23'],
    ['2025-12', '2025-12-18'],
    ['2026-12', '2026-12-24'],
    ['2026-11', '2026-11-19'],
  ])('R13: invitation of %s on %s', (month, expected) => {
    expect(monthCalendar(month, noClosingDays).invitationDate).toBe(expected);
  });
});

describe('R-H: protocol dates on a holiday or closing day move to the previous working day', () => {
  it('R-H: meeting of May 2025 moves from Ascension (29/05) to Wednesday 28/05', () => {
    const may = monthCalendar('2025-05', noClosingDays);
    expect(may.meetingDate).toBe('2025-05-28');
    expect(may.meetingMoved).toMatchObject({ from: '2025-05-29', reason: { kind: 'public-holiday', name: 'Hemelvaartsdag' } });
    expect(may.meetingMoved?.description).toBe('verplaatst van 29/05/2025 wegens Hemelvaartsdag (wettelijke feestdag)');
    expect(may.invitationDate).toBe('2025-05-22');
    expect(may.invitationMoved).toBeUndefined();
  });

  it('R-H: meeting of December 2025 moves from Christmas to 24/12, and so does the flag deadline', () => {
    const december = monthCalendar('2025-12', noClosingDays);
    expect(december).toMatchObject({
      meetingDate: '2025-12-24',
      invitationDate: '2025-12-18',
      flagDeadline: '2025-12-24T00:00:00+01:00',
      meetingMoved: { from: '2025-12-25', reason: { kind: 'public-holiday', name: 'Kerstmis' } },
    });
  });

  it('R-H: invitation of May 2031 moves from Ascension (22/05) to 21/05', () => {
    const may = monthCalendar('2031-05', noClosingDays);
    expect(may.invitationDate).toBe('2031-05-21');
    expect(may.invitationMoved).toMatchObject({ from: '2031-05-22', reason: { name: 'Hemelvaartsdag' } });
    expect(may.meetingDate).toBe('2031-05-29');
  });

  it('R-H: invitation of July 2033 moves from National Day (21/07) to 20/07', () => {
    const july = monthCalendar('2033-07', noClosingDays);
    expect(july.invitationDate).toBe('2033-07-20');
    expect(july.invitationMoved).toMatchObject({ from: '2033-07-21', reason: { name: 'Nationale feestdag' } });
  });

  it('R-H: a configured closing day of the landlord moves the meeting too', () => {
    const december = monthCalendar('2026-12', { closingDays: ['2026-12-31'] });
    expect(december.meetingDate).toBe('2026-12-30');
    expect(december.meetingMoved).toMatchObject({ from: '2026-12-31', reason: { kind: 'closing-day' } });
    expect(december.meetingMoved?.description).toContain('sluitingsdag');
  });

  it('R-H: the move skips several closing days and a weekend', () => {
    // Closed from Monday 21/12 to Thursday 31/12/2026: the meeting moves to Friday 18/12.
    const closingDays = ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'];
    const december = monthCalendar('2026-12', { closingDays });
    expect(december.meetingDate).toBe('2026-12-18');
    // The invitation (24/12, closed) would fall after the meeting: it goes to the working day before it.
    expect(december.invitationDate).toBe('2026-12-17');
    expect(december.invitationMoved?.reason).toEqual({ kind: 'before-meeting' });
  });

  it('R-H: a holiday that is not on a protocol date moves nothing (Easter Monday 2025)', () => {
    const april = monthCalendar('2025-04', noClosingDays);
    expect(april).toMatchObject({ meetingDate: '2025-04-24', invitationDate: '2025-04-17' });
    expect(april.meetingMoved).toBeUndefined();
  });

  it('R-H: all ten Belgian public holidays of 2026 are non-working days', () => {
    const holidays = ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25'];
    expect(holidays.filter((d) => isWorkingDay(d, noClosingDays))).toEqual([]);
    expect(isWorkingDay('2026-11-26', noClosingDays)).toBe(true);
    expect(workingDayOnOrBefore('2026-11-11', noClosingDays)).toBe('2026-11-10');
  });
});

describe('R15: the flag deadline is 00:00 Brussels time on the meeting day', () => {
  it.each([
    // winter time, +01:00
    ['2025-12', '2025-12-24T00:00:00+01:00'],
    ['2026-03', '2026-03-26T00:00:00+01:00'], // before the switch to summer time on 29/03
    ['2026-10', '2026-10-29T00:00:00+01:00'], // after the switch back on 25/10
    // summer time, +02:00
    ['2026-04', '2026-04-30T00:00:00+02:00'],
    ['2025-10', '2025-10-30T00:00:00+01:00'],
    ['2026-06', '2026-06-25T00:00:00+02:00'],
  ])('R15: deadline of %s is %s', (month, deadline) => {
    expect(monthCalendar(month, noClosingDays).flagDeadline).toBe(deadline);
  });

  it('R15: a flag one second before midnight counts, at midnight it is too late (summer time)', () => {
    const june = monthCalendar('2026-06', noClosingDays);
    expect(flagDeadlinePassed(june, '2026-06-24T23:59:59+02:00')).toBe(false);
    expect(flagDeadlinePassed(june, '2026-06-25T00:00:00+02:00')).toBe(true);
    // 22:30 UTC on the 24th is already the 25th in Brussels.
    expect(flagDeadlinePassed(june, '2026-06-24T22:30:00Z')).toBe(true);
    expect(flagDeadlinePassed(june, '2026-06-24T21:59:59Z')).toBe(false);
  });

  it('R15: in winter the deadline is 23:00 UTC the day before', () => {
    const december = monthCalendar('2025-12', noClosingDays);
    expect(flagDeadlinePassed(december, '2025-12-23T22:59:59Z')).toBe(false);
    expect(flagDeadlinePassed(december, '2025-12-23T23:00:00Z')).toBe(true);
  });

  it('R15: after the deadline, the next open consultation is next month', () => {
    expect(nextOpenConsultation('2025-12-23T22:59:59Z', noClosingDays).meetingDate).toBe('2025-12-24');
    expect(nextOpenConsultation('2025-12-24T00:00:00+01:00', noClosingDays).meetingDate).toBe('2026-01-29');
    // Late in December, past the meeting: January.
    expect(nextOpenConsultation('2025-12-31T23:30:00+01:00', noClosingDays).month).toBe('2026-01');
  });
});

describe('R15, R16: a meeting is upcoming, today or over by the Brussels day', () => {
  it('R15: the day before, the day itself from 00:00 to 23:59:59 Brussels, and from the next 00:00 over (winter and summer time)', () => {
    expect(meetingPhase('2025-12-24', '2025-12-23T23:59:59+01:00')).toBe('upcoming');
    expect(meetingPhase('2025-12-24', '2025-12-23T23:00:00Z')).toBe('today');
    expect(meetingPhase('2025-12-24', '2025-12-24T22:59:59Z')).toBe('today');
    expect(meetingPhase('2025-12-24', '2025-12-24T23:00:00Z')).toBe('over');
    expect(meetingPhase('2026-06-25', '2026-06-24T22:00:00Z')).toBe('today');
    expect(meetingPhase('2026-06-25', '2026-06-25T21:59:59Z')).toBe('today');
    expect(meetingPhase('2026-06-25', '2026-06-25T22:00:00Z')).toBe('over');
  });

  it('R15: across the end of the month and the year', () => {
    expect(meetingPhase('2026-12-31', '2027-01-01T00:00:00+01:00')).toBe('over');
    expect(meetingPhase('2027-01-28', '2026-12-31T23:59:59+01:00')).toBe('upcoming');
  });
});

describe('R11: the consultation a date belongs to is the first held on or after it', () => {
  it.each([
    ['2025-02-27', '2025-02-27'], // on the meeting day itself
    ['2025-02-28', '2025-03-27'], // after the meeting: next month
    ['2025-05-28', '2025-05-28'], // the moved meeting day (Ascension)
    ['2025-05-29', '2025-06-26'], // the original meeting day, after the moved meeting
    ['2025-12-25', '2026-01-29'],
    ['2026-12-01', '2026-12-31'],
  ])('R11: %s belongs to the consultation of %s', (date, meeting) => {
    expect(consultationOnOrAfter(date, noClosingDays).meetingDate).toBe(meeting);
  });
});

describe('R10: working days', () => {
  it('R10: five working days skip weekends and Christmas', () => {
    // Mon 22, Tue 23, Wed 24, (Thu 25 Christmas), Fri 26, Mon 29
    expect(addWorkingDays('2025-12-19', 5, noClosingDays)).toBe('2025-12-29');
  });
  it('R10: five working days from a Monday are the next Monday', () => {
    expect(addWorkingDays('2026-11-23', 5, noClosingDays)).toBe('2026-11-30');
  });
});

describe('Brussels dates of a moment', () => {
  it('maps an instant to its Brussels calendar day', () => {
    expect(brusselsDate('2026-06-24T22:30:00Z')).toBe('2026-06-25');
    expect(brusselsDate('2025-12-23T22:59:00Z')).toBe('2025-12-23');
  });
});

describe('input', () => {
  it.each(['2025-13', '2025-00', '25-01', '2025-1', 'december'])('refuses the month "%s" with a Dutch message', (month) => {
    expect(() => monthCalendar(month, noClosingDays)).toThrow(DomainError);
    expect(() => monthCalendar(month, noClosingDays)).toThrow(/Ongeldige maand/);
  });
});

describe('properties', () => {
  const month = fc.record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }).map(
    ({ year, month }) => `${year}-${String(month).padStart(2, '0')}`,
  );
  const closingDaysAround = (m: string) =>
    fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }).map((offsets) => offsets.map((o) => addDays(`${m}-01`, o)));

  it('R12/R-H: the meeting is the last Thursday, or the closest working day before it', () => {
    fc.assert(
      fc.property(month.chain((m) => fc.tuple(fc.constant(m), closingDaysAround(m))), ([m, closingDays]) => {
        const config = { closingDays };
        const { meetingDate, meetingMoved } = monthCalendar(m, config);
        const planned = lastThursday(m);
        expect(dayOfWeek(planned)).toBe(4);
        expect(meetingDate).toBe(workingDayOnOrBefore(planned, config));
        expect(isWorkingDay(meetingDate, config)).toBe(true);
        expect(meetingMoved === undefined).toBe(meetingDate === planned);
        // no working day between the moved meeting and the planned one
        for (let d = addDays(meetingDate, 1); compareDates(d, planned) <= 0; d = addDays(d, 1)) {
          expect(isWorkingDay(d, config)).toBe(false);
        }
      }),
    );
  });

  it('R13/R15: invitation < deadline <= meeting, all on working days', () => {
    fc.assert(
      fc.property(month.chain((m) => fc.tuple(fc.constant(m), closingDaysAround(m))), ([m, closingDays]) => {
        const config = { closingDays };
        const c = monthCalendar(m, config);
        expect(compareDates(c.invitationDate, c.meetingDate)).toBeLessThan(0);
        expect(c.flagDeadline.slice(0, 10)).toBe(c.meetingDate);
        expect(c.flagDeadline).toMatch(/T00:00:00\+0[12]:00$/);
        expect(isWorkingDay(c.invitationDate, config)).toBe(true);
      }),
    );
  });
});

describe('R-H: a month whose meeting is pushed out of its month has no consultation', () => {
  // The landlord is closed for all of August 2027: August's meeting would fall on 30/07/2027, the day after July's.
  const august = { closingDays: Array.from({ length: 31 }, (_, i) => `2027-08-${String(i + 1).padStart(2, '0')}`) };

  it('R-H: August is cancelled with a whole Dutch sentence that names where its dossiers go', () => {
    const cal = monthCalendar('2027-08', august);
    expect(cal.cancelled).toEqual({
      wouldBe: '2027-07-30',
      movedTo: '2027-09',
      description:
        'Het overleg van augustus 2027 vervalt: door de sluitingsdagen van de verhuurder zou het op 30/07/2027 vallen, buiten de maand en niet na het overleg van de maand ervoor. De dossiers gaan naar het overleg van 30/09/2027.',
    });
    expect(monthCalendar('2027-07', august).cancelled).toBeUndefined();
  });

  it("R-H: September's consultation takes over August's dossiers, and says so", () => {
    expect(monthCalendar('2027-09', august).takesOver).toEqual({
      months: ['2027-08'],
      description: 'Dit overleg neemt ook de dossiers van augustus 2027 op: het overleg van die maand vervalt door de sluitingsdagen van de verhuurder.',
    });
    expect(monthCalendar('2027-10', august).takesOver).toBeUndefined();
  });

  it('R-H, R11, R15: the next consultation skips the cancelled month', () => {
    expect(consultationOnOrAfter('2027-07-30', august).meetingDate).toBe('2027-09-30');
    expect(consultationOnOrAfter('2027-08-15', august).meetingDate).toBe('2027-09-30');
    expect(consultationOnOrAfter('2027-07-29', august).meetingDate).toBe('2027-07-29');
    expect(nextOpenConsultation('2027-07-29T08:00:00+02:00', august).month).toBe('2027-09');
    expect(nextOpenConsultation('2027-08-10T08:00:00+02:00', august).month).toBe('2027-09');
  });

  it('R-H: a closing day that moves the meeting within its month cancels nothing', () => {
    const cal = monthCalendar('2027-08', { closingDays: ['2027-08-26'] });
    expect(cal).toMatchObject({ meetingDate: '2027-08-25' });
    expect(cal.cancelled).toBeUndefined();
  });

  it('R-H: every remark is a whole sentence in its use; the invitation moved before the meeting says why in words', () => {
    // Closed 26-29/05/2031 and 23/05: the meeting moves to 21/05, the invitation (22/05, Ascension) to 20/05.
    const cal = monthCalendar('2031-05', { closingDays: ['2031-05-23', '2031-05-26', '2031-05-27', '2031-05-28', '2031-05-29'] });
    expect(cal.invitationMoved?.description).toBe('verplaatst van 22/05/2031, omdat de uitnodiging vóór het overleg moet vallen');
    expect(cal.invitationMoved?.description).not.toContain('wegens moet');
  });

  it('R-H: over any closing days, a month is cancelled exactly when its meeting leaves the month, and then the next consultation is later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), (year, m, closedDays) => {
        const month = `${year}-${String(m).padStart(2, '0')}`;
        const last = lastThursday(month);
        const closingDays = Array.from({ length: closedDays }, (_, i) => addDays(last, -i));
        const cal = monthCalendar(month, { closingDays });
        expect(Boolean(cal.cancelled)).toBe(cal.meetingDate.slice(0, 7) !== month);
        if (cal.cancelled) expect(monthCalendar(cal.cancelled.movedTo, { closingDays }).takesOver?.months).toContain(month);
        const next = consultationOnOrAfter(`${month}-01`, { closingDays });
        expect(next.cancelled).toBeUndefined();
        expect(next.meetingDate >= `${month}-01`).toBe(true);
      }),
    );
  });
});
