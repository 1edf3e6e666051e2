/** The overview's months to pick (bot/tab/logic/months.ts): across the end of the year, newest first. */
import { recentMonths, shiftMonth } from '../../../bot/tab/logic/months';
import { reportMessages } from '../../../shared/messages/report';

describe('months of the overview period', () => {
  it('moves across the end of the year both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', -11)).toBe('2026-01');
    expect(shiftMonth('2026-01', -12)).toBe('2025-01');
  });

  it('lists the months up to the current one, newest first, in Dutch', () => {
    const months = recentMonths('2027-02', 4);
    expect(months).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
    expect(months.map(reportMessages.month)).toEqual(['februari 2027', 'januari 2027', 'december 2026', 'november 2026']);
  });
});
